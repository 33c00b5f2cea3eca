#include "engine/lexicon_scanner.hpp"

#include <algorithm>

#include "engine/negation.hpp"

namespace coach {
namespace {

using Hit = std::pair<std::uint32_t, PhraseMatch>;  // concept number, occurrence

// Atoms shorter than a CJK character would be found in nearly every reply.
constexpr int kMinAtomBytes = 3;

}  // namespace

LexiconScanner::LexiconScanner(const std::vector<const PhraseMatcher*>& matchers)
    : concept_count_(matchers.size()),
      patterns_(std::make_unique<re2::FilteredRE2>(kMinAtomBytes)) {
  for (std::uint32_t c = 0; c < matchers.size(); ++c) {
    const PhraseMatcher& matcher = *matchers[c];
    for (std::uint32_t i = 0; i < matcher.phrases().size(); ++i) {
      phrases_.add(matcher.phrases()[i]);
      phrase_owners_.push_back({c, i});
    }
    const auto phrase_count = static_cast<std::uint32_t>(matcher.phrases().size());
    for (std::uint32_t i = 0; i < matcher.patterns().size(); ++i) {
      int id = 0;
      // Each pattern compiled alone already, with the same options: this cannot fail.
      if (patterns_->Add(matcher.patterns()[i]->pattern(), pattern_options(), &id) != RE2::NoError)
        continue;
      pattern_owners_.push_back({c, phrase_count + i});
    }
  }
  if (!pattern_owners_.empty()) {
    std::vector<std::string> atoms;
    patterns_->Compile(&atoms);
    for (const auto& atom : atoms) phrases_.add(atom);
  }
  phrases_.build();
}

void LexiconScanner::find_patterns(std::string_view text, const std::vector<int>& atoms,
                                   std::vector<Hit>& hits) const {
  if (pattern_owners_.empty()) return;
  std::vector<int> candidates;
  patterns_->AllPotentials(atoms, &candidates);
  for (const int id : candidates) {
    const Owner owner = pattern_owners_[static_cast<std::size_t>(id)];
    for_each_pattern_match(patterns_->GetRE2(id), text, [&](std::size_t begin, std::size_t end) {
      hits.push_back({owner.concept_index, {{begin, end}, owner.source}});
    });
  }
}

ReplyScan LexiconScanner::scan(const NormalizedText& reply) const {
  const std::string_view text = reply.text;
  std::vector<Hit> hits;
  std::vector<int> atoms;
  phrases_.scan(text, [&](std::uint32_t phrase, std::size_t begin, std::size_t end) {
    if (phrase >= phrase_owners_.size()) {
      atoms.push_back(static_cast<int>(phrase - phrase_owners_.size()));
      return;
    }
    const Owner owner = phrase_owners_[phrase];
    hits.push_back({owner.concept_index, {{begin, end}, owner.source}});
  });
  std::sort(atoms.begin(), atoms.end());
  atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
  find_patterns(text, atoms, hits);
  for (auto& [concept_index, match] : hits) {
    match.negated = is_negated(text, match.span.begin);
    match.quoted = reply.is_quoted(match.span.begin);
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  ReplyScan scan;
  scan.offsets_.assign(concept_count_ + 1, 0);
  scan.matches_.reserve(hits.size());
  for (const auto& [concept_index, match] : hits) {
    ++scan.offsets_[concept_index + 1];
    scan.matches_.push_back(match);
  }
  for (std::size_t i = 1; i < scan.offsets_.size(); ++i) scan.offsets_[i] += scan.offsets_[i - 1];
  return scan;
}

}  // namespace coach
