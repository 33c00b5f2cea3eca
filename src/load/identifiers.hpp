#pragma once
// The spelling rules for ids that trainers choose.
#include <string_view>

namespace coach {

// Scenario and step ids: lowercase letters, digits, '-' and '_', starting with a letter.
bool is_valid_id(std::string_view id);

// Concept ids: lowercase letters, digits and '_', starting with a letter.
bool is_valid_concept_id(std::string_view id);

}  // namespace coach
