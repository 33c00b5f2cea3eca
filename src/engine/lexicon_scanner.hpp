#pragma once
// Finds every concept of the lexicon in a reply at once. One Aho–Corasick pass over the text
// finds all the phrases and, with them, the words each RE2 pattern requires (pattern_shape:
// for 让(您|你)[^,.!?;]{0,6}(委屈|气), 让, one of 您/你 and one of 委屈/气). A pattern runs
// only where all its requirements are met: in the clause (or sentence) holding them when its
// matches cannot leave a clause (sentence), else over the whole reply. The cost grows with the
// length of the reply, not with the lexicon, and nothing warms up: a DFA for the whole set
// (RE2::Set) builds states for every new reply and made a cold run slow. Each pattern is the
// one its concept compiled at load: nothing is compiled twice.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/negation.hpp"
#include "engine/pattern_negation.hpp"
#include "engine/pattern_shape.hpp"
#include "engine/reply_scan.hpp"
#include "engine/trainer_pattern.hpp"
#include "text/normalizer.hpp"
#include "util/phrase_automaton.hpp"

namespace coach {

class LexiconScanner {
 public:
  // Below this length a reply is a few clauses at most, and a pattern runs over all of it
  // rather than clause by clause.
  static constexpr std::size_t kUnitScanMinBytes = 256;

  // matchers[i] is concept number i's; they must outlive the scanner. Replies of
  // `unit_scan_min_bytes` or more run their patterns clause by clause (tests set it to compare
  // the two ways).
  explicit LexiconScanner(const std::vector<const PhraseMatcher*>& matchers,
                          std::size_t unit_scan_min_bytes = kUnitScanMinBytes);

  // Every concept's occurrences, as its PhraseMatcher::find_all finds them: of its phrases
  // found starting at one place, only the longest (LongestAtPlace).
  ReplyScan scan(const NormalizedText& reply) const;

 private:
  struct Owner {
    std::uint32_t concept_index;
    std::uint32_t source;  // the phrase's or pattern's number within its concept
  };
  struct Pattern {
    const TrainerPattern* source;
    Owner owner;
    PatternReach reach;
    // Word numbers, one of each group in every match. Empty: the pattern runs on every reply.
    std::vector<std::vector<std::uint32_t>> required;
    // Word numbers, one of which begins every match. Empty: matches may begin anywhere.
    std::vector<std::uint32_t> leading;
    // Bit (number % 64) set for each leading word: most words of a reply lead no match of the
    // pattern, and one bit says so without searching `leading`.
    std::uint64_t leading_bits = 0;
    // Whether every required word is one the automaton can find (none is empty), so that the
    // words found in the reply say where each stands in a match (first_required_word).
    bool words_found = true;
  };
  struct WordFound {
    std::uint32_t word;
    std::uint32_t begin;
  };
  static std::uint64_t word_bit(std::uint32_t word) { return std::uint64_t{1} << (word % 64); }
  static bool leads(const Pattern& pattern, std::uint32_t word) {
    return (pattern.leading_bits & word_bit(word)) != 0 &&
           std::find(pattern.leading.begin(), pattern.leading.end(), word) != pattern.leading.end();
  }
  using Hits = std::vector<std::pair<std::uint32_t, PhraseMatch>>;  // concept number, match
  class Units;

  using WordNumbers = std::unordered_map<std::string, std::uint32_t>;
  void add_pattern(const TrainerPattern& source, Owner owner, WordNumbers& numbers);
  std::uint32_t word_number(const std::string& word, WordNumbers& numbers);
  void choose_triggers();
  // The first word of `required` that begins at `from` (bytes into `match`) or after and ends
  // inside `match`, of the words found in the unit holding it; at one place, the one listed
  // first. What a search of the match's text for each word finds (pattern_negation).
  WordInMatch first_required_word(const std::vector<std::uint32_t>& required, TextSpan match,
                                  std::size_t from, std::span<const WordFound> unit_words) const;
  // `negations` reads before each match of the text (NegationReader::at).
  template <typename MayMatchFrom>
  void run(const Pattern& pattern, NegationReader& negations, std::size_t from, std::size_t to,
           std::span<const WordFound> unit_words, MayMatchFrom&& may_match_from, Hits& hits) const;
  void run_in_units(NegationReader& negations, const std::vector<WordFound>& words,
                    const Units& units, std::initializer_list<PatternReach> reaches,
                    Hits& hits) const;
  static void sort_by_begin(std::vector<WordFound>& words);
  void find_patterns(NegationReader& negations, std::vector<WordFound>& words, Hits& hits) const;
  // Every occurrence in one reading of the reply, marked negated and quoted by that reading.
  void find_all(const NormalizedText& reading, Hits& hits) const;

  std::size_t concept_count_;
  std::size_t unit_scan_min_bytes_;
  PhraseAutomaton automaton_;         // the concepts' phrases, then the patterns' words
  std::vector<Owner> phrase_owners_;  // per phrase
  std::vector<bool> phrase_nests_;    // per phrase: PhraseMatcher::nests
  std::vector<std::string> words_;    // the patterns' words, numbered from 0
  // The words the negation reading asks about (WordsPresent), found in the same pass: after the
  // patterns' words in the automaton, from number first_fact_word_.
  std::uint32_t first_fact_word_ = 0;
  std::vector<WordsPresent::Flag> fact_words_;
  std::vector<Pattern> patterns_;
  // By reach (PatternReach as an index), per word: the patterns looked for where it stands.
  std::array<std::vector<std::vector<std::uint32_t>>, 3> triggered_by_;
  // By reach: the patterns without requirements, run on every reply.
  std::array<std::vector<std::uint32_t>, 3> unrequiring_;
};

}  // namespace coach
