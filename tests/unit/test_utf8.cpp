// The byte-level checks of util/utf8 against the same questions asked character by character.
#include <doctest/doctest.h>

#include <string>

#include "util/utf8.hpp"

using namespace coach;

namespace {

bool is_control_slow(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0) ||
         cp == 0x2028 || cp == 0x2029;
}
bool is_bidi_slow(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string text_with(char32_t cp) {
  std::string text = "您好";
  utf8::append(text, cp);
  text += "x";
  return text;
}

}  // namespace

TEST_CASE("control and bidirectional characters are found byte by byte, exactly") {
  for (char32_t cp = 1; cp < 0x3000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string text = text_with(cp);
    INFO("code point " << static_cast<unsigned>(cp));
    CHECK(utf8::has_control_characters(text) == is_control_slow(cp));
    CHECK(utf8::has_bidi_controls(text) == is_bidi_slow(cp));
    CHECK(utf8::count_code_points(text) == 4);
  }
  CHECK_FALSE(utf8::has_bidi_controls("\xE2\x80"));  // cut short at the end
  CHECK_FALSE(utf8::has_control_characters("\xC2"));
}

TEST_CASE("escaping copies printable text whole and escapes from the first control on") {
  CHECK(utf8::escape_controls("王先生,您好\n") == "王先生,您好\n");
  CHECK(utf8::escape_controls("您好\x1B[2J再见") == "您好\\x1B[2J再见");
  CHECK(utf8::escape_controls("\x1B") == "\\x1B");
  CHECK(utf8::escape_controls("好\xC2\x85好") == "好\\u0085好");
  CHECK(utf8::escape_controls("ok\xFF") == "ok\\xFF");
  CHECK(utf8::escape_controls("a\rb") == "a\\x0Db");
  CHECK(utf8::escape_controls_in_line("张三\t李四\n") == "张三\\x09李四\\x0A");
  CHECK(utf8::escape_controls("") == "");
  CHECK(utf8::escape_controls("一\u2028二") == "一\\u2028二");
}
