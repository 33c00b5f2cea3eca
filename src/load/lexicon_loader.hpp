#pragma once
// Reads scenarios/lexicons/*.yaml into concepts.
#include <string>

#include "model/lexicon.hpp"
#include "util/diagnostic.hpp"

namespace coach {

// Adds the concepts of one lexicon file to `lexicon`; a concept defined twice is an error.
void load_lexicon_file(const std::string& path, Lexicon& lexicon, Diagnostics& diagnostics);

// Same, from text already read (used by tests and by load_lexicon_file).
void parse_lexicon(const std::string& content, const std::string& file, Lexicon& lexicon,
                   Diagnostics& diagnostics);

}  // namespace coach
