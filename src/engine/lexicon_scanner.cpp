#include "engine/lexicon_scanner.hpp"

#include <algorithm>
#include <unordered_map>

#include "engine/pattern_negation.hpp"
#include "util/thread_scratch.hpp"

namespace coach {

using Hit = std::pair<std::uint32_t, PhraseMatch>;  // concept number, occurrence

// What has been seen in the unit being read: an entry equal to the unit's mark is set. Each
// unit takes a new mark, so nothing is cleared between units or replies, and the arrays are
// kept per thread rather than allocated and filled for every reply.
class Marks {
 public:
  static Marks& words(std::size_t size) {
    static thread_local auto& marks = thread_scratch<Marks>();
    return sized(marks, size);
  }
  static Marks& patterns(std::size_t size) {
    static thread_local auto& marks = thread_scratch<Marks>();
    return sized(marks, size);
  }

  static std::uint32_t next_mark(Marks& a, Marks& b) {
    if (++mark_ == 0) {  // wrapped: forget every old mark
      a.entries_.assign(a.entries_.size(), 0);
      b.entries_.assign(b.entries_.size(), 0);
      mark_ = 1;
    }
    return mark_;
  }

  std::uint32_t& operator[](std::size_t i) { return entries_[i]; }

 private:
  static Marks& sized(Marks& marks, std::size_t size) {
    if (marks.entries_.size() < size) marks.entries_.resize(size, 0);
    return marks;
  }

  std::vector<std::uint32_t> entries_;
  static thread_local std::uint32_t mark_;
};

thread_local std::uint32_t Marks::mark_ = 0;

// Where the clauses (or sentences) of a text end: unit k is text[start(k), end(k)). Without an
// end function the whole text is one unit.
class LexiconScanner::Units {
 public:
  Units(std::string_view text, bool (*ends_unit)(char)) : size_(text.size()) {
    if (!ends_unit) return;
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (ends_unit(text[at])) ends_.push_back(at);
    }
  }
  std::size_t count() const { return ends_.size() + 1; }
  std::size_t start(std::size_t unit) const { return unit == 0 ? 0 : ends_[unit - 1] + 1; }
  std::size_t end(std::size_t unit) const { return unit < ends_.size() ? ends_[unit] : size_; }

 private:
  std::vector<std::size_t> ends_;
  std::size_t size_;
};

LexiconScanner::LexiconScanner(const std::vector<const PhraseMatcher*>& matchers,
                               std::size_t unit_scan_min_bytes)
    : concept_count_(matchers.size()), unit_scan_min_bytes_(unit_scan_min_bytes) {
  for (std::uint32_t c = 0; c < matchers.size(); ++c) {
    const PhraseMatcher& matcher = *matchers[c];
    for (std::uint32_t i = 0; i < matcher.phrases().size(); ++i) {
      automaton_.add(matcher.phrases()[i]);
      phrase_owners_.push_back({c, i});
      phrase_nests_.push_back(matcher.nests(i));
    }
  }
  WordNumbers numbers;
  for (std::uint32_t c = 0; c < matchers.size(); ++c) {
    const PhraseMatcher& matcher = *matchers[c];
    const auto phrase_count = static_cast<std::uint32_t>(matcher.phrases().size());
    for (std::uint32_t i = 0; i < matcher.patterns().size(); ++i)
      add_pattern(*matcher.patterns()[i], {c, phrase_count + i}, numbers);
  }
  choose_triggers();
  for (const auto& word : words_) automaton_.add(word);
  first_fact_word_ = static_cast<std::uint32_t>(phrase_owners_.size() + words_.size());
  for (const auto& [word, flag] : WordsPresent::words()) {
    automaton_.add(word);
    fact_words_.push_back(flag);
  }
  automaton_.build();
}

std::uint32_t LexiconScanner::word_number(const std::string& word, WordNumbers& numbers) {
  const auto [found, added] = numbers.try_emplace(word, static_cast<std::uint32_t>(words_.size()));
  if (added) {
    words_.push_back(word);
    for (auto& by_word : triggered_by_) by_word.emplace_back();
  }
  return found->second;
}

