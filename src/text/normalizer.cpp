#include "text/normalizer.hpp"

#include <algorithm>
#include <span>

#include "text/char_folder.hpp"
#include "text/miswritings.hpp"
#include "text/pauses.hpp"
#include "text/quotations.hpp"
#include "text/read_through.hpp"
#include "text/traditional_phrases.hpp"
#include "util/utf8.hpp"

namespace coach {

TextSpan NormalizedText::to_original(TextSpan span) const {
  if (span.begin >= span.end || span.end > text.size()) return {0, 0};
  return {origin_begin[span.begin], origin_end[span.end - 1]};
}

std::string_view NormalizedText::original_text(TextSpan span) const {
  const TextSpan source = to_original(span);
  return std::string_view(original).substr(source.begin, source.end - source.begin);
}

TextSpan NormalizedText::from_original(TextSpan span) const {
  const auto begin = std::lower_bound(origin_begin.begin(), origin_begin.end(), span.begin);
  const auto end = std::lower_bound(begin, origin_begin.end(), span.end);
  return {static_cast<std::size_t>(begin - origin_begin.begin()),
          static_cast<std::size_t>(end - origin_begin.begin())};
}

bool NormalizedText::joins_pause(TextSpan span) const {
  const auto join =
      std::upper_bound(read_through_joins.begin(), read_through_joins.end(), span.begin);
  return join != read_through_joins.end() && *join < span.end;
}

namespace {

// Writes the normalised text and its maps. A character is one to four bytes, so the four
// arrays are sized ahead and written in place: appending to each per byte cost more than the
// folding itself.
class Output {
 public:
  Output(NormalizedText& result, std::size_t expected) : result_(result) {
    resize(std::max<std::size_t>(expected, 16));
  }

  void append(std::string_view folded, std::uint32_t begin, std::uint32_t end, bool quoted) {
    const std::size_t n = folded.size();
    if (size_ + n > result_.text.size()) resize(2 * (size_ + n));
    // One loop over the character's few bytes: a call to memcpy and memset for each array
    // cost more than the copying.
    char* text = result_.text.data() + size_;
    std::uint32_t* begins = result_.origin_begin.data() + size_;
    std::uint32_t* ends = result_.origin_end.data() + size_;
    std::uint8_t* quotes = result_.quoted.data() + size_;
    for (std::size_t i = 0; i < n; ++i) {
      text[i] = folded[i];
      begins[i] = begin;
      ends[i] = end;
      quotes[i] = static_cast<std::uint8_t>(quoted);
    }
    size_ += n;
  }
  void clear() { size_ = 0; }
  void finish() { resize(size_); }

 private:
  void resize(std::size_t size) {
    result_.text.resize(size);
    result_.origin_begin.resize(size);
    result_.origin_end.resize(size);
    result_.quoted.resize(size);
  }

