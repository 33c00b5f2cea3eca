#pragma once
// Keys without a character of their own (Home, End, Ctrl-Left, Insert, F5) reach the program as
// escape sequences, and so do the colours and titles in text pasted from a terminal. libedit
// knows only a few of them: of the rest it took `ESC [` as a key and inserted what followed
// (`;5D`, `~`, `0;title`) into the reply. EscapeSequence reads one sequence a character at a
// time and says which of libedit's emacs keys it stands for, or that it is to be dropped.
#include <cstddef>
#include <optional>
#include <string>

namespace coach::cli {

class EscapeSequence {
 public:
  // Whether `c` starts a sequence: ESC, or an 8-bit introducer (CSI U+009B, OSC U+009D …).
  static bool starts(char32_t c);

  explicit EscapeSequence(char32_t introducer);

  // Takes the character after those taken so far. True while the sequence goes on; false once
  // it is complete, `c` being its last character, or once `c` cannot belong to it (a reply's
  // text after a lone Esc): then `c` is part of the leftover, to be read as keys of their own.
  bool take(char32_t c);

  // The keys libedit is to read instead of the sequence: the arrows and Delete as libedit
  // binds them, Home and End as Ctrl-A and Ctrl-E, Ctrl- or Alt-Left and -Right (also Esc before
  // the arrow, as PuTTY sends Alt) as the word moves Esc-b and Esc-f, the keypad's digits and
  // signs in application mode as they are, a lone Esc (nothing came after it in time) or Esc
  // with a key as they are; nothing for a sequence with no meaning for a line (colours, titles,
  // Insert, F5, the marks of a bracketed paste). A title that never ended gives back its text.
  std::wstring keys() const;

  // What was taken but is not part of the sequence, to be read as typed: the character that
  // broke it off, after the text of a title broken off by it.
  const std::u32string& leftover() const { return leftover_; }

  // Whether the sequence is a bracketed paste's mark (`ESC [200~` before the pasted text,
  // `ESC [201~` after it): a terminal asked to mark pastes sends them however the paste is
  // delivered, so the reader knows which Enter keys were pasted rather than typed.
  enum class PasteMark { none, start, end };
  PasteMark paste_mark() const;

 private:
  // Where reading is: after ESC, in a control sequence (ESC [, CSI), after ESC O (SS3), in a
  // string (ESC ], ESC P …, to BEL or ST) or after an ESC in one, or done.
  enum class State { escape, control, shift_three, string, string_escape, done };

  bool enter(State state);  // true: reading goes on
  bool finish();            // false: complete
  bool drop();              // complete, and of no meaning for a line
  bool refuse(char32_t c);  // broken off by `c`, which is not part of it
  bool take_in_string(char32_t c);
  std::wstring control_keys() const;
  std::wstring keypad_key() const;

  State state_;
  State form_;                 // what kind of sequence it is: the last state before done
  std::u32string parameters_;  // of a control sequence: digits, ; and intermediates
  std::u32string string_;      // a string's text: given back when it never ends
  char32_t final_ = 0;         // the character that ends it, or the key after ESC or ESC O
  bool alt_ = false;           // a second ESC before it: Alt, as PuTTY sends it
  bool dropped_ = false;
  std::u32string leftover_;
};

}  // namespace coach::cli
