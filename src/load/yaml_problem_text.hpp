#pragma once
// libyaml's syntax errors, worded for a trainer: in Chinese where we know the problem, in
// libyaml's own English otherwise.
#include <string>
#include <string_view>

namespace coach {

// "YAML syntax error: …" for one of libyaml's problems.
std::string syntax_error_text(std::string_view problem);
// " (while parsing a flow sequence that starts at 3:7)", for a problem's context.
std::string syntax_context_text(std::string_view context, int line, int column);

}  // namespace coach
