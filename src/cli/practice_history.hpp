#pragma once
// What a trainee has practised before, read from the transcripts `practice` keeps in the data
// directory: which scenarios were passed, and which stage is weakest, for the menu.
#include <map>
#include <optional>
#include <set>
#include <string>

#include "load/scenario_library.hpp"
#include "model/stage.hpp"

namespace coach::cli {

// Where transcripts are kept: $XDG_DATA_HOME/complaint-coach/sessions (or ~/.local/share/…);
// empty when neither variable is set.
std::string sessions_dir();

struct PracticeHistory {
  std::set<std::string> passed;           // scenario ids passed at least once
  std::set<std::string> practised;        // scenario ids tried at least once
  std::map<Stage, double> stage_average;  // mean step score per stage, 0–1
  std::optional<Stage> weakest_stage() const;
};

// Grades every transcript in `dir` against `library`; unreadable files are skipped.
PracticeHistory read_practice_history(const std::string& dir, const ScenarioLibrary& library);

// The scenario to suggest: not yet passed, with a step of the weakest stage, untried first.
const Rubric* suggest_next(const PracticeHistory& history,
                           const std::vector<const Rubric*>& in_menu_order);

}  // namespace coach::cli
