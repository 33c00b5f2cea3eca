#pragma once
// The matching form of a text, shared by rule phrases and trainees' replies, with a map back
// to the original so a match can be shown where the trainee typed it.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace coach {

struct TextSpan {
  std::size_t begin = 0;  // byte offsets
  std::size_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

struct NormalizedText {
  std::string original;
  std::string text;                         // normalised UTF-8
  std::vector<std::uint32_t> origin_begin;  // per byte of `text`: where its source character starts
  std::vector<std::uint32_t> origin_end;    // … and ends, in `original`
  std::vector<std::uint8_t> quoted;         // per byte of `text`: inside quotation marks

  // The reply read through the pauses typed inside its sentences (您……弄错了, 您呀,肯定是
  // 弄混了): what a rule that forbids a phrase must see too (text/read_through). Null when the
  // reply has none; a phrase's normalised text never has one.
  std::shared_ptr<const NormalizedText> read_through;
  // Where in `original` that reading joins across a pause, in order.
  std::vector<std::uint32_t> read_through_joins;

  // Whether normalised byte `pos` stands inside quotation marks (“我试试”): words the trainee
  // mentions, not words the trainee says.
  bool is_quoted(std::size_t pos) const { return pos < quoted.size() && quoted[pos]; }

  // Whether the reply holds nothing a reply is read for: white space and invisible characters
  // alone (U+3000, U+200B, U+FEFF), which normalising leaves out. Such a reply says nothing: it
  // is no answer when graded, and practice asks for it again.
  bool says_nothing() const { return text.empty(); }

  // The part of the original that produced normalised bytes [span.begin, span.end).
  TextSpan to_original(TextSpan span) const;
  std::string_view original_text(TextSpan span) const;
  // The normalised bytes that came from the original bytes [span.begin, span.end).
  TextSpan from_original(TextSpan span) const;
  // Whether the original bytes [span.begin, span.end) hold one of read_through_joins.
  bool joins_pause(TextSpan span) const;
};

NormalizedText normalize(std::string_view original);

// Only the normalised text (for rule phrases).
std::string normalize_phrase(std::string_view phrase);

// NormalizedText::says_nothing of the text, for a reply not yet scored.
bool says_nothing(std::string_view text);

}  // namespace coach
