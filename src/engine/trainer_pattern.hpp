#pragma once
// A regular expression a trainer wrote (a rule's `regex`, a concept's `patterns`): checked at
// load and refused there when it cannot be used or could only do harm; compiled the first time
// a reply needs it.
#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/context_groups.hpp"
#include "engine/leftmost_search.hpp"
#include "engine/pattern_shape.hpp"
#include "engine/pattern_syntax.hpp"
#include "model/marked_text.hpp"
#include "text/normalizer.hpp"
#include "util/diagnostic.hpp"
#include "util/run_once.hpp"

namespace coach {

// Compiling the whole bundled lexicon cost every command 30 ms at start, three fifths of
// `coach list`, which matches nothing. A reply wakes only the patterns whose words it holds
// (engine/lexicon_scanner), so a run compiles those it meets.
class TrainerPattern {
 public:
  explicit TrainerPattern(std::string text);
  TrainerPattern(const TrainerPattern&) = delete;
  TrainerPattern& operator=(const TrainerPattern&) = delete;

  const std::string& text() const { return text_; }
  // The words its matches hold, read from its text (engine/pattern_shape) on the first call
  // (from any thread): the scanner needs them, a command that scans nothing does not.
  const PatternWords& words() const;
  // Compiled on the first call (from any thread). A pattern the load accepted compiles.
  const RE2& regex() const;
  // The leftmost match in text[start, to), the rest of `text` its context, as RE2's unanchored
  // search finds it (engine/leftmost_search).
  std::optional<TextSpan> leftmost_match(std::string_view text, std::size_t start,
                                         std::size_t to) const {
    return search_.find(regex(), text, start, to);
  }

  // The part of a match of this pattern in `text` that holds the trainee's words: without what
  // a context group before or after them matched (engine/context_groups), nor the marks that
  // close a clause at its end.
  TextSpan words_of(std::string_view text, TextSpan match) const;

 private:
  // The context groups' extents in a match, matched again with captures.
  std::optional<TextSpan> context_extents(std::string_view text, TextSpan match) const;

  std::string text_;
  std::uint64_t id_;  // never reused, unlike an address: names the pattern in a thread's memo
  mutable Once words_read_;
  mutable PatternWords words_;
  ContextGroups context_;
  mutable Once compiled_;
  mutable std::unique_ptr<RE2> regex_;
  LeftmostSearch search_;
};

// The pattern, or null with the reason reported at the pattern's place in `file`. Its syntax is
// checked by RE2's parser alone; a pattern that might pass kMaxPatternInstructions
// (engine/program_size), or that requires no word and so might match empty text, is compiled.
// One that can never match a normalised reply is refused too: a piece no reply holds
// (engine/unmatchable_pieces), an escape RE2 reads as ASCII only (engine/ascii_only_escapes),
// an assertion that cannot hold (engine/pattern_assertions), a slip replies have mended
// (engine/pattern_slips).
std::unique_ptr<TrainerPattern> load_trainer_pattern(const MarkedText& pattern,
                                                     const std::string& file,
                                                     Diagnostics& diagnostics);

// The most instructions a pattern's program may have. The largest bundled one has 4,080;
// `[^,.!?;]{0,100}` has about 1,300, `\pL{0,16}` 19,000.
constexpr std::size_t kMaxPatternInstructions = 20'000;

// The most characters of a class (`.`, `[^,]`, `\pL`) a pattern may spell out, counted by
// class_positions_bound (engine/program_size). The bundled patterns hold at most 60. On a reply
// of 9,000 characters, `.{600}` is graded in 3 ms and `.{1000}` in 35 ms (outside pass 27 saw
// 200 times an ordinary pattern's time).
constexpr std::size_t kMaxClassPositions = 200;

// The flags that make the pattern case-sensitive, `(?-i)` or `(?s-i:` as written: replies are
// case-folded before matching, so a capital letter could then never be met.
std::optional<std::string_view> case_sensitive_flags(std::string_view pattern,
                                                     const std::vector<Token>& tokens);

// Whether the pattern matches empty text somewhere (`a*`, `(您)?`, `^`, `\b`): such a match is
// found in every reply, so a rule would always be met and a concept always said.
bool can_match_empty(const RE2& regex);

// Whether the pattern says `\C`: one byte, which cuts a Chinese character in pieces.
bool matches_single_bytes(std::string_view pattern);

}  // namespace coach
