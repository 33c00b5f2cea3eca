#include "engine/lexicon_scanner.hpp"

#include <algorithm>
#include <map>

#include "engine/negation.hpp"

namespace coach {
namespace {

using Hit = std::pair<std::uint32_t, PhraseMatch>;  // concept number, occurrence

// Atoms shorter than a CJK character would be found in nearly every reply.
constexpr int kMinAtomBytes = 3;

// Where the clauses (or sentences) of a text end: unit k is text[start(k), end(k)).
class Units {
 public:
  Units(std::string_view text, bool (*ends_unit)(char)) : size_(text.size()) {
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (ends_unit(text[at])) ends_.push_back(at);
    }
  }
  std::size_t of(std::size_t pos) const {
    return static_cast<std::size_t>(std::lower_bound(ends_.begin(), ends_.end(), pos) -
                                    ends_.begin());
  }
  std::size_t start(std::size_t unit) const { return unit == 0 ? 0 : ends_[unit - 1] + 1; }
  std::size_t end(std::size_t unit) const { return unit < ends_.size() ? ends_[unit] : size_; }

 private:
  std::vector<std::size_t> ends_;
  std::size_t size_;
};

}  // namespace

LexiconScanner::LexiconScanner(const std::vector<const PhraseMatcher*>& matchers,
                               std::size_t unit_scan_min_bytes)
    : concept_count_(matchers.size()),
      unit_scan_min_bytes_(unit_scan_min_bytes),
      patterns_(std::make_unique<re2::FilteredRE2>(kMinAtomBytes)) {
  for (std::uint32_t c = 0; c < matchers.size(); ++c) {
    const PhraseMatcher& matcher = *matchers[c];
    for (std::uint32_t i = 0; i < matcher.phrases().size(); ++i) {
      phrases_.add(matcher.phrases()[i]);
      phrase_owners_.push_back({c, i});
    }
    const auto phrase_count = static_cast<std::uint32_t>(matcher.phrases().size());
    for (std::uint32_t i = 0; i < matcher.patterns().size(); ++i)
      add_pattern(*matcher.patterns()[i], {c, phrase_count + i});
  }
  if (pattern_info_.empty()) {
    phrases_.build();
    return;
  }
  std::vector<std::string> atoms;
  patterns_->Compile(&atoms);
  for (const auto& atom : atoms) phrases_.add(atom);
  first_anchor_ = static_cast<std::uint32_t>(phrase_owners_.size() + atoms.size());
  std::map<std::string, std::size_t> anchor_numbers;
  for (std::size_t id = 0; id < pattern_info_.size(); ++id) {
    if (!pattern_info_[id].anchored) continue;
    for (const auto& anchor : pattern_anchors(patterns_->GetRE2(static_cast<int>(id)).pattern())) {
      const auto [it, added] = anchor_numbers.try_emplace(anchor, anchor_patterns_.size());
      if (added) {
        phrases_.add(anchor);
        anchor_patterns_.emplace_back();
      }
      anchor_patterns_[it->second].push_back(static_cast<int>(id));
    }
  }
  phrases_.build();
}

void LexiconScanner::add_pattern(const RE2& pattern, Owner owner) {
  int id = 0;
  // Each pattern compiled alone already, with the same options: this cannot fail.
  if (patterns_->Add(pattern.pattern(), pattern_options(), &id) != RE2::NoError) return;
  const PatternReach reach = pattern_reach(pattern.pattern());
  const bool anchored = reach != PatternReach::text && !pattern_anchors(pattern.pattern()).empty();
  pattern_info_.push_back({owner, reach, anchored});
}

std::vector<int> LexiconScanner::candidates(const std::vector<Found>& atoms) const {
  std::vector<int> ids;
  ids.reserve(atoms.size());
  for (const Found& atom : atoms) ids.push_back(static_cast<int>(atom.number));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<int> found;
  patterns_->AllPotentials(ids, &found);
  return found;
}

void LexiconScanner::run(int pattern, std::string_view text, std::size_t from, std::size_t to,
                         Hits& hits) const {
  const Owner owner = pattern_info_[static_cast<std::size_t>(pattern)].owner;
  for_each_pattern_match(patterns_->GetRE2(pattern), text, from, to,
                         [&](std::size_t begin, std::size_t end) {
                           hits.push_back({owner.concept_index, {{begin, end}, owner.source}});
                         });
}

void LexiconScanner::find_patterns(std::string_view text, const std::vector<Found>& atoms,
                                   Hits& hits) const {
  for (const int id : candidates(atoms)) run(id, text, 0, text.size(), hits);
}

// A match of a clause-bound pattern lies inside one clause and holds one of the pattern's
// anchors, so RE2 need only run on the clauses where an anchor starts (with the whole text as
// context: ^, $ and \b see past the clause). What is found is what a run over the whole text
// finds; the unit tests compare the two on the bundled lexicon.
void LexiconScanner::find_patterns_by_unit(std::string_view text, const std::vector<Found>& atoms,
                                           const std::vector<Found>& anchors, Hits& hits) const {
  std::vector<char> is_candidate(pattern_info_.size(), 0);
  for (const int id : candidates(atoms)) {
    if (pattern_info_[static_cast<std::size_t>(id)].anchored) {
      is_candidate[static_cast<std::size_t>(id)] = 1;
    } else {
      run(id, text, 0, text.size(), hits);
    }
  }
  const Units clauses(text, ends_clause);
  const Units sentences(text, ends_sentence);
  std::vector<std::pair<int, std::size_t>> runs;  // pattern, unit (of its reach)
  for (const Found& anchor : anchors) {
    for (const int id : anchor_patterns_[anchor.number]) {
      if (!is_candidate[static_cast<std::size_t>(id)]) continue;
      const bool in_clause =
          pattern_info_[static_cast<std::size_t>(id)].reach == PatternReach::clause;
      runs.emplace_back(id, (in_clause ? clauses : sentences).of(anchor.begin));
    }
  }
  std::sort(runs.begin(), runs.end());
  runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
  for (const auto& [id, unit] : runs) {
    const bool in_clause =
        pattern_info_[static_cast<std::size_t>(id)].reach == PatternReach::clause;
    const Units& units = in_clause ? clauses : sentences;
    run(id, text, units.start(unit), units.end(unit), hits);
  }
}

ReplyScan LexiconScanner::scan(const NormalizedText& reply) const {
  const std::string_view text = reply.text;
  std::vector<Hit> hits;
  std::vector<Found> atoms;
  std::vector<Found> anchors;
  const bool by_unit = text.size() >= unit_scan_min_bytes_;
  phrases_.scan(text, [&](std::uint32_t phrase, std::size_t begin, std::size_t end) {
    if (phrase >= first_anchor_ && first_anchor_ != 0) {
      if (by_unit) anchors.push_back({phrase - first_anchor_, static_cast<std::uint32_t>(begin)});
    } else if (phrase >= phrase_owners_.size()) {
      atoms.push_back({static_cast<std::uint32_t>(phrase - phrase_owners_.size()),
                       static_cast<std::uint32_t>(begin)});
    } else {
      const Owner owner = phrase_owners_[phrase];
      hits.push_back({owner.concept_index, {{begin, end}, owner.source}});
    }
  });
  if (!pattern_info_.empty()) {
    if (by_unit) {
      find_patterns_by_unit(text, atoms, anchors, hits);
    } else {
      find_patterns(text, atoms, hits);
    }
  }
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