void LexiconScanner::add_pattern(const TrainerPattern& source, Owner owner, WordNumbers& numbers) {
  Pattern pattern{&source, owner, pattern_reach(source.text()), {}, {}};
  const PatternWords& words = source.words();
  for (const Words& group : words.required) {
    auto& required = pattern.required.emplace_back();
    for (const auto& word : group) {
      required.push_back(word_number(word, numbers));
      pattern.words_found = pattern.words_found && !word.empty();
    }
  }
  for (const auto& word : words.leading) {
    pattern.leading.push_back(word_number(word, numbers));
    pattern.leading_bits |= word_bit(pattern.leading.back());
  }
  patterns_.push_back(std::move(pattern));
}

// Each pattern is looked for where the words of one requirement stand: the one least likely
// to be met by chance. Longer words are rarer in text; of words as long, those that many
// patterns use (您, 我们) are the common ones.
void LexiconScanner::choose_triggers() {
  std::vector<std::uint32_t> users(words_.size(), 0);
  for (const Pattern& pattern : patterns_) {
    for (const auto& required : pattern.required)
      for (const std::uint32_t word : required) ++users[word];
  }
  const auto cost = [&](const std::vector<std::uint32_t>& required) {
    std::size_t shortest = SIZE_MAX;
    std::size_t used = 0;
    for (const std::uint32_t word : required) {
      shortest = std::min(shortest, words_[word].size());
      used += users[word];
    }
    return std::make_pair(SIZE_MAX - shortest, used);
  };
  for (std::uint32_t number = 0; number < patterns_.size(); ++number) {
    const auto& required = patterns_[number].required;
    const auto reach = static_cast<std::size_t>(patterns_[number].reach);
    if (required.empty()) {
      unrequiring_[reach].push_back(number);
      continue;
    }
    const auto trigger =
        std::min_element(required.begin(), required.end(),
                         [&](const auto& a, const auto& b) { return cost(a) < cost(b); });
    for (const std::uint32_t word : *trigger) triggered_by_[reach][word].push_back(number);
  }
}

WordInMatch LexiconScanner::first_required_word(const std::vector<std::uint32_t>& required,
                                                TextSpan match, std::size_t from,
                                                std::span<const WordFound> unit_words) const {
  const std::size_t at = match.begin + from;
  auto word = std::lower_bound(
      unit_words.begin(), unit_words.end(), at,
      [](const WordFound& found, std::size_t place) { return found.begin < place; });
  WordInMatch first;
  std::size_t listed = required.size();  // the first word's place in `required`
  for (; word != unit_words.end() && word->begin < match.end; ++word) {
    if (first.begin != WordInMatch::kNowhere && word->begin > match.begin + first.begin) break;
    const auto in = std::find(required.begin(), required.end(), word->word);
    const std::size_t end = word->begin + words_[word->word].size();
    if (in == required.end() || end > match.end) continue;
    if (static_cast<std::size_t>(in - required.begin()) >= listed) continue;
    listed = static_cast<std::size_t>(in - required.begin());
    first = {word->begin - match.begin, end - match.begin};
  }
  return first;
}

