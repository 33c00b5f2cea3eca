#include "engine/step_numbers.hpp"

#include <fmt/format.h>

#include "util/i18n.hpp"

namespace coach {

std::string step_numbers_text(const std::vector<std::size_t>& numbers) {
  std::string listed;
  for (const std::size_t number : numbers) {
    if (!listed.empty()) listed += tr("、", ", ");
    listed += std::to_string(number);
  }
  return fmt::format(fmt::runtime(tr("第 {} 步", numbers.size() == 1 ? "step {}" : "steps {}")),
                     listed);
}

}  // namespace coach
