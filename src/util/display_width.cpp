#include "util/display_width.hpp"

#include <utf8proc.h>

#include "util/utf8.hpp"

namespace coach {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::decode(text, pos);
    if (cp == utf8::kInvalid) continue;
    const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    width += w > 0 ? static_cast<std::size_t>(w) : 0;
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t columns) {
  std::string out(text);
  for (std::size_t w = display_width(text); w < columns; ++w) out += ' ';
  return out;
}

}  // namespace coach
