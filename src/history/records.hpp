#pragma once
// What the history keeps of one practice session or one graded attempt: plain data, written by
// the store and read back for the chart and the CSV export.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/result.hpp"
#include "model/answers.hpp"
#include "model/stage.hpp"

namespace coach::history {

enum class AttemptKind { practice, grade };

std::string_view kind_id(AttemptKind kind);  // "practice" or "grade", as stored
std::optional<AttemptKind> parse_kind(std::string_view id);

struct StepRecord {
  std::string step_id;
  Stage stage = Stage::vent;
  bool answered = false;
  int score = 0;  // points earned
  int max = 0;
  bool passed = false;
  bool critical_failed = false;
  std::string reply;
  std::optional<double> seconds;  // how long the reply took, when practice measured it

  // 0–1, as StepResult::ratio().
  double ratio() const;
};

struct AttemptRecord {
  std::int64_t id = 0;  // set when read back
  AttemptKind kind = AttemptKind::practice;
  std::string trainee;  // empty: practised or submitted without a name
  std::string scenario_id;
  std::string scenario_sha256;  // empty when unknown
  std::string exam_id;          // the exam a grading certified against, if any
  std::string started_at;       // ISO 8601 in UTC (see timestamps.hpp)
  std::string finished_at;      // empty while a practice session runs (or when it was killed)
  std::string source_file;      // the answers file graded, or the practice recording
  double score = 0;             // 0–100
  bool passed = false;
  bool walked_out = false;
  std::vector<StepRecord> steps;
  // A graded attempt's identity (see GradeLog): the history keeps one attempt per identity, so
  // the same submission graded again is not counted twice. Empty: none, always added.
  std::string identity;
};

// The record of a scored attempt; `answers` supplies the seconds practice measured.
AttemptRecord make_attempt_record(AttemptKind kind, const AttemptResult& result,
                                  const Attempt& answers);

// One attempt as the progress chart sees it: its total and the mean score (0–1) of the steps
// answered in each stage (its `steps` are left empty).
struct AttemptSummary : AttemptRecord {
  std::map<Stage, double> stage_scores;
};

// Which attempts a query reads; an unset field does not filter.
struct HistoryFilter {
  std::optional<std::string> trainee;
  std::optional<std::string> scenario_id;
  std::optional<std::string> since;  // ISO 8601 UTC: attempts started at or after
};

}  // namespace coach::history