  NormalizedText& result_;
  std::size_t size_ = 0;
};

// One character of the text with its script kept, and where it came from.
struct KeptCharacter {
  char32_t code_point;
  std::size_t kept_begin;  // in the script-kept text
  std::uint32_t begin;     // in the original
  std::uint32_t end;
};

std::vector<KeptCharacter> keep_script(std::string_view original, const ReadThrough* through,
                                       std::string& kept) {
  CharFolder& folder = CharFolder::shared();
  std::vector<KeptCharacter> characters;
  characters.reserve(original.size());
  kept.reserve(original.size());
  for (std::size_t pos = 0; pos < original.size();) {
    const auto start = static_cast<std::uint32_t>(pos);
    const char32_t code_point = utf8::decode(original, pos);
    if (through && through->drops(start)) continue;
    const std::string_view folded = folder.fold_keeping_script(code_point);
    for (std::size_t at = 0; at < folded.size();) {
      const std::size_t from = at;
      characters.push_back(
          {utf8::decode(folded, at), kept.size() + from, start, static_cast<std::uint32_t>(pos)});
    }
    kept += folded;
  }
  return characters;
}

// Appends a word's conversion. When it has as many characters as the word, each maps to its
// own source character; otherwise (營運長 → 首席运营官) every one maps to the whole word.
void append_word(Output& out, std::string_view converted, std::span<const KeptCharacter> word,
                 const QuotedRanges& quotations) {
  const bool one_for_one = utf8::count_code_points(converted) == word.size();
  for (std::size_t pos = 0, k = 0; pos < converted.size(); ++k) {
    const std::size_t from = pos;
    utf8::decode(converted, pos);
    const std::uint32_t begin = one_for_one ? word[k].begin : word.front().begin;
    const std::uint32_t end = one_for_one ? word[k].end : word.back().end;
    out.append(converted.substr(from, pos - from), begin, end, quotations.contains(begin));
  }
}

// A pause in [from, to) of the original reads as a comma, mapped to the whitespace typed.
void append_pause(Output& out, const Pauses& pauses, std::size_t from, std::size_t to,
                  const QuotedRanges& quotations) {
  const std::size_t pause = pauses.first_in(from, to);
  if (pause == std::string_view::npos) return;
  const auto begin = static_cast<std::uint32_t>(pause);
  out.append(",", begin, begin + 1, quotations.contains(pause));
}

// What one reading of a reply takes from it besides the characters.
struct Reading {
  const QuotedRanges& quotations;
  const Pauses& pauses;        // whitespace read as commas
  const ReadThrough* through;  // the marks left out, for the reading through pauses
};

// Traditional text converted word by word where a word converts as a whole (乾淨 → 干净),
// character by character elsewhere: what OpenCC's tw2s gives, at the cost of one pass.
void convert_phrases(std::string_view original, const Reading& reading,
                     TraditionalPhrases::Script script, Output& out) {
  CharFolder& folder = CharFolder::shared();
  const QuotedRanges& quotations = reading.quotations;
  std::string kept;
  const std::vector<KeptCharacter> characters = keep_script(original, reading.through, kept);
  const auto words = folder.traditional_phrases().find(kept, script);
  out.clear();  // start again
  auto word = words.begin();
  std::uint32_t previous_end = 0;
  for (std::size_t i = 0; i < characters.size();) {
    const KeptCharacter& c = characters[i];
    append_pause(out, reading.pauses, previous_end, c.begin, quotations);
    if (word != words.end() && word->begin == c.kept_begin) {
      std::size_t j = i;
      while (j < characters.size() && characters[j].kept_begin < word->end) ++j;
      append_word(out, word->simplified, std::span(characters).subspan(i, j - i), quotations);
      previous_end = characters[j - 1].end;
      ++word;
      i = j;
      continue;
    }
    out.append(folder.fold(c.code_point), c.begin, c.end, quotations.contains(c.begin));
    previous_end = c.end;
    ++i;
  }
}

// Whether a word of the tables that converts to something else stands in `text`.
bool holds_traditional_word(std::string_view text) {
  const auto words =
      CharFolder::shared().traditional_phrases().find(text, TraditionalPhrases::Script::simplified);
  return std::any_of(words.begin(), words.end(), [&](const TraditionalPhrases::Word& word) {
    return word.simplified != text.substr(word.begin, word.end - word.begin);
  });
}

NormalizedText normalize_reading(std::string_view original, const Reading& reading) {
  NormalizedText result;
  result.original = std::string(original);
  Output out(result, original.size());
  CharFolder& folder = CharFolder::shared();
  const QuotedRanges& quotations = reading.quotations;
  bool may_hold_traditional_word = false;
  for (std::size_t pos = 0; pos < original.size();) {
    const std::size_t start = pos;
    const char32_t code_point = utf8::decode(original, pos);
    if (reading.through && reading.through->drops(start)) continue;
    const CharFolder::Folded folded = folder.fold_marked(code_point);
    may_hold_traditional_word = may_hold_traditional_word || folded.changed_in_words;
    // Traditional text is converted word by word, from the start: this pass is of no more use.
    if (folded.traditional) {
      convert_phrases(original, reading, TraditionalPhrases::Script::traditional, out);
      out.finish();
      return result;
    }
    if (reading.pauses.first_in(start, pos) == start) {
      out.append(",", static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(pos),
                 quotations.contains(start));
      continue;
    }
    out.append(folded.text, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(pos),
               quotations.contains(start));
  }
  out.finish();
  // No character was traditional, so the text is as the word table reads it; a traditional
  // word may still be written in characters that are all simplified ones too (不瞭解, 藉口).
  if (may_hold_traditional_word && holds_traditional_word(result.text)) {
    convert_phrases(original, reading, TraditionalPhrases::Script::simplified, out);
    out.finish();
  }
  return result;
}

NormalizedText normalize_mended(std::string_view original, const Reading& reading) {
  NormalizedText result = normalize_reading(original, reading);
  mend_miswritten_words(result.text);
  return result;
}

}  // namespace

NormalizedText normalize(std::string_view original) {
  const QuotedRanges quotations = find_mentions(original);
  const Pauses pauses(original);
  NormalizedText result = normalize_mended(original, {quotations, pauses, nullptr});
  const ReadThrough through(original, pauses);
  if (!through.empty()) {
    result.read_through = std::make_shared<const NormalizedText>(
        normalize_mended(original, {quotations, through.kept_pauses(), &through}));
    result.read_through_joins = through.joins();
  }
  return result;
}

bool says_nothing(std::string_view text) {
  return normalize(text).says_nothing();
}

std::string normalize_phrase(std::string_view phrase) {
  const QuotedRanges quotations = find_mentions(phrase);
  const Pauses pauses(phrase);
  return normalize_mended(phrase, {quotations, pauses, nullptr}).text;
}

}  // namespace coach
