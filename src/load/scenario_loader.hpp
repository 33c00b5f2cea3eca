#pragma once
// Reads a scenario YAML file into the Scenario model, checking its shape. Whether its concepts
// exist and its patterns compile is checked when the rubric is compiled (engine/rubric.hpp).
#include <optional>
#include <string>

#include "model/scenario.hpp"
#include "util/diagnostic.hpp"

namespace coach {

std::optional<Scenario> load_scenario_file(const std::string& path, Diagnostics& diagnostics);

std::optional<Scenario> parse_scenario(const std::string& content, const std::string& file,
                                       Diagnostics& diagnostics);

}  // namespace coach
