#pragma once
// What a trainee has practised before, for the menu: which scenarios were passed, and which
// stage is weakest. Read from the history database, or — with the history off — from the
// transcripts `practice` keeps in the data directory.
#include <string>
#include <vector>

#include "cli/history_link.hpp"
#include "history/history_store.hpp"
#include "load/scenario_library.hpp"

namespace coach::cli {

using PracticeHistory = history::PracticeSummary;

// Where transcripts are kept: $XDG_DATA_HOME/complaint-coach/sessions (or ~/.local/share/…);
// empty when neither variable is set.
std::string sessions_dir();

// The practice sessions of `trainee` in the history when it is on; otherwise every
// transcript in the sessions directory graded against `library`.
PracticeHistory read_practice_history(HistoryLink& link, const std::string& trainee,
                                      const ScenarioLibrary& library);

// Grades every transcript in `dir` against `library`; unreadable files are skipped.
PracticeHistory read_practice_transcripts(const std::string& dir, const ScenarioLibrary& library);

// The scenario to suggest: not yet passed, with a step of the weakest stage, untried first.
const Rubric* suggest_next(const PracticeHistory& history,
                           const std::vector<const Rubric*>& in_menu_order);

}  // namespace coach::cli
