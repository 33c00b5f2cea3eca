#include "engine/phrase_matcher.hpp"

#include <fmt/format.h>

#include <algorithm>

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
  for (const auto& pattern : patterns) {
    if (auto loaded = load_trainer_pattern(pattern, file, diagnostics))
      patterns_.push_back(std::move(loaded));
  }
}

std::vector<PhraseMatch> PhraseMatcher::find_all(std::string_view text) const {
  std::vector<PhraseMatch> matches;
  const auto found = [&](std::size_t source, TextSpan span, const Negation& negation) {
    matches.push_back({span, source, negation.negated, negation.denied});
  };
  automaton_.scan(text, [&](std::uint32_t phrase, std::size_t begin, std::size_t end) {
    found(phrase, {begin, end}, read_negation(text, begin));
  });
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    const TrainerPattern& pattern = *patterns_[i];
    for_each_pattern_match(pattern.regex(), text, [&](std::size_t begin, std::size_t end) {
      const TextSpan words = pattern.words_of(text, {begin, end});
      found(phrases_.size() + i, words,
            read_pattern_negation(text, words, pattern.words().required));
    });
  }
  std::sort(matches.begin(), matches.end());
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
