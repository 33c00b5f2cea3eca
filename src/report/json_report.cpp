#include <nlohmann/json.hpp>

#include <set>

#include "report/report.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

using nlohmann::ordered_json;

// Character (code point) offsets, which every JSON consumer can use on the reply string.
std::size_t character_offset(const std::string& text, std::size_t byte_offset) {
  return utf8::count_code_points(std::string_view(text).substr(0, byte_offset));
}

ordered_json rule_json(const StepResult& step, const RuleResult& rule) {
  const std::string& reply = step.reply;
  ordered_json matched = ordered_json::array();
  for (const TextSpan span : rule.matched) {
    matched.push_back({{"text", reply.substr(span.begin, span.end - span.begin)},
                       {"start", character_offset(reply, span.begin)},
                       {"end", character_offset(reply, span.end)}});
  }
  return {{"kind", rule.kind},
          {"description", rule.description},
          {"ok", rule.ok},
          {"points", rule.points},
          {"max", rule.max},
          {"critical", rule.critical},
          {"feedback", rule.feedback},
          {"detail", rule.detail},
          {"matched", matched},
          {"missing", rule.missing},
          {"failed", rule_failed(step, rule)}};
}

ordered_json step_json(const StepResult& step) {
  ordered_json rules = ordered_json::array();
  for (const auto& rule : step.rules) rules.push_back(rule_json(step, rule));
  ordered_json out = {{"id", step.step_id},
                      {"stage", std::string(stage_id(step.stage))},
                      {"answered", step.answered},
                      {"reply", step.reply},
                      {"principle", step.principle},
                      {"score", step.score},
                      {"max", step.max},
                      {"weight", step.weight},
                      {"passed", step.passed},
                      {"critical_failed", step.critical_failed},
                      {"stuffed", step.stuffed},
                      {"rules", rules},
                      {"took_place", step.took_place}};
  // Only what is known: an answers file without times, a step without a limit, a step that
  // never took place with no reply in the file.
  if (step.seconds) out["seconds"] = *step.seconds;
  if (step.time_limit > 0) out["time_limit"] = step.time_limit;
  if (!step.unscored_reply.empty()) out["unscored_reply"] = step.unscored_reply;
  return out;
}

ordered_json exam_note_json(const ExamAttemptNote& note) {
  return {{"attempt", note.number}, {"counted", note.counted}, {"unmet", note.unmet}};
}

// The conversation as it went: each customer line as said, the anger after each reply, the
// steps not played and why.
ordered_json path_json(const AttemptResult& attempt) {
  ordered_json turns = ordered_json::array();
  for (const auto& turn : attempt.path) {
    turns.push_back({{"step", turn.step_id},
                     {"customer", turn.customer_line},
                     {"mood_before", turn.mood_before},
                     {"mood_after", turn.mood_after}});
  }
  ordered_json skipped = ordered_json::array();
  for (const auto& step : attempt.skipped)
    skipped.push_back({{"step", step.step_id}, {"reason", step.reason}});
  return {{"turns", turns},
          {"skipped", skipped},
          {"final_mood", attempt.final_mood},
          {"walked_out", attempt.walked_out}};
}

ordered_json attempt_json(const AttemptResult& attempt, const AttemptNote& note) {
  ordered_json steps = ordered_json::array();
  for (const auto& step : attempt.steps) steps.push_back(step_json(step));
  ordered_json out = {{"file", printable_line(attempt.file)},
                      {"trainee", printable_line(attempt.trainee)},
                      {"scenario", attempt.scenario_id},
                      {"title", attempt.scenario_title},
                      {"score", attempt.score},
                      {"pass_mark", attempt.pass_mark},
                      {"passed", attempt.passed},
                      {"critical_failed", attempt.critical_failed},
                      {"failed_steps", attempt.failed_steps},
                      {"max_failed_steps", attempt.max_failed_steps},
                      {"scenario_sha256", note.scenario_sha256},
                      {"steps", steps},
                      {"path", path_json(attempt)}};
  if (note.exam) out["exam"] = exam_note_json(*note.exam);
  return out;
}

ordered_json inputs_json(const std::vector<InputFile>& inputs) {
  ordered_json out = ordered_json::array();
  for (const auto& input : inputs)
    out.push_back(
        {{"kind", input.kind}, {"file", printable_line(input.name)}, {"sha256", input.sha256}});
  return out;
}

