#include <doctest/doctest.h>

#include <string>

#include "cli/terminal_keys.hpp"

using namespace coach::cli;

namespace {

// What libedit reads for `typed` (the bytes after the introducer, as characters), and the
// character left over, if any.
std::wstring keys_for(const std::u32string& typed, char32_t introducer = U'\x1b') {
  EscapeSequence sequence(introducer);
  for (char32_t c : typed) {
    if (!sequence.take(c)) break;
  }
  std::wstring keys = sequence.keys();
  if (!sequence.leftover().empty())
    keys += L'|' + std::wstring(sequence.leftover().begin(), sequence.leftover().end());
  return keys;
}

}  // namespace

TEST_CASE("the keys a terminal sends as escape sequences become libedit's emacs keys") {
  // Outside pass 32, finding 02: Ctrl-Left put ;5D into the reply, Home on tmux a ~.
  CHECK(keys_for(U"[A") == L"\x1b[A");
  CHECK(keys_for(U"[D") == L"\x1b[D");
  CHECK(keys_for(U"[1;5D") == L"\x1b" L"b");
  CHECK(keys_for(U"[1;5C") == L"\x1b" L"f");
  CHECK(keys_for(U"[1;3C") == L"\x1b" L"f");
  CHECK(keys_for(U"[1;2A") == L"\x1b[A");
  CHECK(keys_for(U"[H") == L"\x01");
  CHECK(keys_for(U"[F") == L"\x05");
  CHECK(keys_for(U"[1~") == L"\x01");
  CHECK(keys_for(U"[7~") == L"\x01");
  CHECK(keys_for(U"[4~") == L"\x05");
  CHECK(keys_for(U"[3~") == L"\x1b[3~");
  CHECK(keys_for(U"OH") == L"\x01");
  CHECK(keys_for(U"OB") == L"\x1b[B");
  CHECK(keys_for(U"D", U'\x9b') == L"\x1b[D");  // the 8-bit CSI
}

TEST_CASE("sequences with no meaning for a line are dropped whole") {
  for (const std::u32string typed : {U"[2~", U"[5~", U"[6~", U"[15~", U"[24~", U"[3;5~", U"[31m",
                                     U"[0m", U"[200~", U"[201~", U"OP", U"[?25h"}) {
    CAPTURE(std::string(typed.begin(), typed.end()));
    CHECK(keys_for(typed).empty());
  }
  // A title, to BEL or to ST (ESC \), and the 8-bit OSC.
  CHECK(keys_for(U"]0;title\x07").empty());
  CHECK(keys_for(U"]0;title\x1b\\").empty());
  CHECK(keys_for(U"0;title\x9c", U'\x9d').empty());
  CHECK(keys_for(U"Pq#0;2;0;0;0\x1b\\").empty());
}

TEST_CASE("a bracketed paste's marks are told from the other sequences") {
  // Outside pass 39, finding 04: the reader knows a pasted Enter from a typed one by them.
  const auto mark_of = [](const std::u32string& typed, char32_t introducer = U'\x1b') {
    EscapeSequence sequence(introducer);
    for (char32_t c : typed) {
      if (!sequence.take(c)) break;
    }
    return sequence.paste_mark();
  };
  CHECK(mark_of(U"[200~") == EscapeSequence::PasteMark::start);
  CHECK(mark_of(U"[201~") == EscapeSequence::PasteMark::end);
  CHECK(mark_of(U"200~", U'\x9b') == EscapeSequence::PasteMark::start);  // the 8-bit CSI
  for (const std::u32string typed : {U"[20", U"[2~", U"[202~", U"[1;200~", U"[200m", U"]200~"}) {
    CAPTURE(std::string(typed.begin(), typed.end()));
    CHECK(mark_of(typed) == EscapeSequence::PasteMark::none);
  }
}

TEST_CASE("a lone Esc and an Esc with a key stay what they are") {
  CHECK(keys_for(U"") == L"\x1b");
  CHECK(keys_for(U"b") == L"\x1b" L"b");
  CHECK(keys_for(U"\x7f") == L"\x1b\x7f");
}

TEST_CASE("text that breaks a sequence off is not lost") {
  // An ESC [ typed before a reply: the reply's first character is read as a key again.
  CHECK(keys_for(U"[王") == L"|王");
  CHECK(keys_for(U"[12;王") == L"|王");
  // Review of session 19: a title that never ends loses only its ESC ], at a line's end, after
  // 512 characters, or when nothing more comes.
  CHECK(keys_for(U"]0;title\r") == L"|0;title\r");
  CHECK(keys_for(U"]我非常理解您的心情") == L"我非常理解您的心情");
  const std::u32string long_text(600, U'x');
  CHECK(keys_for(U"]" + long_text) == L"|" + std::wstring(513, L'x'));
}

TEST_CASE("an ESC inside a title ends it and starts the next sequence") {
  // Review of session 19: ESC ]0;t ESC [0m left [0m in the reply.
  CHECK(keys_for(U"]0;t\x1b[0m").empty());
  CHECK(keys_for(U"]0;t\x1b[A") == L"\x1b[A");
}

TEST_CASE("Alt as an Esc before the key, and the keypad in application mode") {
  CHECK(keys_for(U"\x1b[D") == L"\x1b" L"b");  // PuTTY's Alt-Left
  CHECK(keys_for(U"\x1b[C") == L"\x1b" L"f");
  CHECK(keys_for(U"\x1b") == L"\x1b\x1b");
  CHECK(keys_for(U"Op") == L"0");
  CHECK(keys_for(U"Oy") == L"9");
  CHECK(keys_for(U"OM") == L"\r");
  CHECK(keys_for(U"Ok") == L"+");
  CHECK(keys_for(U"On") == L".");
}
