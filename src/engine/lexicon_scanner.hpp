#pragma once
// Finds every concept of the lexicon in a reply at once: one Aho–Corasick pass for all the
// phrases and one RE2::Set pass to learn which patterns match, so that only those run on their
// own to say where. The cost grows with the length of the reply, not with the lexicon.
#include <re2/set.h>

#include <memory>
#include <vector>

#include "util/phrase_automaton.hpp"
#include "engine/reply_scan.hpp"
#include "text/normalizer.hpp"

namespace coach {

class LexiconScanner {
 public:
  LexiconScanner() = default;
  // matchers[i] is concept number i's.
  explicit LexiconScanner(const std::vector<const PhraseMatcher*>& matchers);

  ReplyScan scan(const NormalizedText& reply) const;

 private:
  struct Owner {
    std::uint32_t concept_index;
    std::uint32_t source;  // the phrase's or pattern's number within its concept
  };

  void find_patterns(std::string_view text,
                     std::vector<std::pair<std::uint32_t, PhraseMatch>>& hits) const;

  std::vector<const PhraseMatcher*> matchers_;
  PhraseAutomaton phrases_;
  std::vector<Owner> phrase_owners_;
  std::unique_ptr<RE2::Set> patterns_;
  std::vector<Owner> pattern_owners_;
  std::vector<const RE2*> pattern_list_;
};

}  // namespace coach
