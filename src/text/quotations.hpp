#pragma once
// Words the trainee mentions rather than says: in 我不会跟您说“您弄错了”这种话 the quoted words
// are talked about, not said to the customer, and rules do not count them. Quotation marks
// alone do not make a mention: “是您自己弄错了” with nothing around it is said all the same,
// or a forbidden phrase could be excused by wrapping it in marks.
#include <cstddef>
#include <string_view>
#include <vector>

#include "text/normalizer.hpp"

namespace coach {

struct QuotedRanges {
  std::vector<TextSpan> spans;  // byte ranges of the original, marks excluded; in text order
  // Asked for every character: a reply of many short quotations must not cost their product,
  // and one of none (nearly every reply) must cost no call.
  bool contains(std::size_t pos) const { return !spans.empty() && holds(pos); }

 private:
  bool holds(std::size_t pos) const;
};

// The mentions in a reply as typed: quotations (“…”, 「…」, 『…』, ‘…’, "…", ＂…＂, «…», 〝…〞) of
// at most 40 characters that are reported speech — after a word of saying or thinking (您说,
// 客户问, 我不会说, 觉得:) whose speaker, in its own clause or opening the sentence, is not the
// trainee unless they deny it — or that are named as words (“…”这种话, “…”之类).
QuotedRanges find_mentions(std::string_view original);

}  // namespace coach
