#include "engine/reply_scan.hpp"

#include <algorithm>

namespace coach {

bool ReplyScan::says(std::size_t concept_index) const {
  const auto matches = of(concept_index);
  return std::any_of(matches.begin(), matches.end(), [](const PhraseMatch& m) { return m.said(); });
}

std::vector<PhraseMatch> counted(std::span<const PhraseMatch> matches, bool negation) {
  std::vector<PhraseMatch> kept;
  for (const PhraseMatch& match : matches) {
    if (!negation || match.said()) kept.push_back(match);
  }
  return kept;
}

}  // namespace coach
