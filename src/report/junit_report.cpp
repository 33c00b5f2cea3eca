#include <fmt/format.h>

#include <map>
#include <set>

#include "report/markup.hpp"
#include "report/report.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace {

// A step with no reply is said once to be unanswered (or never to have taken place, with the
// reply the file held for it, not scored); its rules asked for what is missing, and broke
// nothing, since nothing was said: none is "(critical)" there.
std::string no_reply_text(const StepResult& step) {
  if (step.took_place) return std::string(tr("没有回答。\n", "not answered.\n"));
  std::string text(tr("没有进行(客户已经离开)。\n", "never took place (the customer had left).\n"));
  if (!step.unscored_reply.empty())
    text += fmt::format(
        fmt::runtime(tr("文件中的回答(未计分):{}\n", "reply in the file (not scored): {}\n")),
        indented(printable(step.unscored_reply), "  "));
  return text;
}

std::string failure_text(const StepResult& step) {
  if (!step.answered) {
    std::string text = no_reply_text(step);
    for (const auto& rule : step.rules)
      if (rule_failed(step, rule)) text += fmt::format("– {}\n", rule.description);
    return text;
  }
  std::string text = fmt::format(fmt::runtime(tr("回答:{}\n", "reply: {}\n")),
                                 indented(printable(step.reply), "  "));
  for (const auto& rule : step.rules) {
    if (rule.ok) continue;
    text += fmt::format("✗ {}{}: {}\n", rule.description,
                        rule.critical ? tr("(关键)", " (critical)") : "", rule.feedback);
  }
  return text;
}

// Answers files without a trainee are each a submission known by their path, as in the exam
// suite: named alike ("anonymous"), a CI view merged their test cases into one. The path is
// marked as no trainee's name, as everywhere (outside pass 48, finding 10).
std::string who(const AttemptResult& attempt) {
  const SubmissionKey key = submission_key(attempt);
  return submitter_name(printable_line(key.name), key.anonymous);
}

std::string testcase(const AttemptResult& attempt, const StepResult& step) {
  const std::string classname = fmt::format("{}.{}", who(attempt), attempt.scenario_id);
  std::string out =
      fmt::format("    <testcase classname=\"{}\" name=\"{} ({})\">\n", xml_escape(classname),
                  xml_escape(step.step_id), stage_id(step.stage));
  if (!step.passed) {
    const std::string message = fmt::format("{}/{}", step.score, step.max);
    out +=
        fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", xml_escape(message),
                    step.critical_failed ? "critical" : "score", xml_escape(failure_text(step)));
  }
  out += "    </testcase>\n";
  return out;
}

std::string property(std::string_view name, std::string_view value) {
  return fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", name, xml_escape(value));
}

std::string properties(const AttemptResult& attempt, const AttemptNote& note) {
  std::string out = "    <properties>\n";
  out += property("score", fmt::format("{:.1f}", attempt.score));
  out += property("pass_mark", std::to_string(attempt.pass_mark));
  out += property("passed", attempt.passed ? "true" : "false");
  out += property("file", printable_line(attempt.file));
  out += property("version", COACH_VERSION);
  if (!note.scenario_sha256.empty()) out += property("scenario_sha256", note.scenario_sha256);
  if (note.exam) {
    out += property("exam_attempt", std::to_string(note.exam->number));
    out += property("exam_counted", note.exam->counted ? "true" : "false");
    for (const auto& unmet : note.exam->unmet) out += property("exam_unmet", unmet);
  }
  return out + "    </properties>\n";
}

