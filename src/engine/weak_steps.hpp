#pragma once
// An attempt whose total reaches the pass mark still fails when more of its steps fall below
// the mark than the scenario allows (`max_failed_steps`): a good total can hide two weak steps.
// The verdict must then say so, or "81.0 (pass mark 70) failed" reads as a bug.
#include <cstddef>
#include <optional>
#include <string>

#include "engine/result.hpp"

namespace coach {

// The steps below the mark and the allowance, in the current language; empty when the attempt
// is within it.
std::string weak_steps_note(const AttemptResult& attempt);

// The step to practise next: the answered step below the pass mark with the lowest score (the
// first of equals), as an index into `attempt.steps`; none when every answered step passed.
std::optional<std::size_t> step_to_practise(const AttemptResult& attempt);

}  // namespace coach
