#pragma once
// What set an attempt's steps to zero whatever else they earned (engine/result.hpp,
// zeroes_step), said once per kind of mistake: "有关键错误" alone sent the trainee looking through
// every step for it.
#include <string>
#include <vector>

#include "engine/result.hpp"

namespace coach {

// One line per kind of mistake (a critical mistake, keyword stuffing, a repeated reply, the
// wrong name, another language) with the steps it happened at and the trainee's first words
// that made it, in the current language.
std::vector<std::string> deciding_mistakes(const AttemptResult& attempt);

}  // namespace coach
