#include "engine/lexicon_scanner.hpp"

#include <algorithm>

#include "engine/negation.hpp"

namespace coach {
namespace {

using Hit = std::pair<std::uint32_t, PhraseMatch>;  // concept number, occurrence

// The set's DFA is shared by every reply; give it room for a lexicon's worth of patterns.
RE2::Options set_options() {
  RE2::Options options = pattern_options();
  options.set_max_mem(64 << 20);
  return options;
}

}  // namespace

LexiconScanner::LexiconScanner(const std::vector<const PhraseMatcher*>& matchers)
    : matchers_(matchers) {
  auto set = std::make_unique<RE2::Set>(set_options(), RE2::UNANCHORED);
  for (std::uint32_t c = 0; c < matchers.size(); ++c) {
    const PhraseMatcher& matcher = *matchers[c];
    for (std::uint32_t i = 0; i < matcher.phrases().size(); ++i) {
      phrases_.add(matcher.phrases()[i]);
      phrase_owners_.push_back({c, i});
    }
    const auto phrase_count = static_cast<std::uint32_t>(matcher.phrases().size());
    for (std::uint32_t i = 0; i < matcher.patterns().size(); ++i) {
      const RE2& pattern = *matcher.patterns()[i];
      if (set->Add(pattern.pattern(), nullptr) < 0) continue;  // compiled alone, so it cannot fail
      pattern_owners_.push_back({c, phrase_count + i});
      pattern_list_.push_back(&pattern);
    }
  }
  phrases_.build();
  if (!pattern_list_.empty() && set->Compile()) patterns_ = std::move(set);
}

void LexiconScanner::find_patterns(std::string_view text, std::vector<Hit>& hits) const {
  if (pattern_list_.empty()) return;
  std::vector<int> matched;
  RE2::Set::ErrorInfo error;
  const bool any =
      patterns_ && patterns_->Match(re2::StringPiece(text.data(), text.size()), &matched, &error);
  if (!any) {
    if (patterns_ && error.kind == RE2::Set::kNoError) return;
    // The set could not decide (out of memory): try every pattern on its own.
    matched.resize(pattern_list_.size());
    for (std::size_t i = 0; i < matched.size(); ++i) matched[i] = static_cast<int>(i);
  }
  for (const int i : matched) {
    const Owner owner = pattern_owners_[static_cast<std::size_t>(i)];
    for_each_pattern_match(*pattern_list_[static_cast<std::size_t>(i)], text,
                           [&](std::size_t begin, std::size_t end) {
                             hits.push_back({owner.concept_index, {{begin, end}, owner.source}});
                           });
  }
}

ReplyScan LexiconScanner::scan(const NormalizedText& reply) const {
  const std::string_view text = reply.text;
  std::vector<Hit> hits;
  phrases_.scan(text, [&](std::uint32_t phrase, std::size_t begin, std::size_t end) {
    const Owner owner = phrase_owners_[phrase];
    hits.push_back({owner.concept_index, {{begin, end}, owner.source}});
  });
  find_patterns(text, hits);
  for (auto& [concept_index, match] : hits) {
    match.negated = is_negated(text, match.span.begin);
    match.quoted = reply.is_quoted(match.span.begin);
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  ReplyScan scan;
  scan.offsets_.assign(matchers_.size() + 1, 0);
  scan.matches_.reserve(hits.size());
  for (const auto& [concept_index, match] : hits) {
    ++scan.offsets_[concept_index + 1];
    scan.matches_.push_back(match);
  }
  for (std::size_t i = 1; i < scan.offsets_.size(); ++i) scan.offsets_[i] += scan.offsets_[i - 1];
  return scan;
}

}  // namespace coach
