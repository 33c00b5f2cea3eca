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
  // text after a lone Esc): then `c` is the leftover, to be read as a key of its own.
  bool take(char32_t c);

  // The keys libedit is to read instead of the sequence: the arrows and Delete as libedit
  // binds them, Home and End as Ctrl-A and Ctrl-E, Ctrl-Left and Ctrl-Right as the word moves
  // Esc-b and Esc-f, a lone Esc (nothing came after it in time) or Esc with a key as they are;
  // nothing for a sequence with no meaning for a line (colours, titles, Insert, F5, the marks
  // of a bracketed paste).
  std::wstring keys() const;

  // The character take() refused, if any.
  std::optional<wchar_t> leftover() const { return leftover_; }

 private:
  // Where reading is: after ESC, in a control sequence (ESC [, CSI), after ESC O (SS3), in a
  // string (ESC ], ESC P …, to BEL or ST) or after an ESC in one, or done.
  enum class State { escape, control, shift_three, string, string_escape, done };

  bool enter(State state);  // true: reading goes on
  bool finish();            // false: complete
  bool drop();              // complete, and of no meaning for a line
  bool refuse(char32_t c);  // broken off by `c`, which is not part of it
  std::wstring control_keys() const;

  State state_;
  State form_;                 // what kind of sequence it is: the last state before done
  std::u32string parameters_;  // of a control sequence: digits, ; and intermediates
  char32_t final_ = 0;         // the character that ends it, or the key after ESC or ESC O
  std::size_t string_length_ = 0;
  bool dropped_ = false;
  std::optional<wchar_t> leftover_;
};

}  // namespace coach::cli
