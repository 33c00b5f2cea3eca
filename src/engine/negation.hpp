#pragma once
// Whether a phrase found in a reply is negated: 我们不会道歉 is not an apology, 这不是您的错
// is not blame.
#include <cstddef>
#include <string_view>

namespace coach {

// How a negation before a phrase found in a reply reads. `normalized` is a normalised reply,
// `match_begin` the byte where the match starts.
struct Negation {
  // The wide reading, for rules that require a phrase: a negation word stands before the match
  // in the same clause, close enough to govern it, and is not part of a word that only looks
  // negative (不好意思, 对不起, 非常 …). 我们不会道歉 is no apology.
  bool negated = false;
  // The narrow reading, for rules that forbid a phrase: a negation plainly governs the match —
  // right before it, or across a few words that carry it on (会, 能, 说, 认为, 给您 …):
  // 我们不会说您弄错了, 这不是您的错, 不用您自己查. A forbidden phrase is not excused by a
  // negation of something else before it (查不出问题您肯定弄混了, 真不巧经理今天不在), however
  // the wide reading takes it. Denied implies negated, but for a yes/no question that denies
  // what it asks about (这能怪您自己吗, 这是您的错吗?当然不是), which only this reading takes.
  bool denied = false;
};

// A match that begins at a clause boundary (the `,对吧` a pattern asks for after a restated
// fact) reads neither way: the negation before the mark belongs to the clause it ends.
Negation read_negation(std::string_view normalized, std::size_t match_begin);

}  // namespace coach
