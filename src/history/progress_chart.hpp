#pragma once
// A trainee's progress in the terminal: a row per stage (and one for the total) with a small
// bar per attempt, oldest to newest, the latest score and the change against the earlier
// average; then the latest attempts. Strings out, no I/O.
#include <string>
#include <vector>

#include "history/records.hpp"
#include "report/style.hpp"

namespace coach::history {

// `attempts` oldest first, all of `trainee`; `columns` is the width to fit (0: 80). Names and
// ids from the database are shown with control characters escaped.
std::string format_progress_chart(const std::string& trainee,
                                  const std::vector<AttemptSummary>& attempts, const Style& style,
                                  std::size_t columns);

// "张三", or "(未署名)" for attempts made without a name, escaped for a terminal.
std::string trainee_label(const std::string& trainee);

}  // namespace coach::history
