#pragma once
// A concept is a named list of phrases and patterns (apology, empathy, blame …) that every
// scenario shares, defined once in scenarios/lexicons/.
#include <map>
#include <string>
#include <vector>

#include "model/marked_text.hpp"

namespace coach {

struct Concept {
  std::string id;
  std::string label;     // zh
  std::string label_en;  // may be empty
  std::string source;
  std::vector<std::string> phrases;
  std::vector<MarkedText> patterns;  // RE2, on normalised text
  // Never acceptable in any step (insults): a reply that says it fails its step critically
  // even where no rule of the step names the concept.
  bool forbidden_everywhere = false;
  std::string file;
  SourceMark mark;
};

using Lexicon = std::map<std::string, Concept>;

}  // namespace coach
