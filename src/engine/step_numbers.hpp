#pragma once
// Steps named to the trainee by their place in the conversation (第 2、3 步), as the practice
// screen counts them: the ids a scenario keys them by (`apologize`) mean nothing to a new hire.
#include <cstddef>
#include <string>
#include <vector>

namespace coach {

// "第 2 步", "第 2、3 步" / "step 2", "steps 2, 3"; numbers are 1-based.
std::string step_numbers_text(const std::vector<std::size_t>& numbers);

}  // namespace coach
