#pragma once
// Splits normalised text into clauses (between commas) and sentences (between full stops,
// question and exclamation marks), the units in which negation and questions are judged.
#include <string_view>
#include <vector>

#include "text/normalizer.hpp"

namespace coach {

struct Clause {
  TextSpan span;        // without its closing punctuation
  char terminator = 0;  // ',', '.', '?', '!', ';', ':' or 0 at the end of the text
  bool ends_sentence = true;
};

std::vector<Clause> split_clauses(std::string_view normalized);

// Whether the character at byte `pos` of normalised text ends a clause.
bool is_clause_boundary(std::string_view normalized, std::size_t pos);

}  // namespace coach
