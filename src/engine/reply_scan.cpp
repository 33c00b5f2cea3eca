#include "engine/reply_scan.hpp"

#include <algorithm>

namespace coach {

bool ReplyScan::says(std::size_t concept_index) const {
  const auto matches = of(concept_index);
  return std::any_of(matches.begin(), matches.end(), [](const PhraseMatch& m) { return m.said(); });
}

}  // namespace coach
