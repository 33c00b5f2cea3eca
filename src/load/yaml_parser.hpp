#pragma once
// Reads YAML text into a YamlNode tree with libyaml, the reference C parser: it reads our files
// ten times faster than yaml-cpp, never recurses, and counts columns in characters. What would
// make the tree huge (aliases that multiply) or deep, and a second document, are refused.
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "load/yaml_node.hpp"

namespace coach {

struct YamlProblem {
  YamlMark mark;
  std::string message;  // in the user's language
};

// The one document of `text` (UTF-8), or the first problem that stops it from being read.
std::variant<YamlNode, YamlProblem> parse_yaml(std::string_view text);

}  // namespace coach
