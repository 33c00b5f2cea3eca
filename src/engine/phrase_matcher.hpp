#pragma once
// Finds a set of phrases and RE2 patterns in normalised text, each occurrence flagged when a
// negation governs it. Phrases are normalised and patterns checked once, at load.
#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/negation.hpp"
#include "engine/trainer_pattern.hpp"
#include "model/marked_text.hpp"
#include "text/normalizer.hpp"
#include "util/diagnostic.hpp"
#include "util/phrase_automaton.hpp"

namespace coach {

struct PhraseMatch {
  TextSpan span;         // in the normalised text
  std::size_t source;    // index into phrases, then patterns
  bool negated = false;  // read_negation's wide reading
  bool denied = false;   // its narrow one: a negation plainly governs it (then negated too)
  bool quoted =
      false;  // set only where the reply is known (find_all(NormalizedText), LexiconScanner)
  // Found only by reading through a pause typed inside the phrase (您……弄错了): its span then
  // covers the pause. Rules count it; keyword stuffing does not (it is not a phrase listed).
  bool across_pause = false;

  bool said() const { return !negated && !quoted; }
  // Whether a rule that forbids the phrase holds it against the trainee: unless it is plainly
  // denied or only mentioned. Wider than said(): an unrelated negation before a forbidden phrase
  // does not excuse it.
  bool held_against() const { return !denied && !quoted; }
  bool operator==(const PhraseMatch&) const = default;
};

// Text order: earlier first, and of two that start together the longer first.
bool operator<(const PhraseMatch& a, const PhraseMatch& b);

// Merging the reply's two readings: text order, and of two occurrences of the same words the one
// the reply's own reading has first, so that `same_occurrence` keeps it.
inline bool own_reading_first(const PhraseMatch& a, const PhraseMatch& b) {
  if (a < b || b < a) return a < b;
  return !a.across_pause && b.across_pause;
}
inline bool same_occurrence(const PhraseMatch& a, const PhraseMatch& b) {
  return a.span == b.span && a.source == b.source;
}

// Makes `match`, found (and marked negated and quoted) in reply.read_through, a match of the
// reply, across_pause, its span covering what was typed. False when it joins no pause: the
// reply's own reading has it already.
bool carry_across_pause(const NormalizedText& reply, PhraseMatch& match);

// Calls found(begin, end) for each leftmost, non-overlapping match that lies in text[from, to),
// each found by leftmost(start), the leftmost match in text[start, to). Searching stops early
// where may_match_from(start) says no match can begin at `start` or after.
template <typename Leftmost, typename Found, typename MayMatchFrom>
void for_each_leftmost_match(Leftmost&& leftmost, std::string_view text, std::size_t from,
                             std::size_t to, Found&& found, MayMatchFrom&& may_match_from) {
  std::size_t start = from;
  while (start <= to && may_match_from(start)) {
    const std::optional<TextSpan> match = leftmost(start);
    if (!match) return;
    found(match->begin, match->end);
    // Step past the match (or one character for an empty match) to find the next.
    start = match->end > match->begin ? match->end : match->end + 1;
    while (start < to && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  }
}

// Calls found(begin, end) for each leftmost, non-overlapping match of `pattern` that lies in
// text[from, to). The rest of the text is still context: `^`, `$` and `\b` see it. Searching
// stops early where may_match_from(start) says no match can begin at `start` or after.
template <typename Found, typename MayMatchFrom>
void for_each_pattern_match(const RE2& pattern, std::string_view text, std::size_t from,
                            std::size_t to, Found&& found, MayMatchFrom&& may_match_from) {
  const auto leftmost = [&](std::size_t start) {
    return search_leftmost(pattern, text, start, to);
  };
  for_each_leftmost_match(leftmost, text, from, to, std::forward<Found>(found),
                          std::forward<MayMatchFrom>(may_match_from));
}

// The same for a trainer's pattern, which finds its matches without RE2's reversed program
// while it is rarely matched (engine/leftmost_search).
template <typename Found, typename MayMatchFrom>
void for_each_pattern_match(const TrainerPattern& pattern, std::string_view text, std::size_t from,
                            std::size_t to, Found&& found, MayMatchFrom&& may_match_from) {
  const auto leftmost = [&](std::size_t start) { return pattern.leftmost_match(text, start, to); };
  for_each_leftmost_match(leftmost, text, from, to, std::forward<Found>(found),
                          std::forward<MayMatchFrom>(may_match_from));
}

template <typename Pattern, typename Found>
void for_each_pattern_match(const Pattern& pattern, std::string_view text, std::size_t from,
                            std::size_t to, Found&& found) {
  for_each_pattern_match(pattern, text, from, to, std::forward<Found>(found),
                         [](std::size_t) { return true; });
}

template <typename Pattern, typename Found>
void for_each_pattern_match(const Pattern& pattern, std::string_view text, Found&& found) {
  for_each_pattern_match(pattern, text, 0, text.size(), std::forward<Found>(found));
}

// The matches of a trainer's pattern that begin at or after `from`, in text order, each as its
// words (TrainerPattern::words_of) read for negation (read_pattern_negation) and numbered
// `source`: what a concept's pattern, a rule's regex and an `order` item all count.
std::vector<PhraseMatch> pattern_matches(const TrainerPattern& pattern, std::string_view text,
                                         std::size_t source, std::size_t from = 0);

// Of the phrases of one group (a concept's, a rule's list) found starting at one place, only the
// longest counts: the shorter ones there (嗯 and 嗯嗯 in 嗯嗯嗯) say nothing more, and what a rule
// reads of a phrase match (its negation, whether it is quoted) depends only on where it begins.
// Without this, K nested phrases gave K matches at every character of a reply that repeats
// one, each read, sorted and listed as evidence: scoring took time in K × the reply's length,
// and the evidence grew with K². A scan asks, for each match of a phrase that nests with
// another (PhraseMatcher::nests), where it goes; the map is left empty by other replies.
class LongestAtPlace {
 public:
  // The index of the match of `group` found from `begin` that is kept already, or `next`
  // (where the caller then appends this one) when there is none.
  std::size_t slot(std::uint32_t group, std::size_t begin, std::size_t next) {
    const std::uint64_t place = (std::uint64_t{group} << 32) | begin;
    return kept_.try_emplace(place, next).first->second;
  }

  // Whether `found` is the first match of `group` at its place, to be appended as match `next`;
  // if not, the match kept there (`kept_at(index)`) takes its end and source when it is longer.
  template <typename KeptAt>
  bool is_first(std::uint32_t group, const PhraseMatch& found, std::size_t next, KeptAt kept_at) {
    const std::size_t at = slot(group, found.span.begin, next);
    if (at == next) return true;
    PhraseMatch& kept = kept_at(at);
    if (found.span.end > kept.span.end) {  // found later at the same place: longer
      kept.span.end = found.span.end;
      kept.source = found.source;
    }
    return false;
  }

 private:
  std::unordered_map<std::uint64_t, std::size_t> kept_;
};

// Marks phrase matches, in order of where they begin, negated as read_negation reads them
// (`match_of` gives an item's PhraseMatch). That depends only on where a match begins, so it is
// read once per place: nested phrases (嗯, 嗯嗯 …) and phrases of many concepts share places.
template <typename Items, typename MatchOf>
void read_negations_by_place(NegationReader& reader, Items&& items, MatchOf match_of) {
  Negation negation;
  const PhraseMatch* previous = nullptr;
  for (auto& item : items) {
    PhraseMatch& match = match_of(item);
    if (!previous || match.span.begin != previous->span.begin)
      negation = reader.at(match.span.begin);
    match.negated = negation.negated;
    match.denied = negation.denied;
    previous = &match;
  }
}

template <typename Items, typename MatchOf>
void read_negations_by_place(std::string_view text, Items&& items, MatchOf match_of) {
  NegationReader reader(text);
  read_negations_by_place(reader, items, match_of);
}

class PhraseMatcher {
 public:
  static constexpr std::uint32_t kNoPrefix = 0xFFFFFFFF;

  // Patterns that are invalid or refused (engine/trainer_pattern.hpp) are reported against
  // `file` and left out.
  PhraseMatcher(const std::vector<std::string>& phrases, const std::vector<MarkedText>& patterns,
                const std::string& file, Diagnostics& diagnostics);

  // Every occurrence, in text order, each marked negated or not; of the phrases found starting
  // at one place, the longest (LongestAtPlace): the others there are its prefixes (prefix_of).
  std::vector<PhraseMatch> find_all(std::string_view normalized) const;

  // The same, each also marked quoted or not, as LexiconScanner marks them: `counts()` then
  // says which a rule counts.
  std::vector<PhraseMatch> find_all(const NormalizedText& reply) const;

  std::size_t source_count() const { return phrases_.size() + patterns_.size(); }
  const std::vector<std::string>& phrases() const { return phrases_; }
  // The phrases as the trainer wrote them, for messages.
  const std::vector<std::string>& display_phrases() const { return display_; }
  const std::vector<std::unique_ptr<TrainerPattern>>& patterns() const { return patterns_; }
  // Whether phrase `i` begins another phrase of the list, or another begins it (the same words
  // listed twice included): only then can two of them be found starting at one place.
  bool nests(std::size_t i) const { return i < nests_.size() && nests_[i]; }
  // The longest other phrase of the list that phrase (or pattern) `i` begins with, or
  // kNoPrefix: a match of `i` says that one too, and so on down the chain.
  std::uint32_t prefix_of(std::size_t i) const {
    return i < prefix_.size() ? prefix_[i] : kNoPrefix;
  }

 private:
  std::vector<std::string> phrases_;  // normalised
  std::vector<std::string> display_;  // as written, same order
  std::vector<std::unique_ptr<TrainerPattern>> patterns_;
  PhraseAutomaton automaton_;          // over phrases_
  std::vector<bool> nests_;            // per phrase
  std::vector<std::uint32_t> prefix_;  // per phrase

  void find_nesting();
};

// RE2 options for trainer-written patterns: UTF-8, bounded memory, no logging to stderr.
RE2::Options pattern_options();

}  // namespace coach
