#pragma once
// Small UTF-8 helpers: decoding, validation with a line/column for the first bad byte.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "util/diagnostic.hpp"

namespace coach::utf8 {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at `pos`, advancing `pos`; returns kInvalid (and skips one byte) on a
// malformed sequence. Inline: the normaliser and the matchers call it for every character.
inline char32_t decode(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  int length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  // The common case in Chinese text first: a well-formed three-byte character.
  if ((lead & 0xF0) == 0xE0 && pos + 2 < text.size()) {
    const unsigned char second = byte(pos + 1);
    const unsigned char third = byte(pos + 2);
    if ((second & 0xC0) == 0x80 && (third & 0xC0) == 0x80) {
      const char32_t three =
          (char32_t{lead} & 0x0F) << 12 | (char32_t{second} & 0x3F) << 6 | (char32_t{third} & 0x3F);
      if (three >= 0x800 && (three < 0xD800 || three > 0xDFFF)) {
        pos += 3;
        return three;
      }
    }
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    ++pos;
    return kInvalid;
  }
  if (pos + length > text.size()) {
    ++pos;
    return kInvalid;
  }
  for (int i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) {
      ++pos;
      return kInvalid;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return kInvalid;
  }
  pos += length;
  return cp;
}

// Where the character that ends at byte `pos` (> 0) begins: back over continuation bytes.
inline std::size_t previous_start(std::string_view text, std::size_t pos) {
  do {
    --pos;
  } while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80);
  return pos;
}

void append(std::string& out, char32_t code_point);

// Where the first malformed sequence is, if any.
std::optional<SourceMark> find_invalid(std::string_view text);

// Written first by some editors (and by us, for spreadsheets): it is no character of the text.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The text without a leading byte-order mark.
inline std::string_view without_byte_order_mark(std::string_view text) {
  return text.substr(0, kByteOrderMark.size()) == kByteOrderMark
             ? text.substr(kByteOrderMark.size())
             : text;
}

// Characters of UTF-8 text: the bytes that start one (all texts are checked UTF-8 when read).
std::size_t count_code_points(std::string_view text);

// Whether the text holds control characters other than tab and newline (terminal escapes), a
// carriage return that no line feed follows, or a line or paragraph separator (U+2028, U+2029).
bool has_control_characters(std::string_view text);

// Unicode's noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE,
// U+FFFF …): never text, and XML 1.0 cannot carry U+FFFE and U+FFFF at all.
constexpr bool is_noncharacter(char32_t cp) {
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || ((cp & 0xFFFE) == 0xFFFE && cp <= 0x10FFFF);
}

// The byte offset and code point of the first noncharacter in the text.
std::optional<std::pair<std::size_t, char32_t>> find_noncharacter(std::string_view text);

// A code point as every message and report writes one it shows by its code: `\u200B`, or past
// U+FFFF `\U000E0041` (`\uE0041` would read as U+E004 and a 1).
std::string code_escape(char32_t code_point);

// The text with control characters other than tab and newline, and bytes that are not UTF-8,
// written as `\x1B` (noncharacters, bidirectional controls and marks, and tag characters as
// `\uFFFE`, `\u202E`, `\u200F`, `\U000E0041`): safe to print on a terminal and to put in any
// report.
std::string escape_controls(std::string_view text);

// The text with the control characters, bidirectional controls and noncharacters that answers
// files refuse taken out (a terminal escape sequence whole, 7-bit or 8-bit, a carriage return
// that no line feed follows too), and bytes that are not UTF-8 replaced by U+FFFD: what a
// trainee typed (or pasted from a coloured terminal), made fit to record.
std::string without_controls(std::string_view text);

// The same for text that must stay on one line (a name, a file name in a table row or a
// heading): line breaks and tabs are written escaped too, so they cannot forge a row.
std::string escape_controls_in_line(std::string_view text);

// Whether the text holds a bidirectional embedding, override or isolate (U+202A–U+202E,
// U+2066–U+2069): it reorders what follows it on the screen, so a name or a reply could
// show something else than it says ("Trojan Source"). Refused like control characters.
bool has_bidi_controls(std::string_view text);

