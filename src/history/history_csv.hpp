#pragma once
// The history as CSV (RFC 4180, CRLF, with a byte order mark like `grade --format csv`): one
// row per step of every attempt, for a trainer's spreadsheet.
#include <string>

#include "history/records.hpp"

namespace coach::history {

// The byte order mark and the header row.
std::string history_csv_head();

// One step of one attempt (whose steps are not read).
std::string history_csv_row(const AttemptRecord& attempt, const StepRecord& step);

}  // namespace coach::history
