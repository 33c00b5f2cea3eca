#include "cli/practice_history.hpp"

#include <filesystem>

#include "cli/data_dir.hpp"
#include "history/transcript_import.hpp"

namespace coach::cli {
namespace fs = std::filesystem;

std::string sessions_dir() {
  const std::string dir = data_dir();
  if (dir.empty()) return {};
  return (fs::path(dir) / "sessions").string();
}

PracticeHistory read_practice_history(HistoryLink& link, const std::string& trainee,
                                      const ScenarioLibrary& library) {
  PracticeHistory found;
  if (link.use([&](history::HistoryStore& store) { found = store.practice_summary(trainee); }))
    return found;
  return read_practice_transcripts(sessions_dir(), library);
}

PracticeHistory read_practice_transcripts(const std::string& dir, const ScenarioLibrary& library) {
  PracticeHistory history;
  std::map<Stage, std::pair<double, int>> sums;
  history::for_each_transcript_attempt(
      dir, library,
      [&](const std::string&, std::size_t, const Attempt&, const AttemptResult& result) {
        history.practised.insert(result.scenario_id);
        if (result.passed) history.passed.insert(result.scenario_id);
        for (const auto& step : result.steps) {
          if (!step.answered) continue;
          sums[step.stage].first += step.ratio();
          sums[step.stage].second += 1;
        }
      });
  for (const auto& [stage, sum] : sums) history.stage_average[stage] = sum.first / sum.second;
  return history;
}

namespace {
bool has_stage(const Rubric& rubric, Stage stage) {
  for (const auto& step : rubric.scenario().steps) {
    if (step.stage == stage) return true;
  }
  return false;
}
}  // namespace

const Rubric* suggest_next(const PracticeHistory& history,
                           const std::vector<const Rubric*>& in_menu_order) {
  const auto weakest = history.weakest_stage();
  const Rubric* fallback = nullptr;
  for (bool untried_only : {true, false}) {
    for (const Rubric* rubric : in_menu_order) {
      const std::string& id = rubric->scenario().id;
      if (history.passed.count(id) || (untried_only && history.practised.count(id))) continue;
      if (!weakest || has_stage(*rubric, *weakest)) return rubric;
      if (!fallback) fallback = rubric;
    }
  }
  return fallback;
}

}  // namespace coach::cli
