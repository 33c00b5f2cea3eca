#pragma once
// Terminal column widths: CJK characters take two columns.
#include <cstddef>
#include <string>
#include <string_view>

namespace coach {

std::size_t display_width(std::string_view text);

// Pads with spaces on the right to `columns` display columns.
std::string pad_right(std::string_view text, std::size_t columns);

}  // namespace coach
