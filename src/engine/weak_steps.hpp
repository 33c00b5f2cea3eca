#pragma once
// An attempt whose total reaches the pass mark still fails when more of its steps fall below
// the mark than the scenario allows (`max_failed_steps`): a good total can hide two weak steps.
// The verdict must then say so, or "81.0 (pass mark 70) failed" reads as a bug.
#include <string>
#include <vector>

#include "engine/result.hpp"

namespace coach {

// The steps below the mark and the allowance, in the current language; empty when the attempt
// is within it.
std::string weak_steps_note(const AttemptResult& attempt);

// What set steps to zero (a critical mistake, keyword stuffing, a repeated reply, the wrong
// name, another language), one line per kind of mistake with the steps it happened at and the
// trainee's words: "有关键错误" alone sent the trainee looking through every step for it.
std::vector<std::string> deciding_mistakes(const AttemptResult& attempt);

}  // namespace coach
