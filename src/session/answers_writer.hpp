#pragma once
// Writes an answers file in the contract's format (what `grade` reads).
#include <string>

#include "model/answers.hpp"

namespace coach {

std::string format_answers(const AnswersFile& answers);

}  // namespace coach
