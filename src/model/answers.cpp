#include "model/answers.hpp"

namespace coach {

const MarkedText* Attempt::find(const std::string& step_id) const {
  for (const auto& [id, response] : responses) {
    if (id == step_id) return &response;
  }
  return nullptr;
}

std::optional<double> Attempt::seconds_for(const std::string& step_id) const {
  for (const auto& [id, seconds] : this->seconds) {
    if (id == step_id) return seconds;
  }
  return std::nullopt;
}

}  // namespace coach
