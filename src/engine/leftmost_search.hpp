#pragma once
// The leftmost match of a pattern in part of a text, as RE2's unanchored search finds it, without
// the reversed program that search compiles on first use while the pattern is rarely matched.
//
// An unanchored search finds where its match ends going forward, then where it begins going
// backward, with a second program compiled for that: about 1.3 M instructions for a pattern, and
// several times that for a scenario's long restatement patterns. `coach check` plays each example
// once, so most rule patterns it wakes match a few times, and their reversed programs were 6 % of
// its instructions. A match found to exist can instead be found by anchored searches
// from each character on: the first that matches is the leftmost match, and anchored at its start
// RE2 prefers the same match as unanchored. Those tries cost about two hundred instructions each,
// so a pattern makes at most kMaxTries (about a fiftieth of the program they spare), then searches
// as RE2 does, which pays for a pattern `grade` meets often. Either way the match is the same.
#include <re2/re2.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "text/normalizer.hpp"

namespace coach {

// The leftmost match of `regex` in text[start, to) as RE2's own unanchored search finds it (with
// the reversed program); the rest of `text` is context.
std::optional<TextSpan> search_leftmost(const RE2& regex, std::string_view text, std::size_t start,
                                        std::size_t to);

class LeftmostSearch {
 public:
  // The leftmost match of `regex` in text[start, to); the rest of `text` is context (`^`, `$`,
  // `\b` see it). Safe from any thread.
  std::optional<TextSpan> find(const RE2& regex, std::string_view text, std::size_t start,
                               std::size_t to) const;

  // Anchored tries a pattern makes before it searches as RE2 does. More spare `check` little and
  // cost the patterns `grade` meets often: 256 took 0.2 % more off `check` and added 0.6 % to the
  // scoring core (128: 0.07 %).
  static constexpr std::uint32_t kMaxTries = 128;

 private:
  std::optional<TextSpan> first_anchored(const RE2& regex, std::string_view text, std::size_t start,
                                         std::size_t to) const;

  mutable std::atomic<std::uint32_t> tries_ = 0;
};

}  // namespace coach
