#include "cli/terminal_keys.hpp"

#include <string_view>
#include <utility>

namespace coach::cli {
namespace {

constexpr char32_t kEscape = U'\x1b';
constexpr char32_t kBell = U'\x07';
constexpr char32_t kStringTerminator = U'\x9c';
constexpr wchar_t kStartOfLine = L'\x01';  // Ctrl-A
constexpr wchar_t kEndOfLine = L'\x05';    // Ctrl-E
// A title or a hyperlink is short; text after an introducer that never ends is the trainee's.
constexpr std::size_t kLongestString = 512;
constexpr std::size_t kLongestParameters = 32;

bool is_parameter(char32_t c) {
  return c >= 0x20 && c <= 0x3f;  // digits, ; and the intermediates
}

bool is_final(char32_t c) {
  return c >= 0x40 && c <= 0x7e;
}

// The key number and the modifier of `1;5` (Ctrl), `3` (none: 1) or `` (none); a modifier
// that is no number is 0.
std::pair<std::u32string, int> key_and_modifier(const std::u32string& parameters) {
  const std::size_t semicolon = parameters.find(U';');
  if (semicolon == std::u32string::npos) return {parameters, 1};
  int modifier = 0;
  for (char32_t c : parameters.substr(semicolon + 1)) {
    if (c < U'0' || c > U'9') return {parameters.substr(0, semicolon), 0};
    modifier = modifier * 10 + static_cast<int>(c - U'0');
    if (modifier > 64) return {parameters.substr(0, semicolon), 0};
  }
  return {parameters.substr(0, semicolon), modifier};
}

// Alt (3), Ctrl (5) or both (7) on an arrow moves by words, as in a shell.
bool moves_by_word(int modifier) {
  return modifier == 3 || modifier == 5 || modifier == 7;
}

// An arrow as libedit binds it, or a word move for Left and Right when `by_word`.
std::wstring arrow(char32_t direction, bool by_word) {
  if (by_word && direction == U'C')
    return L"\x1b"
           L"f";
  if (by_word && direction == U'D')
    return L"\x1b"
           L"b";
  return std::wstring{L'\x1b', L'[', static_cast<wchar_t>(direction)};
}

}  // namespace

bool EscapeSequence::starts(char32_t c) {
  switch (c) {
    case kEscape:
    case U'\x8f':  // SS3
    case U'\x90':  // DCS
    case U'\x98':  // SOS
    case U'\x9b':  // CSI
    case U'\x9d':  // OSC
    case U'\x9e':  // PM
    case U'\x9f':  // APC
      return true;
    default:
      return false;
  }
}

EscapeSequence::EscapeSequence(char32_t introducer)
    : state_(introducer == kEscape   ? State::escape
             : introducer == U'\x9b' ? State::control
             : introducer == U'\x8f' ? State::shift_three
                                     : State::string),
      form_(state_) {}

bool EscapeSequence::take(char32_t c) {
  switch (state_) {
    case State::escape:
      if (c == kEscape && !alt_) {
        alt_ = true;  // Esc, then the key's own sequence
        return true;
      }
      if (c == U'[') return enter(State::control);
      if (c == U'O') return enter(State::shift_three);
      if (c == U']' || c == U'P' || c == U'X' || c == U'^' || c == U'_')
        return enter(State::string);
      final_ = c;  // Esc with a key: a meta key, as libedit reads it
      return finish();
    case State::control:
      if (is_parameter(c)) {
        parameters_ += c;
        if (parameters_.size() > kLongestParameters) return drop();
        return true;
      }
      if (is_final(c)) {
        final_ = c;
        return finish();
      }
      return refuse(c);
    case State::shift_three:
      if (!is_final(c)) return refuse(c);
      final_ = c;
      return finish();
    case State::string:
    case State::string_escape:
      return take_in_string(c);
    case State::done:
      return refuse(c);
  }
  return false;
}

// A string ends at BEL or ST (ESC \) and means nothing for a line. An ESC followed by anything
// else ends it too and starts the next sequence (a title, then a colour). One broken off by a
// line's end, or longer than any title, was the trainee's text after a stray ESC ]: its text
// is given back.
bool EscapeSequence::take_in_string(char32_t c) {
  if (state_ == State::string_escape) {
    if (c == U'\\') return drop();
    *this = EscapeSequence(kEscape);
    return take(c);
  }
  if (c == kBell || c == kStringTerminator) return drop();
  if (c == kEscape) return enter(State::string_escape);
  if (c == U'\r' || c == U'\n' || string_.size() >= kLongestString) {
    leftover_ = string_;
    return refuse(c);
  }
  string_ += c;
  return true;
}

bool EscapeSequence::enter(State state) {
  state_ = state;
  form_ = state;
  return true;
}

bool EscapeSequence::finish() {
  state_ = State::done;
  return false;
}

bool EscapeSequence::drop() {
  dropped_ = true;
  return finish();
}

bool EscapeSequence::refuse(char32_t c) {
  leftover_ += c;
  return drop();
}

std::wstring EscapeSequence::keys() const {
  if (dropped_) return {};
  if (state_ != State::done) {  // nothing more came in time
    if (form_ == State::escape) return alt_ ? L"\x1b\x1b" : L"\x1b";
    if (form_ == State::string) return std::wstring(string_.begin(), string_.end());
    return {};
  }
  switch (form_) {
    case State::escape:
      return std::wstring(alt_ ? L"\x1b\x1b" : L"\x1b") + static_cast<wchar_t>(final_);
    case State::control:
      return control_keys();
    case State::shift_three:
      return keypad_key();
    default:
      return {};
  }
}

// Application mode's arrows, Home and End, and the keypad's digits, signs and Enter; F1–F4
// mean nothing here.
std::wstring EscapeSequence::keypad_key() const {
  if (final_ >= U'A' && final_ <= U'D') return arrow(final_, alt_);
  if (final_ >= U'p' && final_ <= U'y') return {static_cast<wchar_t>(L'0' + (final_ - U'p'))};
  if (final_ == U'H') return {kStartOfLine};
  if (final_ == U'F') return {kEndOfLine};
  // Enter and the signs, by their final characters.
  static constexpr std::u32string_view kFinals = U"MjklmnoX";
  static constexpr std::wstring_view kTyped = L"\r*+,-./=";
  const std::size_t at = kFinals.find(final_);
  return at == std::u32string_view::npos ? std::wstring() : std::wstring(1, kTyped[at]);
}

EscapeSequence::PasteMark EscapeSequence::paste_mark() const {
  if (state_ != State::done || form_ != State::control || final_ != U'~') return PasteMark::none;
  if (parameters_ == U"200") return PasteMark::start;
  if (parameters_ == U"201") return PasteMark::end;
  return PasteMark::none;
}

std::wstring EscapeSequence::control_keys() const {
  const auto [key, modifier] = key_and_modifier(parameters_);
  const bool plain = modifier == 1 && (key.empty() || key == U"1");
  switch (final_) {
    case U'A':
    case U'B':
    case U'C':
    case U'D':
      if (!plain && modifier == 0) return {};
      return arrow(final_, alt_ || moves_by_word(modifier));
    case U'H':
      return {kStartOfLine};
    case U'F':
      return {kEndOfLine};
    case U'~':
      if (key == U"1" || key == U"7") return {kStartOfLine};
      if (key == U"4" || key == U"8") return {kEndOfLine};
      if (key == U"3" && modifier == 1) return L"\x1b[3~";  // Delete, bound by libedit
      return {};  // Insert, Page Up and Down, F5–F12, Ctrl-Delete, a bracketed paste's marks
    default:
      return {};  // colours (m), cursor reports, and the rest
  }
}

}  // namespace coach::cli
