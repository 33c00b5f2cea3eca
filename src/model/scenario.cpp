#include "model/scenario.hpp"

namespace coach {

const Step* Scenario::find_step(const std::string& step_id) const {
  for (const auto& step : steps) {
    if (step.id == step_id) return &step;
  }
  return nullptr;
}

const Rule* Step::find_rule(const std::string& rule_id) const {
  if (rule_id.empty()) return nullptr;
  for (const auto& rule : rules) {
    if (rule.id == rule_id) return &rule;
  }
  return nullptr;
}

}  // namespace coach
