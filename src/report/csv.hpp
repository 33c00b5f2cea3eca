#pragma once
// CSV cells and rows (RFC 4180), for every CSV the program writes. Cells come from untrusted
// submissions, so they are made safe for a spreadsheet as well as quoted.
#include <string>
#include <string_view>
#include <vector>

namespace coach {

// A text cell: control characters escaped, a leading =, +, -, @, tab or CR defused with an
// apostrophe (a spreadsheet would run it as a formula), quoted when it holds a comma, quote or
// line break.
std::string csv_text_cell(std::string_view raw);

// The cells joined by commas, ended by CRLF.
std::string csv_row(const std::vector<std::string>& cells);

// The first row of a CSV file, after a byte-order mark so that spreadsheet programs read the
// Chinese text as UTF-8.
std::string csv_header(const std::vector<std::string>& names);

}  // namespace coach
