#include "text/normalizer.hpp"

#include "text/char_folder.hpp"
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

namespace {

struct FoldedCharacter {
  std::string_view text;
  std::uint32_t begin;  // where its source character is in the original
  std::uint32_t end;
};

// A quotation longer than this is more likely an unbalanced mark than a quotation.
constexpr std::size_t kMaxQuotedCharacters = 40;

struct QuotedRanges {
  std::vector<TextSpan> spans;  // byte ranges of the original, marks excluded
  bool contains(std::size_t pos) const {
    for (const auto& span : spans) {
      if (pos >= span.begin && pos < span.end) return true;
    }
    return false;
  }
};

char32_t closing_mark_for(char32_t cp) {
  switch (cp) {
    case U'“':
      return U'”';
    case U'「':
      return U'」';
    case U'『':
      return U'』';
    case U'"':
      return U'"';
    default:
      return 0;
  }
}

QuotedRanges find_quotations(std::string_view original) {
  QuotedRanges ranges;
  char32_t awaited = 0;
  std::size_t start = 0;
  std::size_t characters = 0;
  for (std::size_t pos = 0; pos < original.size();) {
    const std::size_t at = pos;
    const char32_t cp = utf8::decode(original, pos);
    if (awaited != 0 && cp == awaited) {
      if (characters <= kMaxQuotedCharacters) ranges.spans.push_back({start, at});
      awaited = 0;
    } else if (awaited == 0 && closing_mark_for(cp) != 0) {
      awaited = closing_mark_for(cp), start = pos, characters = 0;
    } else {
      ++characters;
    }
  }
  return ranges;
}

void append(NormalizedText& result, std::string_view folded, std::uint32_t begin, std::uint32_t end,
            bool quoted) {
  result.text += folded;
  result.origin_begin.insert(result.origin_begin.end(), folded.size(), begin);
  result.origin_end.insert(result.origin_end.end(), folded.size(), end);
  result.quoted.insert(result.quoted.end(), folded.size(), quoted);
}

// Traditional text converted phrase by phrase. OpenCC keeps the number of characters in
// nearly every conversion, which keeps the map back to the original exact; when it does not,
// the character-by-character result stands.
bool convert_phrases(std::string_view original, const QuotedRanges& quotations,
                     NormalizedText& result) {
  CharFolder& folder = CharFolder::shared();
  std::vector<FoldedCharacter> characters;
  std::string kept;
  for (std::size_t pos = 0; pos < original.size();) {
    const auto start = static_cast<std::uint32_t>(pos);
    const std::string_view folded = folder.fold_keeping_script(utf8::decode(original, pos));
    for (std::size_t at = 0; at < folded.size();) {
      const std::size_t from = at;
      utf8::decode(folded, at);
      characters.push_back(
          {folded.substr(from, at - from), start, static_cast<std::uint32_t>(pos)});
    }
    kept += folded;
  }
  const std::string converted = folder.to_simplified_phrases(kept);
  if (utf8::count_code_points(converted) != characters.size()) return false;
  NormalizedText phrased;
  phrased.original = result.original;
  std::size_t index = 0;
  for (std::size_t pos = 0; pos < converted.size(); ++index) {
    const std::size_t from = pos;
    utf8::decode(converted, pos);
    append(phrased, std::string_view(converted).substr(from, pos - from), characters[index].begin,
           characters[index].end, quotations.contains(characters[index].begin));
  }
  result = std::move(phrased);
  return true;
}

}  // namespace

NormalizedText normalize(std::string_view original) {
  NormalizedText result;
  result.original = std::string(original);
  result.text.reserve(original.size());
  CharFolder& folder = CharFolder::shared();
  const QuotedRanges quotations = find_quotations(original);
  bool traditional = false;
  for (std::size_t pos = 0; pos < original.size();) {
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(original, pos);
    traditional = traditional || (cp >= 0x80 && folder.is_traditional(cp));
    append(result, folder.fold(cp), static_cast<std::uint32_t>(start),
           static_cast<std::uint32_t>(pos), quotations.contains(start));
  }
  if (traditional) convert_phrases(original, quotations, result);
  return result;
}

std::string normalize_phrase(std::string_view phrase) {
  return normalize(phrase).text;
}

}  // namespace coach
