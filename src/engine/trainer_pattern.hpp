#pragma once
// A regular expression a trainer wrote (a rule's `regex`, a concept's `patterns`): compiled
// once, at load, and refused there when it cannot be used or could only do harm.
#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/marked_text.hpp"
#include "util/diagnostic.hpp"

namespace coach {

// The compiled pattern, or null with the reason reported at the pattern's place in `file`.
std::unique_ptr<RE2> compile_trainer_pattern(const MarkedText& pattern, const std::string& file,
                                             Diagnostics& diagnostics);

// Whether the pattern matches empty text somewhere (`a*`, `(您)?`, `^`, `\b`): such a match is
// found in every reply, so a rule would always be met and a concept always said.
bool can_match_empty(const RE2& regex);

// Whether the pattern says `\C`: one byte, which cuts a Chinese character in pieces.
bool matches_single_bytes(std::string_view pattern);

// The first character the pattern asks for literally (outside a class, an escape or `\Q…\E`)
// that a normalised reply never holds: 。, ，, full-width letters, spaces, quotation marks,
// traditional characters. Patterns run on normalised text, so such a branch can never match.
std::optional<char32_t> unmatchable_character(std::string_view pattern);

}  // namespace coach
