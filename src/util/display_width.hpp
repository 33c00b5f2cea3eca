#pragma once
// Terminal column widths: CJK characters take two columns.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace coach {

std::size_t display_width(std::string_view text);

// Pads with spaces on the right to `columns` display columns.
std::string pad_right(std::string_view text, std::size_t columns);

}  // namespace coach

namespace coach {

// Wraps each line of `text` to `columns` display columns (0: no wrapping). Continuation lines
// keep the line's own leading indentation plus `extra_indent` spaces. Colour escape sequences
// take no columns. CJK text may break between any two characters, Latin text at spaces.
std::string wrap_text(std::string_view text, std::size_t columns, std::size_t extra_indent = 2);

}  // namespace coach
