#pragma once
// Finds every concept of the lexicon in a reply at once: one Aho–Corasick pass over the text
// finds all the phrases, and with them the literal pieces (atoms) that RE2's FilteredRE2 says
// each pattern needs; only the patterns whose atoms are all there run on their own. The cost
// grows with the length of the reply, not with the lexicon, and nothing warms up: a DFA for
// the whole set (RE2::Set) builds states for every new reply and made a cold run slow.
#include <re2/filtered_re2.h>

#include <memory>
#include <vector>

#include "engine/reply_scan.hpp"
#include "text/normalizer.hpp"
#include "util/phrase_automaton.hpp"

namespace coach {

class LexiconScanner {
 public:
  // matchers[i] is concept number i's.
  explicit LexiconScanner(const std::vector<const PhraseMatcher*>& matchers);

  ReplyScan scan(const NormalizedText& reply) const;

 private:
  struct Owner {
    std::uint32_t concept_index;
    std::uint32_t source;  // the phrase's or pattern's number within its concept
  };

  void find_patterns(std::string_view text, const std::vector<int>& atoms,
                     std::vector<std::pair<std::uint32_t, PhraseMatch>>& hits) const;

  std::size_t concept_count_;
  PhraseAutomaton phrases_;           // the concepts' phrases, then the patterns' atoms
  std::vector<Owner> phrase_owners_;  // per phrase (the atoms come after)
  std::unique_ptr<re2::FilteredRE2> patterns_;
  std::vector<Owner> pattern_owners_;  // per pattern, by its id in patterns_
};

}  // namespace coach
