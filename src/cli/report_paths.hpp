#pragma once
// Where grade may write its reports: never over a file it reads (a trainee's submission, the
// exam, a scenario), and never two reports to one file, where the second would silently
// replace the first.
#include <optional>
#include <string>
#include <vector>

namespace coach::cli {

// What is wrong with writing reports to `report_paths` (empty or "-": stdout) while reading
// `inputs`, in the current language; nothing when all is well. Devices such as /dev/null may
// take any number of reports.
std::optional<std::string> report_paths_problem(const std::vector<std::string>& report_paths,
                                                const std::vector<std::string>& inputs);

}  // namespace coach::cli