// `unit_words` are the words starting in [from, to), in order of where they start.
template <typename MayMatchFrom>
void LexiconScanner::run(const Pattern& pattern, NegationReader& negations, std::size_t from,
                         std::size_t to, std::span<const WordFound> unit_words,
                         MayMatchFrom&& may_match_from, Hits& hits) const {
  const std::string_view text = negations.text();
  // A pattern's negation is read here, where the pattern is known (engine/pattern_negation);
  // find_all reads a phrase's.
  const auto found = [&](std::size_t begin, std::size_t end) {
    const TextSpan words = pattern.source->words_of(text, {begin, end});
    const auto first_word = [&](std::size_t k, std::size_t from) {
      return first_required_word(pattern.required[k], words, from, unit_words);
    };
    const Negation negation =
        pattern.words_found
            ? read_pattern_negation(negations, words, pattern.required.size(), first_word)
            : read_pattern_negation(negations, words, pattern.source->words().required);
    hits.push_back({pattern.owner.concept_index,
                    {words, pattern.owner.source, negation.negated, negation.denied}});
  };
  // RE2's own unanchored search, not a trainer pattern's tries (engine/leftmost_search): a
  // lexicon pattern without leading words mostly opens with a context group, which every
  // character starts, and tries here took 2 % off `check` but added 1 % to the scoring core.
  if (pattern.leading.empty()) {
    for_each_pattern_match(pattern.source->regex(), text, from, to, found,
                           [&](std::size_t start) { return may_match_from(pattern, start); });
    return;
  }
  // Every match begins with a leading word, so the leftmost match is the first one anchored
  // where a leading word stands. An anchored match also spares RE2 the backward search (and
  // the reversed program it compiles on first use) that finds where an unanchored one begins.
  const re2::StringPiece whole(text.data(), text.size());
  std::size_t start = from;
  std::size_t tried = SIZE_MAX;
  for (const WordFound& word : unit_words) {
    if (word.begin < start || word.begin == tried) continue;
    if (!leads(pattern, word.word)) continue;
    if (!may_match_from(pattern, word.begin)) return;
    tried = word.begin;
    re2::StringPiece match;
    if (!pattern.source->regex().Match(whole, word.begin, to, RE2::ANCHOR_START, &match, 1))
      continue;
    found(word.begin, word.begin + match.size());
    start = word.begin + match.size();  // never empty: it holds the leading word
  }
}

// Runs the patterns of the given reaches unit by unit, each on the units where a word of every
// one of its requirements starts. `words` are in order of where they start.
void LexiconScanner::run_in_units(NegationReader& negations, const std::vector<WordFound>& words,
                                  const Units& units, std::initializer_list<PatternReach> reaches,
                                  Hits& hits) const {
  Marks& word_in_unit = Marks::words(words_.size());
  Marks& tried_in_unit = Marks::patterns(patterns_.size());
  // Per word marked in the unit, where its last occurrence there starts.
  static thread_local auto& last_start = thread_scratch<std::vector<std::uint32_t>>();
  if (last_start.size() < words_.size()) last_start.resize(words_.size());
  std::size_t next = 0;
  for (std::size_t unit = 0; unit < units.count(); ++unit) {
    const std::uint32_t mark = Marks::next_mark(word_in_unit, tried_in_unit);
    const std::size_t from = units.start(unit);
    const std::size_t to = units.end(unit);
    const std::size_t first = next;
    for (; next < words.size() && words[next].begin < to; ++next) {
      word_in_unit[words[next].word] = mark;
      last_start[words[next].word] = words[next].begin;
    }
    const std::span<const WordFound> unit_words(words.data() + first, next - first);
    // A match holds a word of each requirement: where none of some requirement starts at or
    // after `start`, no match can start there either. At the unit's start this says whether
    // to search at all; after a match, whether to search again (usually not).
    const auto may_match_from = [&](const Pattern& pattern, std::size_t start) {
      return std::all_of(pattern.required.begin(), pattern.required.end(), [&](const auto& group) {
        return std::any_of(group.begin(), group.end(), [&](std::uint32_t word) {
          return word_in_unit[word] == mark && last_start[word] >= start;
        });
      });
    };
    for (const PatternReach reach : reaches) {
      const auto r = static_cast<std::size_t>(reach);
      for (std::size_t k = first; k < next; ++k) {
        for (const std::uint32_t number : triggered_by_[r][words[k].word]) {
          if (tried_in_unit[number] == mark) continue;
          tried_in_unit[number] = mark;
          const Pattern& pattern = patterns_[number];
          if (may_match_from(pattern, from))
            run(pattern, negations, from, to, unit_words, may_match_from, hits);
        }
      }
      for (const std::uint32_t number : unrequiring_[r])
        run(patterns_[number], negations, from, to, unit_words, may_match_from, hits);
    }
  }
}

// The automaton finds words in order of where they end, so they are nearly in order of where
// they begin already: a word goes back only past the shorter ones that begin inside it. Moving
// each into place costs a pass, where a general sort cost a tenth of a long reply's scan.
void LexiconScanner::sort_by_begin(std::vector<WordFound>& words) {
  for (std::size_t i = 1; i < words.size(); ++i) {
    const WordFound word = words[i];
    std::size_t at = i;
    for (; at > 0 && words[at - 1].begin > word.begin; --at) words[at] = words[at - 1];
    words[at] = word;
  }
}

