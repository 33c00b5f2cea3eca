#pragma once
// Groups scenarios for `list` and the practice menu, so a new hire finds the one to practise:
// by source document (with its industry) or by customer type.
#include <string>
#include <vector>

#include "engine/rubric.hpp"

namespace coach::cli {

enum class Grouping { document, customer_type, none };

struct ScenarioGroup {
  std::string heading;
  std::vector<const Rubric*> members;
};

std::vector<ScenarioGroup> group_scenarios(const std::vector<Rubric>& rubrics, Grouping grouping);

// The document file a scenario's `source:` names first ("000_….txt 练习1" → "000_….txt").
std::string source_document(const Scenario& scenario);

}  // namespace coach::cli