// The first of those has_control_characters or has_bidi_controls finds, and which character of
// the text it is, from 1: an invisible one cannot be found in a 10,000-character reply from
// where the reply starts. Nothing when there is none.
struct ControlFound {
  char32_t code_point = 0;
  std::size_t character = 0;
};
std::optional<ControlFound> first_control(std::string_view text);

// What a font may draw as nothing: Unicode's Default_Ignorable_Code_Point (zero-width spaces
// and joiners, variation selectors, tag characters, Hangul fillers, the soft hyphen, a BOM,
// bidirectional marks and controls) and every format character (general category Cf: the
// interlinear annotation marks U+FFF9–U+FFFB, the Egyptian hieroglyph format controls
// U+13430–U+1343F …). The one rule for invisible characters: names and ids that hold one are
// refused, and file names and quoted values show it as `\uFFF9`.
bool is_invisible(char32_t code_point);

// A character of the CJK Unified Ideographs block (U+4E00–U+9FFF): nearly every character of a
// Chinese reply, so the tests that run over every character ask this first.
constexpr bool is_common_ideograph(char32_t cp) {
  return cp >= 0x4E00 && cp <= 0x9FFF;
}

// Whether a common ideograph stands at byte `pos`, read from its three bytes (E4 B8 80 to E9 BF
// BF) without decoding it: loops that look for something else pass over most of a reply so.
inline bool common_ideograph_at(std::string_view text, std::size_t pos) {
  if (pos + 2 >= text.size()) return false;
  const auto lead = static_cast<unsigned char>(text[pos]);
  const auto second = static_cast<unsigned char>(text[pos + 1]);
  const auto third = static_cast<unsigned char>(text[pos + 2]);
  if (lead < 0xE4 || lead > 0xE9 || (second & 0xC0) != 0x80 || (third & 0xC0) != 0x80) return false;
  return lead != 0xE4 || second >= 0xB8;
}

// A line break: LF, CR, NEL, U+2028 or U+2029.
constexpr bool is_line_break(char32_t cp) {
  return cp == U'\n' || cp == U'\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// Punctuation (general categories P*) or a symbol (S*: emoji among them): what a trainee may
// type between words instead of a comma.
bool is_punctuation_or_symbol(char32_t code_point);

// Tab, vertical tab, form feed, a line break or a space separator (general category Zs: the
// no-break and ideographic spaces among them).
bool is_whitespace(char32_t code_point);

// Whether the text holds an invisible character: two names that look the same would be
// different trainees.
bool has_hidden_characters(std::string_view text);

// The text with bidirectional controls and invisible characters written as `\u202E`, for
// messages that quote what a file says.
std::string show_hidden(std::string_view text);

// How a name, a file name or an id from a submission, the file system or the command line is
// shown on a terminal and in every report, as error messages show a file's name: on one line,
// control characters as `\x0A`, invisible and bidirectional characters as `\u202E`. A name
// that hid or reordered characters could pass for another file or trainee.
std::string show_name(std::string_view text);

// The most characters of a value a message quotes: ids are at most 64 long, so a valid one is
// always quoted whole.
inline constexpr std::size_t kMaxQuotedCharacters = 64;

// A value echoed in a message (an unknown id, a bad option): show_name of its first
// kMaxQuotedCharacters characters, then "…" if it goes on. A 15 MB id in a file must not
// become 15 MB on stderr and in every report.
std::string quote(std::string_view text);

// One character as a message shows it alone between backticks: spaces, line breaks, controls and
// what draws as nothing or on its neighbour (invisible and private-use characters, unassigned
// code points, combining marks) by their code, since they would show as nothing or break the line.
std::string show_character(char32_t code_point);

// A text quoted as `quote` does, with what draws as nothing or on its neighbour written by its
// code too, as show_character writes it: for text whose every character matters, such as a
// regular expression.
std::string quote_visibly(std::string_view text);

}  // namespace coach::utf8
