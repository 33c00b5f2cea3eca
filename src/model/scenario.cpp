#include "model/scenario.hpp"

namespace coach {

const Step* Scenario::find_step(const std::string& step_id) const {
  for (const auto& step : steps) {
    if (step.id == step_id) return &step;
  }
  return nullptr;
}

}  // namespace coach
