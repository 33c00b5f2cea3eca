#pragma once
// The spelling rules for ids that trainers choose.
#include <cstddef>
#include <string>
#include <string_view>

namespace coach {

constexpr std::size_t kMaxIdLength = 64;

// Scenario, step and exam ids: lowercase letters, digits, '-' and '_', starting with a letter,
// at most 64 characters; concept ids the same without '-'.
// Which rule `id` breaks, as a message about `what` ("scenario id"): the one it breaks, not all
// three, so `2024-spring` is told to start with a letter. Empty when it breaks none.
std::string id_problem(std::string_view id, std::string_view what);
std::string concept_id_problem(std::string_view id, std::string_view what);

}  // namespace coach
