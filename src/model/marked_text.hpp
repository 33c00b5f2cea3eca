#pragma once
#include <string>

#include "util/diagnostic.hpp"

namespace coach {

// A text from an input file, with where it is, so messages can point at it.
struct MarkedText {
  std::string text;
  SourceMark mark;
};

}  // namespace coach