// Files that could not be graded show in CI as errors, one test case per file.
std::string rejected_suite(const Diagnostics& rejected) {
  std::map<std::string, std::string> by_file;
  for (const auto& item : rejected.items())
    by_file[printable_line(item.file)] += item.to_string() + "\n";
  std::string out =
      fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"0\" errors=\"{}\">\n",
                  xml_escape(tr("无法批改的文件", "files that could not be graded")),
                  by_file.size(), by_file.size());
  for (const auto& [file, messages] : by_file) {
    out += fmt::format("    <testcase classname=\"input\" name=\"{}\">\n", xml_escape(file));
    out += fmt::format("      <error message=\"{}\" type=\"input\">{}</error>\n",
                       xml_escape(tr("输入有误", "bad input")), xml_escape(messages));
    out += "    </testcase>\n";
  }
  return out + "  </testsuite>\n";
}

// The exam's verdict per trainee, as test cases: a CI view then shows a trainee who failed the
// exam even when every step they answered passed (a scenario never attempted, a score between the
// scenario's pass mark and the exam's, a requirement of the exam).
std::string exam_suite(const ExamFacts& facts) {
  const Exam& exam = *facts.exam;
  const int failed = facts.failed();
  std::string out =
      fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                  xml_escape(fmt::format(fmt::runtime(tr("考试 {} · {}", "exam {} · {}")), exam.id,
                                         exam.title)),
                  facts.verdicts.size(), failed);
  for (const auto& verdict : facts.verdicts) {
    out +=
        fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n", xml_escape("exam." + exam.id),
                    xml_escape(submitter_name(printable_line(verdict.trainee), verdict.anonymous)));
    if (!verdict.passed) {
      std::string text;
      for (const auto& outcome : verdict.scenarios) {
        if (outcome.passed) continue;
        text += outcome.attempts == 0
                    ? fmt::format(fmt::runtime(tr("✗ {}:没有作答\n", "✗ {}: not attempted\n")),
                                  outcome.scenario_id)
                    : fmt::format(fmt::runtime(tr("✗ {}:最好成绩 {:.1f},未通过\n",
                                                  "✗ {}: best score {:.1f}, not passed\n")),
                                  outcome.scenario_id, outcome.best_score);
      }
      out += fmt::format("      <failure message=\"{}\" type=\"exam\">{}</failure>\n",
                         xml_escape(tr("未通过考试", "failed the exam")), xml_escape(text));
    }
    out += "    </testcase>\n";
  }
  return out + "  </testsuite>\n";
}

std::size_t exam_tests(const ReportFacts& facts) {
  return facts.exam ? facts.exam->verdicts.size() : 0;
}

std::size_t exam_failures(const ReportFacts& facts) {
  if (!facts.exam) return 0;
  return static_cast<std::size_t>(facts.exam->failed());
}

std::size_t rejected_files(const Diagnostics& rejected) {
  std::set<std::string> files;
  for (const auto& item : rejected.items()) files.insert(item.file);
  return files.size();
}

class JunitWriter : public ReportWriter {
 public:
  std::string attempt(const AttemptResult& attempt, const AttemptNote& note) override {
    int failures = 0;
    for (const auto& step : attempt.steps) failures += step.passed ? 0 : 1;
    tests_ += static_cast<int>(attempt.steps.size());
    failures_ += failures;
    const std::string name = fmt::format("{} · {}", who(attempt), attempt.scenario_id);
    std::string out =
        fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                    xml_escape(name), attempt.steps.size(), failures);
    out += properties(attempt, note);
    for (const auto& step : attempt.steps) out += testcase(attempt, step);
    return out + "  </testsuite>\n";
  }

  std::string head(const ReportFacts& facts) override {
    const std::size_t errors = rejected_files(facts.rejected);
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"coach\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
        static_cast<std::size_t>(tests_) + errors + exam_tests(facts),
        static_cast<std::size_t>(failures_) + exam_failures(facts), errors);
  }

  std::string tail(const ReportFacts& facts) override {
    std::string out;
    if (facts.exam) out += exam_suite(*facts.exam);
    if (!facts.rejected.empty()) out += rejected_suite(facts.rejected);
    return out + "</testsuites>\n";
  }

 private:
  int tests_ = 0;
  int failures_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> make_junit_writer() {
  return std::make_unique<JunitWriter>();
}

}  // namespace coach
