#pragma once
// Typing slips in a trainer's pattern that replies have mended before matching (自已 → 自己,
// 弄措 → 弄错: text/miswritings): a pattern that spells one where a reply would have it mended
// (自已弄措了, 自已 at its end, 自已[^,]) looks for what no normalised reply holds.
#include <string>
#include <string_view>
#include <vector>

#include "engine/pattern_syntax.hpp"

namespace coach {

// The pattern with its certain slips mended, or an empty text when it has none. A slip is
// certain when a reply has it mended whatever the pattern lets stand before it and follow it
// (自已经确认 keeps 自已, 因该 is 应该 only before what 应该 is said of).
struct MendedPattern {
  std::string text;
  bool word_may_follow = false;  // a slip might be meant as the start of a word (自个儿)
};
MendedPattern mended_slips(std::string_view pattern, const std::vector<Token>& tokens);

// What the load says of such a pattern: what to write instead.
std::string slip_refusal(std::string_view pattern, const MendedPattern& mended);

}  // namespace coach
