#pragma once
// How a negation reads for a pattern's match. Before the match, as for a phrase; and inside it:
// a gap such as [^,.!?;]{0,8} takes in the 不 or 没 that turns the sentence round, so
// (你|您)(肯定|一定)[^,.!?;]{0,8}(记错|弄错) matched the reassurance 您一定不是记错了 and failed
// the trainee as blaming the customer (outside pass 16). Leaving 不 and 没 out of the gaps missed
// blame with a negation elsewhere (您一定是没仔细看就充错了), so the negation is read where it
// matters: in each gap before the words of a requirement (from the start of the match or the
// words of the one before), as if the match began there (那就[不能]给您开了, 您一定[不是]记错了,
// [我们不会]道歉). A negation the pattern asks for itself (保证永远不会出问题) is one of those
// words, never in a gap, so it never turns the match round.
#include <cstddef>
#include <string_view>

#include "engine/negation.hpp"
#include "engine/pattern_shape.hpp"
#include "text/normalizer.hpp"

namespace coach {

Negation read_pattern_negation(std::string_view normalized, TextSpan match,
                               const Requirements& required);

// The same, with the negation before the match read through `before` (NegationReader::at), which
// the scanner shares among all the matches of a reply. The gaps are read as their own texts.
Negation read_pattern_negation(NegationReader& before, TextSpan match,
                               const Requirements& required);

// Where a requirement's word stands in a match: bytes from the match's start.
struct WordInMatch {
  static constexpr std::size_t kNowhere = std::string_view::npos;
  std::size_t begin = kNowhere;
  std::size_t end = kNowhere;
};

// The same, for a caller that knows where the requirements' words stand: `first_word(k, from)`
// is the first word of requirement k (of `requirements`) that begins at `from` or after and
// ends inside the match, and at the earliest place the one listed first. The scanner knows
// from its automaton pass, and spares each match a search of its text for every word.
template <typename FirstWord>
Negation read_pattern_negation(NegationReader& before, TextSpan match, std::size_t requirements,
                               FirstWord&& first_word) {
  const std::string_view normalized = before.text();
  Negation negation = before.at(match.begin);
  // The requirements' words in the order the pattern asks for them; each gap before one, from
  // the start of the match or the words before, is read as if the match began there.
  std::size_t gap = 0;
  for (std::size_t k = 0; k < requirements; ++k) {
    if (negation.negated && negation.denied) break;  // nothing inside can add to it
    const WordInMatch word = first_word(k, gap);
    if (word.begin == WordInMatch::kNowhere) break;
    if (word.begin > gap) {
      const Negation inside =
          read_negation(normalized.substr(match.begin + gap), word.begin - gap, before.present());
      negation.negated = negation.negated || inside.negated;
      negation.denied = negation.denied || inside.denied;
    }
    gap = word.end;
  }
  return negation;
}

}  // namespace coach
