#include "cli/scenario_groups.hpp"

#include <algorithm>
#include <map>

#include "util/i18n.hpp"

namespace coach::cli {

std::string source_document(const Scenario& scenario) {
  const auto end = scenario.source.find_first_of(" \t(（");
  return scenario.source.substr(0, end);
}

namespace {

std::string heading_for(const Rubric& rubric, Grouping grouping) {
  const Scenario& s = rubric.scenario();
  if (grouping == Grouping::customer_type) {
    return s.customer.type.empty() ? std::string(tr("(未注明类型)", "(no type given)"))
                                   : s.customer.type;
  }
  const std::string document = source_document(s);
  return s.industry.empty() ? document : s.industry + " · " + document;
}

}  // namespace

std::vector<ScenarioGroup> group_scenarios(const std::vector<Rubric>& rubrics, Grouping grouping) {
  if (grouping == Grouping::none) {
    ScenarioGroup all;
    for (const auto& rubric : rubrics) all.members.push_back(&rubric);
    return {all};
  }
  std::map<std::string, ScenarioGroup> by_heading;  // sorted headings: stable output
  for (const auto& rubric : rubrics) {
    const std::string heading = heading_for(rubric, grouping);
    auto& group = by_heading[heading];
    group.heading = heading;
    group.members.push_back(&rubric);
  }
  std::vector<ScenarioGroup> groups;
  for (auto& [unused, group] : by_heading) groups.push_back(std::move(group));
  return groups;
}

}  // namespace coach::cli
