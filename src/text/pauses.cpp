#include "text/pauses.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "util/utf8.hpp"

namespace coach {
namespace {

struct Character {
  char32_t code_point;
  std::size_t begin;
};

using utf8::is_line_break;
using utf8::is_whitespace;

bool is_ideograph(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}

// Marks of a pause within a sentence: a reply that has them uses them, and its spaces are spacing.
// A ? or 。 between sentences says nothing about that (您好 请问是李女士吗?我是…张丽 工号1083).
bool is_comma(char32_t cp) {
  return std::u32string_view(U",，、;；:：").find(cp) != std::u32string_view::npos;
}

bool is_punctuation(char32_t cp) {
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category >= UTF8PROC_CATEGORY_PC && category <= UTF8PROC_CATEGORY_PO;
}

std::vector<Character> decode_all(std::string_view text) {
  std::vector<Character> characters;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    characters.push_back({utf8::decode(text, pos), begin});
  }
  return characters;
}

// How many characters that are not whitespace run from `i` in direction `step` (±1).
std::size_t run_length(const std::vector<Character>& characters, std::size_t i, int step) {
  std::size_t length = 0;
  for (auto k = static_cast<std::ptrdiff_t>(i);
       k >= 0 && k < static_cast<std::ptrdiff_t>(characters.size()) &&
       !is_whitespace(characters[static_cast<std::size_t>(k)].code_point);
       k += step)
    ++length;
  return length;
}

// Whether the run of characters from `i` (in direction `step`) can be a sentence: two characters
// or more, or a one-character answer (好 王先生, 嗯 您说); not 您 好, a word typed apart.
bool stands_alone(const std::vector<Character>& characters, std::size_t i, int step) {
  if (run_length(characters, i, step) >= 2) return true;
  return std::u32string_view(U"好嗯对是行哦噢喂诶唉").find(characters[i].code_point) !=
         std::u32string_view::npos;
}

// Spaces are read as pauses only in a reply that shows it uses them so: one with no comma
// (刘女士，您一个人扛着 一家子的事 spaces for looks) and not cut into words (真 抱歉 给 您 添 麻烦
// 了).
bool spaces_separate_sentences(const std::vector<Character>& characters) {
  std::size_t end = characters.size();
  while (end > 0 && (is_whitespace(characters[end - 1].code_point) ||
                     is_punctuation(characters[end - 1].code_point)))
    --end;
  std::size_t runs = 0;
  std::size_t single = 0;
  for (std::size_t i = 0; i < end; ++i) {
    const char32_t cp = characters[i].code_point;
    if (is_comma(cp)) return false;
    if (is_whitespace(cp) || (i > 0 && !is_whitespace(characters[i - 1].code_point))) continue;
    ++runs;  // a run begins at i
    single += run_length(characters, i, 1) == 1 ? 1 : 0;
  }
  // Cut into words: many words of one character (给 您 添 麻烦 了). One, like 好 in
  // 好 王先生 这事交给我查, is a sentence of its own.
  return !(single >= 2 && single * 4 >= runs);
}

// Most replies hold no whitespace at all and need not be decoded for it: ASCII whitespace,
// and the first bytes of every other space or line break (U+0085, U+00A0, U+1680, U+2000–
// U+205F, U+3000).
bool may_hold_whitespace(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) return true;
    if (c < 0xC2 || i + 1 >= text.size()) continue;
    const auto next = static_cast<unsigned char>(text[i + 1]);
    const auto third = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    // An ideograph (U+4E00–U+9FFF, most characters of a reply) is passed over whole: neither
    // its first byte nor its continuation bytes begin a space.
    if (c >= 0xE4 && c <= 0xE9 && (next & 0xC0) == 0x80 && (third & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if ((c == 0xC2 && (next == 0x85 || next == 0xA0)) || (c == 0xE1 && next == 0x9A) ||
        (c == 0xE2 && next == 0x80 &&
         (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF)) ||
        (c == 0xE2 && next == 0x81 && third == 0x9F) ||
        (c == 0xE3 && next == 0x80 && third == 0x80))
      return true;
  }
  return false;
}

}  // namespace

Pauses::Pauses(std::string_view original) {
  if (!may_hold_whitespace(original)) return;
  const std::vector<Character> characters = decode_all(original);
  const bool spaces_pause = spaces_separate_sentences(characters);
  for (std::size_t i = 0; i < characters.size();) {
    if (!is_whitespace(characters[i].code_point)) {
      ++i;
      continue;
    }
    std::size_t end = i;
    bool line_break = false;
    while (end < characters.size() && is_whitespace(characters[end].code_point)) {
      line_break = line_break || is_line_break(characters[end].code_point);
      ++end;
    }
    if (i > 0 && end < characters.size()) {
      const char32_t before = characters[i - 1].code_point;
      const char32_t after = characters[end].code_point;
      const bool pause = line_break ? !is_punctuation(before)
                                    : spaces_pause && is_ideograph(before) && is_ideograph(after) &&
                                          stands_alone(characters, i - 1, -1) &&
                                          stands_alone(characters, end, 1);
      if (pause) starts_.push_back(characters[i].begin);
    }
    i = end;
  }
}

std::size_t Pauses::first_among(std::size_t from, std::size_t to) const {
  const auto found = std::lower_bound(starts_.begin(), starts_.end(), from);
  return found != starts_.end() && *found < to ? *found : std::string_view::npos;
}

}  // namespace coach
