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

bool is_line_break(char32_t cp) {
  return cp == U'\n' || cp == U'\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool is_whitespace(char32_t cp) {
  if (cp == U'\t' || cp == U'\v' || cp == U'\f' || is_line_break(cp)) return true;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category == UTF8PROC_CATEGORY_ZS;
}

bool is_ideograph(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
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

// Spaces are read as pauses only in a reply that shows it uses them so: one with no
// punctuation before its end (刘女士，您一个人扛着 一家子的事 spaces for looks) and no word of
// one character between spaces (周先生 ， 真 抱歉 ， 给 您 添 麻烦 了 is cut into words).
bool spaces_separate_sentences(const std::vector<Character>& characters) {
  std::size_t end = characters.size();
  while (end > 0 && (is_whitespace(characters[end - 1].code_point) ||
                     is_punctuation(characters[end - 1].code_point)))
    --end;
  for (std::size_t i = 0; i < end; ++i) {
    const char32_t cp = characters[i].code_point;
    if (is_punctuation(cp)) return false;
    if (!is_whitespace(cp) && run_length(characters, i, 1) == 1 &&
        (i == 0 || is_whitespace(characters[i - 1].code_point)))
      return false;
  }
  return true;
}

}  // namespace

Pauses::Pauses(std::string_view original) {
  const bool may_pause = std::any_of(original.begin(), original.end(), [](char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || static_cast<unsigned char>(c) >= 0x80;
  });
  if (!may_pause) return;
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
                                          run_length(characters, i - 1, -1) >= 2 &&
                                          run_length(characters, end, 1) >= 2;
      if (pause) starts_.push_back(characters[i].begin);
    }
    i = end;
  }
}

std::size_t Pauses::first_in(std::size_t from, std::size_t to) const {
  const auto found = std::lower_bound(starts_.begin(), starts_.end(), from);
  return found != starts_.end() && *found < to ? *found : std::string_view::npos;
}

}  // namespace coach
