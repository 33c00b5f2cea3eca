#include "report/csv.hpp"

#include "report/cohort.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

std::string defuse_formula(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    return "'" + std::string(text);
  return std::string(text);
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
