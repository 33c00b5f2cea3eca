#include "engine/filler.hpp"

#include <utf8proc.h>

#include <string_view>

#include "util/utf8.hpp"

namespace coach {
namespace {

// Three of one character in a row is typing noise, whatever the character.
constexpr std::size_t kNoiseRun = 3;

bool is_interjection(char32_t cp) {
  static constexpr std::u32string_view kInterjections = U"啊哈嗯呃哦噢呀嘿喔诶欸哎唉嘻呵啦哇嗨呜";
  return kInterjections.find(cp) != std::u32string_view::npos;
}

bool is_filler(char32_t cp) {
  if (is_interjection(cp)) return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:  // emoji
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return true;
    default:
      return false;
  }
}

struct Character {
  char32_t code_point;
  std::size_t begin;
  std::size_t end;
};

std::vector<Character> decode_all(std::string_view text) {
  std::vector<Character> characters;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t cp = utf8::decode(text, pos);
    characters.push_back({cp, begin, pos});
  }
  return characters;
}

// Whether each character is filler: by itself, or in a run of one character repeated.
std::vector<bool> mark_filler(const std::vector<Character>& characters) {
  std::vector<bool> filler(characters.size());
  for (std::size_t i = 0; i < characters.size();) {
    std::size_t end = i + 1;
    while (end < characters.size() && characters[end].code_point == characters[i].code_point) ++end;
    const bool noise = end - i >= kNoiseRun;
    for (std::size_t k = i; k < end; ++k) filler[k] = noise || is_filler(characters[k].code_point);
    i = end;
  }
  return filler;
}

}  // namespace

Filler::Filler(std::string_view original)
    : bytes_before_(original.size() + 1), characters_before_(original.size() + 1) {
  const std::vector<Character> characters = decode_all(original);
  const std::vector<bool> filler = mark_filler(characters);
  std::uint32_t bytes = 0;
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < characters.size(); ++i) {
    for (std::size_t at = characters[i].begin; at < characters[i].end; ++at) {
      bytes_before_[at] = bytes;
      characters_before_[at] = count;
      if (filler[i]) ++bytes;
    }
    if (filler[i]) ++count;
  }
  bytes_before_[original.size()] = bytes;
  characters_before_[original.size()] = count;
}

bool Filler::fills(TextSpan range) const {
  if (range.end <= range.begin) return range.end == range.begin;
  if (range.end >= bytes_before_.size()) return false;
  return bytes_before_[range.end] - bytes_before_[range.begin] == range.end - range.begin;
}

std::size_t Filler::characters(TextSpan range) const {
  if (range.end <= range.begin || range.end >= characters_before_.size()) return 0;
  return characters_before_[range.end] - characters_before_[range.begin];
}

}  // namespace coach
