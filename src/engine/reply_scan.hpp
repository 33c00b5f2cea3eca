#pragma once
// Every lexicon concept's occurrences in one reply, found in a single pass (LexiconScanner) and
// shared by everything that asks about concepts: the rules, keyword-stuffing detection, the
// customer's mood and the conditions of later steps.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/phrase_matcher.hpp"

namespace coach {

class ReplyScan {
 public:
  ReplyScan() = default;

  // The occurrences of concept number `concept_index` (CompiledConcept::index), in text order,
  // negated and quoted ones included (PhraseMatch says which).
  std::span<const PhraseMatch> of(std::size_t concept_index) const {
    if (concept_index + 1 >= offsets_.size()) return {};
    return {matches_.data() + offsets_[concept_index],
            matches_.data() + offsets_[concept_index + 1]};
  }

  // Whether the trainee says the concept: an occurrence neither negated nor quoted.
  bool says(std::size_t concept_index) const;

 private:
  friend class LexiconScanner;
  std::vector<PhraseMatch> matches_;    // grouped by concept, each group in text order
  std::vector<std::uint32_t> offsets_;  // concept i's group is [offsets_[i], offsets_[i + 1])
};

// Whether a rule counts an occurrence: without `negation` always; with it (the default), for a
// rule that requires the phrase only if the trainee says it, for one that forbids it unless it
// is plainly denied or only mentioned (PhraseMatch::held_against).
inline bool counts(const PhraseMatch& match, bool negation, bool forbids = false) {
  if (!negation) return true;
  return forbids ? match.held_against() : match.said();
}

}  // namespace coach
