#pragma once
// The cohort's roster: who must be certified. With one, a trainee who handed nothing in fails
// the exam instead of missing from the reports, and a submission under a name not on it (a
// typo, a stranger) is bad input.
#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.hpp"

namespace coach {

// A text file, one trainee per line, names as in answers files' `trainee:` (trimmed, composed);
// blank lines and lines starting with # are skipped. Problems are reported as file:line:column.
std::optional<std::vector<std::string>> load_roster(const std::string& path,
                                                    Diagnostics& diagnostics);

std::optional<std::vector<std::string>> parse_roster(const std::string& content,
                                                     const std::string& file,
                                                     Diagnostics& diagnostics);

}  // namespace coach
