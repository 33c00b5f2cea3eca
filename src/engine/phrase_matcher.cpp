#include "engine/phrase_matcher.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <span>

#include "engine/negation.hpp"
#include "engine/pattern_negation.hpp"
#include "engine/trainer_pattern.hpp"
#include "util/i18n.hpp"

namespace coach {

bool operator<(const PhraseMatch& a, const PhraseMatch& b) {
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  if (a.span.end != b.span.end) return a.span.end > b.span.end;
  return a.source < b.source;
}

bool carry_across_pause(const NormalizedText& reply, PhraseMatch& match) {
  const TextSpan typed = reply.read_through->to_original(match.span);
  if (!reply.joins_pause(typed)) return false;
  match.span = reply.from_original(typed);
  match.across_pause = true;
  return true;
}

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  options.set_max_mem(8 << 20);
  // Only whole matches are used: without capture groups the programs are smaller, faster to
  // compile and to run.
  options.set_never_capture(true);
  return options;
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases,
                             const std::vector<MarkedText>& patterns, const std::string& file,
                             Diagnostics& diagnostics) {
  for (const auto& phrase : phrases) {
    std::string normalized = normalize_phrase(phrase);
    if (normalized.empty()) continue;
    automaton_.add(normalized);
    phrases_.push_back(std::move(normalized));
    display_.push_back(phrase);
  }
  automaton_.build();
  find_nesting();
  for (const auto& pattern : patterns) {
    if (auto loaded = load_trainer_pattern(pattern, file, diagnostics))
      patterns_.push_back(std::move(loaded));
  }
}

// In byte order a phrase comes after every phrase that begins it, and the phrases between
// such a prefix and it begin with the prefix too: a stack of the phrases each beginning the
// next, cut back to what begins the phrase at hand, holds its longest prefix on top.
void PhraseMatcher::find_nesting() {
  std::vector<std::uint32_t> order(phrases_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return phrases_[a] < phrases_[b]; });
  nests_.assign(phrases_.size(), false);
  prefix_.assign(phrases_.size(), kNoPrefix);
  std::vector<std::uint32_t> chain;
  for (const std::uint32_t phrase : order) {
    while (!chain.empty() && !phrases_[phrase].starts_with(phrases_[chain.back()]))
      chain.pop_back();
    if (!chain.empty()) {
      prefix_[phrase] = chain.back();
      nests_[phrase] = nests_[chain.back()] = true;
    }
    chain.push_back(phrase);
  }
}

std::vector<PhraseMatch> pattern_matches(const TrainerPattern& pattern, std::string_view text,
                                         std::size_t source, std::size_t from) {
  std::vector<PhraseMatch> matches;
  for_each_pattern_match(pattern, text, from, text.size(), [&](std::size_t begin, std::size_t end) {
    const TextSpan words = pattern.words_of(text, {begin, end});
    const Negation negation = read_pattern_negation(text, words, pattern.words().required);
    matches.push_back({words, source, negation.negated, negation.denied});
  });
  return matches;
}

std::vector<PhraseMatch> PhraseMatcher::find_all(std::string_view text) const {
  std::vector<PhraseMatch> matches;
  LongestAtPlace longest;
  automaton_.scan(text, [&](std::uint32_t phrase, std::size_t begin, std::size_t end) {
    const PhraseMatch found{{begin, end}, phrase};
    const auto kept_at = [&](std::size_t at) -> PhraseMatch& { return matches[at]; };
    if (!nests_[phrase] || longest.is_first(0, found, matches.size(), kept_at))
      matches.push_back(found);
  });
  std::sort(matches.begin(), matches.end());
  read_negations_by_place(text, matches, [](PhraseMatch& match) -> PhraseMatch& { return match; });
  const auto phrase_matches = static_cast<std::ptrdiff_t>(matches.size());
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    const std::vector<PhraseMatch> found =
        pattern_matches(*patterns_[i], text, phrases_.size() + i);
    matches.insert(matches.end(), found.begin(), found.end());
  }
  std::sort(matches.begin() + phrase_matches, matches.end());
  std::inplace_merge(matches.begin(), matches.begin() + phrase_matches, matches.end());
  return matches;
}

std::vector<PhraseMatch> PhraseMatcher::find_all(const NormalizedText& reply) const {
  std::vector<PhraseMatch> matches = find_all(std::string_view(reply.text));
  for (PhraseMatch& match : matches) match.quoted = reply.is_quoted(match.span.begin);
  if (!reply.read_through) return matches;
  const NormalizedText& through = *reply.read_through;
  for (PhraseMatch match : find_all(std::string_view(through.text))) {
    match.quoted = through.is_quoted(match.span.begin);
    if (carry_across_pause(reply, match)) matches.push_back(match);
  }
  std::sort(matches.begin(), matches.end(), own_reading_first);
  matches.erase(std::unique(matches.begin(), matches.end(), same_occurrence), matches.end());
  return matches;
}

}  // namespace coach
