#pragma once
// Small UTF-8 helpers: decoding, validation with a line/column for the first bad byte.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "util/diagnostic.hpp"

namespace coach::utf8 {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at `pos`, advancing `pos`; returns kInvalid (and skips one byte) on a
// malformed sequence.
char32_t decode(std::string_view text, std::size_t& pos);

void append(std::string& out, char32_t code_point);

// Where the first malformed sequence is, if any.
std::optional<SourceMark> find_invalid(std::string_view text);

std::size_t count_code_points(std::string_view text);

// Whether the text holds control characters other than tab and newline (terminal escapes).
bool has_control_characters(std::string_view text);

// The text with control characters other than tab and newline, and bytes that are not UTF-8,
// written as `\x1B`: safe to print on a terminal.
std::string escape_controls(std::string_view text);

}  // namespace coach::utf8
