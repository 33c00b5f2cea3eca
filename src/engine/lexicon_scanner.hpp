#pragma once
// Finds every concept of the lexicon in a reply at once: one Aho–Corasick pass over the text
// finds all the phrases, and with them the literal pieces (atoms) that RE2's FilteredRE2 says
// each pattern needs; only the patterns whose atoms are all there run on their own. The cost
// grows with the length of the reply, not with the lexicon, and nothing warms up: a DFA for
// the whole set (RE2::Set) builds states for every new reply and made a cold run slow.
//
// In a long reply nearly every pattern's atoms occur somewhere, so the same pass also finds
// each pattern's anchors (pattern_shape.hpp): a pattern whose matches stay inside a clause
// then runs only on the clauses where one of its anchors stands.
#include <re2/filtered_re2.h>

#include <memory>
#include <vector>

#include "engine/pattern_shape.hpp"
#include "engine/reply_scan.hpp"
#include "text/normalizer.hpp"
#include "util/phrase_automaton.hpp"

namespace coach {

class LexiconScanner {
 public:
  // Below this length a reply is a few clauses at most, and running a pattern over all of it
  // costs less than finding its clauses.
  static constexpr std::size_t kUnitScanMinBytes = 256;

  // matchers[i] is concept number i's. Replies of `unit_scan_min_bytes` or more run their
  // patterns clause by clause (tests set it to compare the two ways).
  explicit LexiconScanner(const std::vector<const PhraseMatcher*>& matchers,
                          std::size_t unit_scan_min_bytes = kUnitScanMinBytes);

  ReplyScan scan(const NormalizedText& reply) const;

 private:
  struct Owner {
    std::uint32_t concept_index;
    std::uint32_t source;  // the phrase's or pattern's number within its concept
  };
  struct PatternInfo {
    Owner owner;
    PatternReach reach;
    bool anchored;  // it has anchors: every match holds one
  };
  struct Found {  // an atom or an anchor in the reply: its number, where it starts
    std::uint32_t number;
    std::uint32_t begin;
  };
  using Hits = std::vector<std::pair<std::uint32_t, PhraseMatch>>;  // concept number, match

  void add_pattern(const RE2& pattern, Owner owner);
  // The candidates: the patterns whose atoms are all in the reply.
  std::vector<int> candidates(const std::vector<Found>& atoms) const;
  void run(int pattern, std::string_view text, std::size_t from, std::size_t to, Hits& hits) const;
  // Every candidate over the whole text.
  void find_patterns(std::string_view text, const std::vector<Found>& atoms, Hits& hits) const;
  // Candidates bound to clauses (sentences) run on the clauses (sentences) holding their
  // anchors; the others over the whole text.
  void find_patterns_by_unit(std::string_view text, const std::vector<Found>& atoms,
                             const std::vector<Found>& anchors, Hits& hits) const;

  std::size_t concept_count_;
  std::size_t unit_scan_min_bytes_;
  // The concepts' phrases, then the patterns' atoms, then their anchors.
  PhraseAutomaton phrases_;
  std::vector<Owner> phrase_owners_;  // per phrase
  std::uint32_t first_anchor_ = 0;    // the automaton's number of the first anchor
  std::unique_ptr<re2::FilteredRE2> patterns_;
  std::vector<PatternInfo> pattern_info_;          // by pattern id in patterns_
  std::vector<std::vector<int>> anchor_patterns_;  // per anchor, the patterns it anchors
};

}  // namespace coach
