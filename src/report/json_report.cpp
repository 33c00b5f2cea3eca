#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "report/json_text.hpp"
#include "report/report.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

using nlohmann::ordered_json;

// Character (code point) offsets, which every JSON consumer can use on the reply string. The
// spans of a reply are counted on from the last one asked for: counting each from the start of
// a long reply was a tenth of the report.
class CharacterOffsets {
 public:
  explicit CharacterOffsets(std::string_view text) : text_(text) {}
  std::size_t at(std::size_t byte_offset) {
    byte_offset = std::min(byte_offset, text_.size());
    if (byte_offset < byte_) byte_ = characters_ = 0;
    characters_ += utf8::count_code_points(text_.substr(byte_, byte_offset - byte_));
    byte_ = byte_offset;
    return characters_;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t characters_ = 0;
};

void add_rule(JsonText& json, const StepResult& step, const RuleResult& rule,
              CharacterOffsets& offsets) {
  const std::string_view reply = step.reply;
  json.begin_object();
  json.member("kind", rule.kind);
  json.member("description", rule.description.str());
  json.member("ok", rule.ok);
  json.member("points", rule.points);
  json.member("max", rule.max);
  json.member("critical", rule.critical);
  json.member("feedback", rule.feedback.str());
  json.member("detail", rule.detail);
  json.key("matched");
  json.begin_array();
  for (const TextSpan span : rule.matched) {
    json.begin_object();
    json.member("text", reply.substr(span.begin, span.end - span.begin));
    json.member("start", offsets.at(span.begin));
    json.member("end", offsets.at(span.end));
    json.end_object();
  }
  json.end_array();
  json.key("missing");
  json.strings(rule.missing);
  json.member("failed", rule_failed(step, rule));
  json.end_object();
}

void add_step(JsonText& json, const StepResult& step) {
  json.begin_object();
  json.member("id", step.step_id);
  json.member("stage", stage_id(step.stage));
  json.member("answered", step.answered);
  json.member("reply", step.reply);
  json.member("principle", step.principle);
  json.member("score", step.score);
  json.member("max", step.max);
  json.member("weight", step.weight);
  json.member("passed", step.passed);
  json.member("critical_failed", step.critical_failed);
  json.member("stuffed", step.stuffed);
  json.key("rules");
  json.begin_array();
  CharacterOffsets offsets(step.reply);
  for (const auto& rule : step.rules) add_rule(json, step, rule, offsets);
  json.end_array();
  json.member("took_place", step.took_place);
  // Only what is known: an answers file without times, a step without a limit, a step that
  // never took place with no reply in the file.
  if (step.seconds) json.member("seconds", *step.seconds);
  if (step.time_limit > 0) json.member("time_limit", step.time_limit);
  if (!step.unscored_reply.empty()) json.member("unscored_reply", step.unscored_reply);
  json.end_object();
}

void add_exam_note(JsonText& json, const ExamAttemptNote& note) {
  json.begin_object();
  json.member("attempt", note.number);
  json.member("counted", note.counted);
  json.key("unmet");
  json.strings(note.unmet);
  json.end_object();
}

// The conversation as it went: each customer line as said, the anger after each reply, the
// steps not played and why.
void add_path(JsonText& json, const AttemptResult& attempt) {
  json.begin_object();
  json.key("turns");
  json.begin_array();
  for (const auto& turn : attempt.path) {
    json.begin_object();
    json.member("step", turn.step_id);
    json.member("customer", turn.customer_line);
    json.member("mood_before", turn.mood_before);
    json.member("mood_after", turn.mood_after);
    json.end_object();
  }
  json.end_array();
  json.key("skipped");
  json.begin_array();
  for (const auto& step : attempt.skipped) {
    json.begin_object();
    json.member("step", step.step_id);
    json.member("reason", step.reason);
    json.end_object();
  }
  json.end_array();
  json.member("final_mood", attempt.final_mood);
  json.member("walked_out", attempt.walked_out);
  json.end_object();
}

// One attempt's part of the results, nested `depth` levels deep.
void add_attempt(std::string& out, const AttemptResult& attempt, const AttemptNote& note,
                 int depth) {
  JsonText json(out, depth);
  json.begin_object();
  json.member("file", printable_line(attempt.file));
  json.member("trainee", printable_line(attempt.trainee));
  json.member("scenario", attempt.scenario_id);
  json.member("title", attempt.scenario_title);
  json.member("score", attempt.score);
  json.member("pass_mark", attempt.pass_mark);
  json.member("passed", attempt.passed);
  json.member("critical_failed", attempt.critical_failed);
  json.member("failed_steps", attempt.failed_steps);
  json.member("max_failed_steps", attempt.max_failed_steps);
  json.member("scenario_sha256", note.scenario_sha256);
  json.key("steps");
  json.begin_array();
  for (const auto& step : attempt.steps) add_step(json, step);
  json.end_array();
  json.key("path");
  add_path(json, attempt);
  if (note.exam) {
    json.key("exam");
    add_exam_note(json, *note.exam);
  }
  json.end_object();
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

class JsonWriter : public ReportWriter {
 public:
  std::string attempt(const AttemptResult& attempt, const AttemptNote& note) override {
    std::string out = note.index > 0 ? ",\n" : "";
    add_attempt(out, attempt, note, 2);
    return out;
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