ordered_json rejected_json(const Diagnostics& rejected) {
  ordered_json out = ordered_json::array();
  for (const auto& item : rejected.items()) {
    out.push_back({{"file", printable_line(item.file)},
                   {"line", item.mark.line},
                   {"column", item.mark.column},
                   {"message", printable(item.message)}});
  }
  return out;
}

ordered_json scenario_outcome_json(const ScenarioOutcome& outcome) {
  return {{"scenario", outcome.scenario_id},
          {"attempts", outcome.attempts},
          {"best_score", outcome.best_score},
          {"passed", outcome.passed}};
}

ordered_json exam_json(const ExamFacts& facts) {
  const Exam& exam = *facts.exam;
  ordered_json scenarios = ordered_json::array();
  for (const auto& id : exam.scenario_ids) scenarios.push_back(id.text);
  ordered_json stages = ordered_json::array();
  for (Stage stage : exam.must_pass_stages) stages.push_back(std::string(stage_id(stage)));
  ordered_json concepts = ordered_json::array();
  for (const auto& id : exam.must_pass_concepts) concepts.push_back(id.text);
  ordered_json trainees = ordered_json::array();
  for (const auto& verdict : facts.verdicts) {
    ordered_json outcomes = ordered_json::array();
    for (const auto& outcome : verdict.scenarios)
      outcomes.push_back(scenario_outcome_json(outcome));
    ordered_json trainee = {{"trainee", printable_line(verdict.trainee)}};
    if (verdict.anonymous) trainee["anonymous"] = true;
    trainee["passed"] = verdict.passed;
    trainee["scenarios"] = outcomes;
    trainees.push_back(std::move(trainee));
  }
  const int total = static_cast<int>(facts.verdicts.size());
  return {{"id", exam.id},
          {"title", exam.title},
          {"sha256", facts.sha256},
          {"scenarios", scenarios},
          {"pass_mark", exam.pass_mark ? ordered_json(*exam.pass_mark) : ordered_json(nullptr)},
          {"attempts", exam.attempts},
          {"must_pass", {{"stages", stages}, {"concepts", concepts}}},
          {"trainees", trainees},
          {"summary",
           {{"total", total}, {"passed", facts.passed()}, {"failed", total - facts.passed()}}}};
}

// Bytes that are not UTF-8 cannot reach a report (inputs are checked), but a report must never
// fail to be written because of one.
std::string dump(const ordered_json& value) {
  return value.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

// Pretty-printed JSON nested `depth` levels deep, as dump(2) would have indented it there.
// Strings never hold a raw newline in JSON, so indenting after every newline is safe.
std::string indented(const ordered_json& value, int depth) {
  const std::string pad(2 * depth, ' ');
  std::string out = pad;
  for (char c : dump(value)) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

class JsonWriter : public ReportWriter {
 public:
  std::string attempt(const AttemptResult& attempt, const AttemptNote& note) override {
    return (note.index > 0 ? ",\n" : "") + indented(attempt_json(attempt, note), 2);
  }

  std::string head(const ReportFacts& facts) override {
    ordered_json top = {{"tool", "coach"}, {"version", COACH_VERSION}};
    top["inputs"] = inputs_json(facts.inputs);
    std::string out = dump(top);
    out.pop_back();  // the closing brace: the results follow
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out + ",\n  \"results\": [" + (facts.cohort.summary().total > 0 ? "\n" : "");
  }

  std::string tail(const ReportFacts& facts) override {
    const GradeSummary& summary = facts.cohort.summary();
    ordered_json rest;
    rest["summary"] = {{"total", summary.total},
                       {"passed", summary.passed},
                       {"failed", summary.failed},
                       {"rejected_files", rejected_files(facts.rejected)}};
    rest["rejected"] = rejected_json(facts.rejected);
    if (facts.exam) rest["exam"] = exam_json(*facts.exam);
    std::string body = dump(rest);  // "{\n  \"summary\": …\n}"
    return std::string(summary.total > 0 ? "\n  ]" : "]") + ",\n" + body.substr(2) + "\n";
  }

 private:
  static int rejected_files(const Diagnostics& rejected) {
    std::set<std::string> files;
    for (const auto& item : rejected.items()) files.insert(item.file);
    return static_cast<int>(files.size());
  }
};

}  // namespace

std::unique_ptr<ReportWriter> make_json_writer() {
  return std::make_unique<JsonWriter>();
}

}  // namespace coach
