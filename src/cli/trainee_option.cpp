#include "cli/trainee_option.hpp"

#include <stdexcept>

#include "load/trainee_name.hpp"
#include "util/i18n.hpp"

namespace coach::cli {

std::string checked_trainee(std::string name) {
  name = trim_trainee_name(name);
  // The message never quotes a name with control characters: it could rewrite the terminal.
  const std::string problem = trainee_name_problem(
      name,
      tr("学员姓名(--trainee 或 COACH_TRAINEE)", "the trainee name (--trainee or COACH_TRAINEE)"));
  if (!problem.empty()) throw std::runtime_error(problem);
  return name;
}

}  // namespace coach::cli
