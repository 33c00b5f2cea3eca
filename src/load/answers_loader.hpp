#pragma once
// Reads a trainee's answers file (one attempt, or `attempts:` with several).
#include <optional>
#include <string>

#include "model/answers.hpp"
#include "util/diagnostic.hpp"

namespace coach {

std::optional<AnswersFile> load_answers_file(const std::string& path, Diagnostics& diagnostics);

std::optional<AnswersFile> parse_answers(const std::string& content, const std::string& file,
                                         Diagnostics& diagnostics);

}  // namespace coach
