#pragma once
// The fragments of a reply: its clauses, cut again at every mark typed inside them (、 read as
// a comma already cuts a clause, as does a space or line break read as one; / • | an emoji do
// not). Keyword stuffing is judged
// fragment by fragment, so which mark a trainee puts between the keywords of a list
// (王先生😀谢谢😀满意吗?😀回访😀改进, 王先生/原因是/办理/今天之内) does not change the verdict.
#include <vector>

#include "text/clauses.hpp"
#include "text/normalizer.hpp"

namespace coach {

struct Fragment {
  TextSpan span;      // normalised offsets
  TextSpan original;  // where it was typed
  bool asks = false;  // ends its clause, and the clause with a question mark
};

// The fragments of `clauses` (split_clauses of the reply's normalised text), in order. A mark
// between ASCII letters or digits (1.8, 2-3天, 10:00) cuts nothing; nor does a fragment that
// holds no character of its own (a run of marks, an emoji alone).
std::vector<Fragment> split_fragments(const NormalizedText& reply,
                                      const std::vector<Clause>& clauses);

}  // namespace coach
