#include "engine/pattern_negation.hpp"

namespace coach {
namespace {

// The first word of `words` that starts at `from` or after, in `span`.
WordInMatch first_word(std::string_view span, const Words& words, std::size_t from) {
  WordInMatch first;
  for (const std::string& word : words) {
    const std::size_t at = span.find(word, from);
    if (at != WordInMatch::kNowhere && (first.begin == WordInMatch::kNowhere || at < first.begin))
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
  const std::string_view span = before.text().substr(match.begin, match.end - match.begin);
  return read_pattern_negation(
      before, match, required.size(),
      [&](std::size_t k, std::size_t from) { return first_word(span, required[k], from); });
}

}  // namespace coach
