#include "engine/weak_steps.hpp"

#include <fmt/format.h>

#include "engine/step_numbers.hpp"
#include "util/i18n.hpp"

namespace coach {

std::string weak_steps_note(const AttemptResult& attempt) {
  if (attempt.failed_steps <= attempt.max_failed_steps) return "";
  std::vector<std::size_t> below;
  for (std::size_t i = 0; i < attempt.steps.size(); ++i) {
    if (!attempt.steps[i].passed) below.push_back(i + 1);
  }
  const std::string steps = step_numbers_text(below);
  if (attempt.max_failed_steps == 0)
    return fmt::format(fmt::runtime(tr("这个场景要求每一步都达到及格线,{}没有达到。",
                                       "Every step of this scenario must reach the pass mark; "
                                       "{} did not.")),
                       steps);
  return fmt::format(fmt::runtime(tr("{} 步未达及格线({}),这个场景最多允许 {} 步。",
                                     "{} steps fell below the pass mark ({}), and this scenario "
                                     "allows at most {}.")),
                     attempt.failed_steps, steps, attempt.max_failed_steps);
}

std::optional<std::size_t> step_to_practise(const AttemptResult& attempt) {
  std::optional<std::size_t> weakest;
  for (std::size_t i = 0; i < attempt.steps.size(); ++i) {
    const StepResult& step = attempt.steps[i];
    if (!step.answered || step.passed) continue;
    if (!weakest || step.ratio() < attempt.steps[*weakest].ratio()) weakest = i;
  }
  return weakest;
}

}  // namespace coach
