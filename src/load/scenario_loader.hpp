#pragma once
// Reads a scenario YAML file into the Scenario model, checking its shape. Whether its concepts
// exist and its patterns compile is checked when the rubric is compiled (engine/rubric.hpp).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/scenario.hpp"
#include "util/diagnostic.hpp"

namespace coach {

// The most steps a scenario may have. The bundled ones have at most 6. Each reply of a practice
// session rewrites the recording of all the steps before it, and a recording of many steps of
// long replies passed the 16 MiB `coach grade` reads.
constexpr std::size_t kMaxSteps = 100;

// The longest line a customer may say at a step. The bundled ones are under 200 characters.
constexpr std::size_t kMaxCustomerLineCharacters = 2000;

// Parts shared with the customer-type presets.
class YamlNode;
class YamlReader;
std::optional<Condition> read_condition(YamlReader& reader, const YamlNode& node,
                                        std::string_view what);
struct Reactions {
  std::map<std::string, int> changes;  // concept → change of mood
  std::vector<MarkedText> concepts;    // where each concept is named
};
Reactions read_reactions(YamlReader& reader, const YamlNode& node);

// Why a customer who starts at `start` with the walk-out limit `limit` cannot be played: one
// who starts at the limit has already walked out, and every attempt fails whatever is said.
// Empty when start is below the limit.
std::string start_at_limit_problem(int start, int limit);

// A scenario as read, errors or not: a file with errors still has its rules checked against
// the lexicon and its patterns compiled (Rubric::check_rules), so that every error of the file
// is reported in one round: a pattern's error came only once the others were mended.
struct ScenarioRead {
  Scenario scenario;
  bool complete = true;  // no error in the file
};
// Empty when the file is not even a mapping (or cannot be read).
std::optional<ScenarioRead> read_scenario_file(const std::string& path, Diagnostics& diagnostics);
std::optional<ScenarioRead> read_scenario(const std::string& content, const std::string& file,
                                          Diagnostics& diagnostics);

// The scenario when its file has no error.
std::optional<Scenario> load_scenario_file(const std::string& path, Diagnostics& diagnostics);
std::optional<Scenario> parse_scenario(const std::string& content, const std::string& file,
                                       Diagnostics& diagnostics);

}  // namespace coach
