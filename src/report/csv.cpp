#include "report/csv.hpp"

#include <string_view>

#include "report/cohort.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// Spreadsheets skip leading blanks before a formula (" =1+1"), and some read the full-width
// signs a Chinese input method types (＝, ＋, －, ＠) as the ASCII ones.
bool starts_formula(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t next = pos;
    const char32_t c = utf8::decode(text, next);
    if (c == U' ' || c == U'\u3000' || c == U'\u00A0') {
      pos = next;
      continue;
    }
    return std::u32string_view(U"=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20").find(c) !=
           std::u32string_view::npos;
  }
  return false;
}

std::string defuse_formula(std::string_view text) {
  return starts_formula(text) ? "'" + std::string(text) : std::string(text);
}

}  // namespace

std::string csv_text_cell(std::string_view raw) {
  const std::string text = defuse_formula(printable(raw));
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i > 0 ? "," : "") + cells[i];
  return out + "\r\n";
}

std::string csv_header(const std::vector<std::string>& names) {
  return std::string(utf8::kByteOrderMark) + csv_row(names);
}

}  // namespace coach