// A match of a clause-bound pattern lies inside one clause and holds a word of each of the
// pattern's requirements, so RE2 need only run on the clauses where they all are (with the
// whole text as context: ^, $ and \b see past the clause). What is found is what a run over
// the whole text finds; the unit tests and fuzz_matching compare the two. A short reply is
// taken whole.
void LexiconScanner::find_patterns(NegationReader& negations, std::vector<WordFound>& words,
                                   Hits& hits) const {
  const std::string_view text = negations.text();
  sort_by_begin(words);
  const Units whole(text, nullptr);
  if (text.size() < unit_scan_min_bytes_) {
    run_in_units(negations, words, whole,
                 {PatternReach::clause, PatternReach::sentence, PatternReach::text}, hits);
    return;
  }
  run_in_units(negations, words, Units(text, ends_clause), {PatternReach::clause}, hits);
  run_in_units(negations, words, Units(text, ends_sentence), {PatternReach::sentence}, hits);
  run_in_units(negations, words, whole, {PatternReach::text}, hits);
}

namespace {

// Puts hits[first..] in order of where they begin (of one place, in any order).
void sort_by_place(std::vector<Hit>& hits, std::size_t first) {
  std::sort(hits.begin() + static_cast<std::ptrdiff_t>(first), hits.end(),
            [](const Hit& a, const Hit& b) { return a.second.span.begin < b.second.span.begin; });
}

}  // namespace

void LexiconScanner::find_all(const NormalizedText& reading, Hits& hits) const {
  const std::string_view text = reading.text;
  // Scratch, kept per thread like the marks: most replies then allocate nothing here.
  static thread_local auto& words = thread_scratch<std::vector<WordFound>>();
  words.clear();
  const std::size_t first = hits.size();
  LongestAtPlace longest;  // of a concept's phrases at one place (PhraseMatcher::find_all)
  WordsPresent present = WordsPresent::none();
  automaton_.scan(text, [&](std::uint32_t phrase, std::size_t begin, std::size_t end) {
    if (phrase >= first_fact_word_) {
      present.*fact_words_[phrase - first_fact_word_] = true;
      return;
    }
    if (phrase >= phrase_owners_.size()) {
      words.push_back({static_cast<std::uint32_t>(phrase - phrase_owners_.size()),
                       static_cast<std::uint32_t>(begin)});
      return;
    }
    const Owner owner = phrase_owners_[phrase];
    const PhraseMatch found{{begin, end}, owner.source};
    const auto kept_at = [&](std::size_t at) -> PhraseMatch& { return hits[at].second; };
    if (!phrase_nests_[phrase] ||
        longest.is_first(owner.concept_index, found, hits.size(), kept_at))
      hits.push_back({owner.concept_index, found});
  });
  sort_by_place(hits, first);
  // One reader for the phrases and the patterns: they share the places where matches begin.
  NegationReader negations(text, present);
  read_negations_by_place(negations, std::span<Hit>(hits).subspan(first),
                          [](Hit& hit) -> PhraseMatch& { return hit.second; });
  find_patterns(negations, words, hits);
  for (std::size_t i = first; i < hits.size(); ++i)
    hits[i].second.quoted = reading.is_quoted(hits[i].second.span.begin);
}

ReplyScan LexiconScanner::scan(const NormalizedText& reply) const {
  static thread_local auto& hits = thread_scratch<Hits>();
  hits.clear();
  find_all(reply, hits);
  if (reply.read_through) {
    static thread_local auto& through = thread_scratch<Hits>();
    through.clear();
    find_all(*reply.read_through, through);
    for (auto& [concept_index, match] : through) {
      if (carry_across_pause(reply, match)) hits.push_back({concept_index, match});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.first != b.first ? a.first < b.first : own_reading_first(a.second, b.second);
  });
  if (reply.read_through) {
    const auto same = [](const Hit& a, const Hit& b) {
      return a.first == b.first && same_occurrence(a.second, b.second);
    };
    hits.erase(std::unique(hits.begin(), hits.end(), same), hits.end());
  }
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
