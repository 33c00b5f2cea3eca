#pragma once
// A reply that says the same sentence three times or more — a block pasted over and over, one
// answer sent again and again — is not an answer, however good the sentence is.
#include <string_view>
#include <vector>

#include "text/clauses.hpp"

namespace coach {

// Whether a sentence of `normalized` (between full stops, question and exclamation marks) is said
// three times or more, word for word. `clauses` are those of split_clauses(normalized).
bool repeats_a_sentence(std::string_view normalized, const std::vector<Clause>& clauses);

}  // namespace coach
