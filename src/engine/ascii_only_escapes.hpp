#pragma once
// What RE2 reads as ASCII only where a trainer means Chinese too: `\w` (in a class too, as
// `[\w]`, `[[:word:]]` or `[^\W]`), another POSIX class of ASCII alone (`[[:alpha:]]`,
// `[[:alnum:]]`, `[[:punct:]]` …: RE2's POSIX classes hold nothing else), and a `\b` or `\B`
// beside Chinese characters (engine/pattern_assertions). `\w` never matches a Chinese character,
// and `\b滚\b` holds nowhere in Chinese text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/pattern_syntax.hpp"

namespace coach {

// The first such escape or class of the pattern, as written.
std::optional<std::string_view> ascii_only_escape(std::string_view pattern,
                                                  const std::vector<Token>& tokens);

// What the load says of it, with what to write instead.
std::string ascii_only_refusal(std::string_view pattern, std::string_view escape);

}  // namespace coach
