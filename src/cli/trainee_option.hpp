#pragma once
// `--trainee NAME` (or COACH_TRAINEE) of `practice` and `history`, held to the rule an answers
// file's `trainee:` is held to: a session must never be recorded under a name `grade` refuses,
// nor under "张三 " while its grading counts it as 张三.
#include <string>

namespace coach::cli {

// The name trimmed as grading trims it; throws std::runtime_error (a usage error, exit 2)
// when grading would refuse it.
std::string checked_trainee(std::string name);

}  // namespace coach::cli
