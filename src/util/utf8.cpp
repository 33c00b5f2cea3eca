#include "util/utf8.hpp"

#include <fmt/format.h>

namespace coach::utf8 {

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<SourceMark> find_invalid(std::string_view text) {
  SourceMark mark{1, 1};
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (decode(text, pos) == kInvalid) return mark;
    if (text[pos - 1] == '\n') {
      ++mark.line;
      mark.column = 1;
    } else {
      ++mark.column;
    }
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    decode(text, pos);
    ++count;
  }
  return count;
}

namespace {
bool is_control(char32_t cp) {
  const bool c0 = cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r';
  const bool c1 = cp >= 0x7F && cp < 0xA0;
  return c0 || c1;
}
}  // namespace

bool has_control_characters(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_control(decode(text, pos))) return true;
  }
  return false;
}

namespace {

bool escapes(char32_t cp, bool in_line) {
  if (cp == '\n' || cp == '\t') return in_line;
  return is_control(cp) || cp == '\r';
}

std::string escape(std::string_view text, bool in_line) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = decode(text, pos);
    if (cp == kInvalid) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[start]));
    } else if (cp < 0x80 && escapes(cp, in_line)) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(cp));
    } else if (escapes(cp, in_line)) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace

std::string escape_controls(std::string_view text) {
  return escape(text, false);
}

std::string escape_controls_in_line(std::string_view text) {
  return escape(text, true);
}

namespace {

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_hidden(char32_t cp) {
  return is_bidi_control(cp) || cp == 0x00AD || cp == 0x061C || cp == 0x180E ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}

template <typename Predicate>
bool any_code_point(std::string_view text, Predicate predicate) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (predicate(decode(text, pos))) return true;
  }
  return false;
}

}  // namespace

bool has_bidi_controls(std::string_view text) {
  return any_code_point(text, is_bidi_control);
}

bool has_hidden_characters(std::string_view text) {
  return any_code_point(text, is_hidden);
}

std::string show_hidden(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = decode(text, pos);
    if (is_hidden(cp)) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace coach::utf8
