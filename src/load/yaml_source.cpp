#include "load/yaml_source.hpp"

#include <algorithm>

#include "util/utf8.hpp"

namespace coach {

YamlMark yaml_mark_at(std::string_view text, std::size_t byte_offset) {
  YamlMark mark;
  const std::size_t end = std::min(byte_offset, text.size());
  for (std::size_t i = text.size() - utf8::without_byte_order_mark(text).size(); i < end; ++i) {
    const char byte = text[i];
    if ((static_cast<unsigned char>(byte) & 0xC0) == 0x80) continue;  // inside a character
    ++mark.index;
    const bool breaks =
        byte == '\n' || (byte == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'));
    if (breaks) {
      ++mark.line;
      mark.column = 0;
    } else if (byte != '\r') {
      ++mark.column;
    }
  }
  return mark;
}

bool is_tab_at(std::string_view text, std::size_t character_index) {
  text = utf8::without_byte_order_mark(text);
  std::size_t characters = 0;
  for (const char byte : text) {
    if ((static_cast<unsigned char>(byte) & 0xC0) == 0x80) continue;
    if (characters++ == character_index) return byte == '\t';
  }
  return false;
}

std::optional<std::pair<std::size_t, char32_t>> find_hidden_line_break(std::string_view text) {
  const auto byte = [&](std::size_t at) {
    return at < text.size() ? static_cast<unsigned char>(text[at]) : 0;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char lead = byte(i);
    if (lead == 0xC2 && byte(i + 1) == 0x85) return std::pair{i, char32_t{0x85}};
    if (lead == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9))
      return std::pair{i, static_cast<char32_t>(0x2000 + byte(i + 2) - 0x80)};
  }
  return std::nullopt;
}

CommentFinder::CommentFinder(std::string_view text)
    : text_(text), byte_(text.size() - utf8::without_byte_order_mark(text).size()) {}

std::optional<CommentFinder::Comment> CommentFinder::follows(std::size_t character_index) {
  advance_to(character_index);
  std::size_t at = byte_;
  while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) ++at;
  if (at == byte_ || at >= text_.size() || text_[at] != '#') return std::nullopt;
  const char next = at + 1 < text_.size() ? text_[at + 1] : '\n';
  const bool glued = next != ' ' && next != '\t' && next != '\n' && next != '\r' && next != '#';
  return Comment{at - byte_, glued};  // blanks are 1 byte each
}

void CommentFinder::advance_to(std::size_t character_index) {
  while (character_ < character_index && byte_ < text_.size()) {
    ++byte_;
    while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80)
      ++byte_;
    ++character_;
  }
}

}  // namespace coach
