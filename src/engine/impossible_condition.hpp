#pragma once
// Conditions (`when:`, `customer_if:`) that can never hold: a branch no trainee will ever see,
// almost always a typo, so `validate` and `check` refuse them.
#include <optional>
#include <string>

#include "model/scenario.hpp"

namespace coach {

// What the customer can be like where a condition is asked.
struct ConditionPlace {
  int limit = 100;  // the anger at which the customer walks out
  // The starting anger, set only where no reply can have been given yet (the first step):
  // nothing has been said and nothing has moved the mood.
  std::optional<int> opening_mood;
};

// Why the condition can never hold at that place (in the current language), or nothing.
std::optional<std::string> why_never_holds(const Condition& condition, const ConditionPlace& place);

}  // namespace coach
