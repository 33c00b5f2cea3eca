#include "util/display_width.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <vector>

#include "util/utf8.hpp"

namespace coach {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    if (text[pos] == '\x1b') {  // a colour escape sequence takes no column
      const auto end = text.find('m', pos);
      pos = end == std::string_view::npos ? text.size() : end + 1;
      continue;
    }
    const char32_t cp = utf8::decode(text, pos);
    if (cp == utf8::kInvalid) continue;
    const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    width += w > 0 ? static_cast<std::size_t>(w) : 0;
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t columns) {
  std::string out(text);
  for (std::size_t w = display_width(text); w < columns; ++w) out += ' ';
  return out;
}

}  // namespace coach

namespace coach {
namespace {

struct Piece {
  std::string bytes;
  std::size_t width = 0;
  bool breakable_after = true;  // false inside a Latin word
};

bool is_latin_word_char(char32_t cp) {
  return cp < 0x80 && cp != ' ';
}

// Punctuation that must not begin a line (the rule of Chinese typesetting): it stays with the
// character before it.
bool is_closing_punctuation(std::string_view bytes) {
  static constexpr std::string_view kClosing[] = {"，", "。", "、", "；", "：", "？", "！", "）",
                                                  "》", "」", "』", "”",  "’",  "…",  ",",  ".",
                                                  ";",  ":",  "?",  "!",  ")",  "]"};
  for (auto closing : kClosing) {
    if (bytes.ends_with(closing)) return true;
  }
  return false;
}

// Splits a line into characters (escape sequences glued to the next character).
std::vector<Piece> pieces_of(std::string_view line) {
  std::vector<Piece> pieces;
  std::string pending_escape;
  for (std::size_t pos = 0; pos < line.size();) {
    if (line[pos] == '\x1b') {
      const auto end = line.find('m', pos);
      const std::size_t stop = end == std::string_view::npos ? line.size() : end + 1;
      pending_escape += line.substr(pos, stop - pos);
      pos = stop;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(line, pos);
    Piece piece{pending_escape + std::string(line.substr(start, pos - start)), 0, true};
    pending_escape.clear();
    if (cp != utf8::kInvalid) {
      const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
      piece.width = w > 0 ? static_cast<std::size_t>(w) : 0;
    }
    piece.breakable_after = !is_latin_word_char(cp);
    pieces.push_back(std::move(piece));
  }
  if (!pending_escape.empty()) pieces.push_back({pending_escape, 0, true});
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    if (is_closing_punctuation(pieces[i].bytes)) pieces[i - 1].breakable_after = false;
  }
  return pieces;
}

std::size_t leading_spaces(std::string_view line) {
  std::size_t count = 0;
  while (count < line.size() && line[count] == ' ') ++count;
  return count;
}

std::string wrap_line(std::string_view line, std::size_t columns, std::size_t extra_indent) {
  const std::size_t indent = std::min(leading_spaces(line) + extra_indent, columns / 2);
  const std::vector<Piece> pieces = pieces_of(line);
  std::string out;
  std::string current;
  std::size_t width = 0;
  std::size_t last_break = std::string::npos;  // byte length of `current` after a breakable piece
  std::size_t width_at_break = 0;
  for (const Piece& piece : pieces) {
    if (width + piece.width > columns && width > indent) {
      std::string carry;
      if (last_break != std::string::npos && last_break < current.size()) {
        carry = current.substr(last_break);
        current.resize(last_break);
      }
      out += current + "\n";
      const std::size_t carried_width =
          last_break != std::string::npos ? width - width_at_break : 0;
      current = std::string(indent, ' ') + carry;
      width = indent + carried_width;
      last_break = std::string::npos;
    }
    current += piece.bytes;
    width += piece.width;
    if (piece.breakable_after) {
      last_break = current.size();
      width_at_break = width;
    }
  }
  return out + current;
}

}  // namespace

std::string wrap_text(std::string_view text, std::size_t columns, std::size_t extra_indent) {
  if (columns == 0) return std::string(text);
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto newline = text.find('\n', start);
    const std::string_view line = text.substr(
        start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
    out += wrap_line(line, columns, extra_indent);
    if (newline == std::string_view::npos) break;
    out += '\n';
    start = newline + 1;
  }
  return out;
}

}  // namespace coach
