#include "engine/deciding_mistakes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/step_numbers.hpp"
#include "util/i18n.hpp"

namespace coach {

namespace {

struct Mistake {
  std::string description;
  std::vector<std::size_t> steps;  // 1-based
  std::string said;                // the first words that made it, as typed
};

std::string mistake_line(const Mistake& mistake) {
  const std::string where = step_numbers_text(mistake.steps);
  if (mistake.said.empty())
    return fmt::format(fmt::runtime(tr("{}:{}", "{}: {}")), where, mistake.description);
  return fmt::format(fmt::runtime(tr("{}:{}(“{}”)", "{}: {} (“{}”)")), where, mistake.description,
                     mistake.said);
}

}  // namespace

std::vector<std::string> deciding_mistakes(const AttemptResult& attempt) {
  std::vector<Mistake> mistakes;
  for (std::size_t i = 0; i < attempt.steps.size(); ++i) {
    const StepResult& step = attempt.steps[i];
    if (!step.answered) continue;
    for (const RuleResult& rule : step.rules) {
      if (!zeroes_step(rule)) continue;
      const std::string description = rule.description;
      auto found = std::find_if(mistakes.begin(), mistakes.end(),
                                [&](const Mistake& m) { return m.description == description; });
      if (found == mistakes.end()) {
        const std::string said =
            rule.matched.empty() ? std::string() : std::string(step.text_at(rule.matched.front()));
        found = mistakes.insert(mistakes.end(), {description, {}, said});
      }
      if (found->steps.empty() || found->steps.back() != i + 1) found->steps.push_back(i + 1);
    }
  }
  std::vector<std::string> lines;
  for (const Mistake& mistake : mistakes) lines.push_back(mistake_line(mistake));
  return lines;
}

}  // namespace coach
