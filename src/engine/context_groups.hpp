#pragma once
// The context a pattern makes sure of without saying it: a first group `(^|[^不算])` that asks
// for the start of the text or a character other than some, a last group `([,.!?;]|$)` that asks
// for the end of a clause. What such a group matched is not the trainee's words: the evidence a
// trainee is shown (and where a negation is read from) starts after it and ends before it, so
// 一般都是手机的问题 is quoted as 都是手机的问题, not 般都是手机的问题.
#include <string_view>

namespace coach {

// RE2's numbers of the two groups (1 for the first capturing group), 0 where there is none.
struct ContextGroups {
  int leading = 0;
  int trailing = 0;
  bool any() const { return leading != 0 || trailing != 0; }
};

// Only a group that is the pattern's first (or last) element, is not repeated, and has `^`
// (or `$`) as one of its alternatives, in a pattern with no `|` of its own outside groups. A
// trainer may also name such a group `before` (or `after`): then it is context whatever it
// holds, words too (`(?P<after>,您|[^,])`), since RE2 has no lookaround to say so.
ContextGroups find_context_groups(std::string_view pattern);

}  // namespace coach
