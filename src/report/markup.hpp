#pragma once
// Escaping for XML and HTML reports: the text of a trainee's reply or name can never become markup.
#include <string>
#include <string_view>

#include "util/utf8.hpp"

namespace coach {

// Every character XML 1.0 forbids is dropped (C0 controls) or replaced by U+FFFD (bytes that are
// not UTF-8, U+FFFE, U+FFFF): loaders refuse them, but a file name or a command-line value
// reaches reports unchecked, and one such character makes the whole report unreadable.
inline std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const char c = text[pos];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const std::size_t start = pos;
      const char32_t cp = utf8::decode(text, pos);
      if (cp == utf8::kInvalid || utf8::is_noncharacter(cp))
        out += "\uFFFD";
      else
        out.append(text.substr(start, pos - start));
      continue;
    }
    ++pos;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') continue;
        out += c;
    }
  }
  return out;
}

}  // namespace coach
