#include "engine/pattern_negation.hpp"

namespace coach {
namespace {

constexpr std::size_t kNowhere = std::string_view::npos;

struct Found {
  std::size_t begin = kNowhere;
  std::size_t end = kNowhere;
};

// The first word of `words` that starts at `from` or after, in `span`.
Found first_word(std::string_view span, const Words& words, std::size_t from) {
  Found first;
  for (const std::string& word : words) {
    const std::size_t at = span.find(word, from);
    if (at != kNowhere && (first.begin == kNowhere || at < first.begin))
      first = {at, at + word.size()};
  }
  return first;
}

}  // namespace

Negation read_pattern_negation(std::string_view normalized, TextSpan match,
                               const Requirements& required) {
  NegationReader before(normalized);
  return read_pattern_negation(before, match, required);
}

Negation read_pattern_negation(NegationReader& before, TextSpan match,
                               const Requirements& required) {
  const std::string_view normalized = before.text();
  Negation negation = before.at(match.begin);
  const std::string_view span = normalized.substr(match.begin, match.end - match.begin);
  // The requirements' words in the order the pattern asks for them; each gap before one, from
  // the start of the match or the words before, is read as if the match began there.
  std::size_t gap = 0;
  for (const Words& words : required) {
    if (negation.negated && negation.denied) break;  // nothing inside can add to it
    const Found word = first_word(span, words, gap);
    if (word.begin == kNowhere) break;
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
