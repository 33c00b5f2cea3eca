// A Markdown summary for a CI job page (GitHub's step summary, GitLab's job artifacts): the
// totals, the exam verdict per trainee, the rules most often failed and the inputs' digests.
#include <fmt/format.h>

#include "report/report.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace {

constexpr std::size_t kMostFailedRules = 10;

// Trainee names and file names are untrusted: Markdown punctuation is escaped with a
// backslash, HTML (which job summaries render) with entities, and a line break, which would end
// a table row, is shown as \x0A.
std::string md(std::string_view raw) {
  std::string out;
  for (char c : printable_line(raw)) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      if (std::string_view("\\`*_[]|~").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

std::string mark(bool passed) {
  return passed ? "✅" : "❌";
}

std::string input_errors(std::size_t errors) {
  return counted(static_cast<long long>(errors), "处输入错误", "input error", "input errors");
}

// With nothing graded at all (a broken exam or roster, or every file bad) the run certified
// nobody: that must not read like a quiet day.
std::string rejected_warning(std::size_t errors, bool nothing_graded) {
  if (nothing_graded)
    return fmt::format(fmt::runtime(tr("⚠️ {},本次什么都没有批改。\n\n",
                                       "⚠️ {}: nothing was graded.\n\n")),
                       input_errors(errors));
  return fmt::format(fmt::runtime(tr("⚠️ {},相关文件未批改。\n\n",
                                     "⚠️ {}: those files were not graded.\n\n")),
                     input_errors(errors));
}

std::string totals(const ReportFacts& facts) {
  const GradeSummary& summary = facts.cohort.summary();
  std::string out =
      fmt::format(fmt::runtime(tr("**{}:{} 份通过,{} 份未通过(通过率 {:.1f}%)**\n\n",
                                  "**{}: {} passed, {} failed (pass rate {:.1f} %)**\n\n")),
                  counted(summary.total, "份作答", "attempt", "attempts"), summary.passed,
                  summary.failed, facts.cohort.pass_rate());
  if (!facts.rejected.empty())
    out += rejected_warning(facts.rejected.problems(), summary.total == 0);
  return out;
}

std::string exam_table(const ExamFacts& facts) {
  const Exam& exam = *facts.exam;
  std::string out =
      fmt::format(fmt::runtime(tr("### 考试 `{}` · {}\n\n", "### Exam `{}` · {}\n\n")), exam.id,
                  md(exam.title));
  out += fmt::format(
      fmt::runtime(tr("**{},{} 人通过,{} 人未通过(通过率 {:.1f}%)**\n\n",
                      "**{}: {} passed, {} failed (pass rate {:.1f} %)**\n\n")),
      counted(static_cast<long long>(facts.verdicts.size()), "人", "trainee", "trainees"),
      facts.passed(), facts.failed(), facts.pass_rate());
  out += fmt::format("| {} | {} |", tr("学员", "Trainee"), tr("结果", "Result"));
  std::string rule = "| --- | --- |";
  for (const auto& id : exam.scenario_ids) {
    out += fmt::format(" {} |", md(id.text));
    rule += " ---: |";
  }
  out += "\n" + rule + "\n";
  for (const auto& verdict : facts.verdicts) {
    out += fmt::format("| {} | {} |", md(submitter_name(verdict.trainee, verdict.anonymous)),
                       mark(verdict.passed));
    for (const auto& outcome : verdict.scenarios) {
      out += outcome.attempts == 0
                 ? " — |"
                 : fmt::format(" {:.1f} {} |", outcome.best_score, mark(outcome.passed));
    }
    out += "\n";
  }
  return out + "\n";
}

std::string trainee_table(const Cohort& cohort) {
  std::string out =
      fmt::format("### {}\n\n| {} | {} | {} | {} |\n| --- | ---: | ---: | ---: |\n",
                  tr("学员", "Trainees"), tr("学员", "Trainee"), tr("作答", "Attempts"),
                  tr("通过", "Passed"), tr("平均分", "Mean score"));
  for (const auto& [who, line] : cohort.trainees()) {
    out += fmt::format("| {} | {} | {} | {:.1f} |\n", md(submitter_name(line.name, line.anonymous)),
                       line.attempts, line.passed, line.mean_score());
  }
  return out + "\n";
}

std::string failed_rules_table(const Cohort& cohort) {
  const auto rules = cohort.most_failed_rules(kMostFailedRules);
  if (rules.empty()) return "";
  std::string out =
      fmt::format("### {}\n\n| {} | {} | {} | {} |\n| --- | --- | --- | ---: |\n",
                  tr("最常未通过的规则", "Rules most often failed"), tr("场景", "Scenario"),
                  tr("步骤", "Step"), tr("规则", "Rule"), tr("次数", "Failures"));
  for (const auto& rule : rules) {
    out += fmt::format("| {} | {} | {} | {} |\n", md(rule.scenario_id), md(rule.step_id),
                       md(rule.description), rule.count);
  }
  return out + "\n";
}

std::string rejected_list(const Diagnostics& rejected) {
  if (rejected.empty()) return "";
  std::string out =
      fmt::format("### {}\n\n", tr("无法批改的文件", "Files that could not be graded"));
  for (const auto& item : rejected.items()) out += "- " + md(item.to_string()) + "\n";
  return out + "\n";
}

std::string inputs_list(const std::vector<InputFile>& inputs) {
  std::string out = fmt::format(
      "<details><summary>{} (SHA-256)</summary>\n\n| {} | {} | SHA-256 |\n| --- | --- | --- |\n",
      tr("批改所用的文件", "Files graded with"), tr("类型", "Kind"), tr("文件", "File"));
  for (const auto& input : inputs)
    out += fmt::format("| {} | {} | `{}` |\n", input.kind, md(input.name), input.sha256);
  return out + "\n</details>\n\n";
}

class MarkdownWriter : public ReportWriter {
 public:
  // Every part is a summary of the whole run, so it is all written at the end.
  std::string attempt(const AttemptResult&, const AttemptNote&) override { return ""; }

  std::string head(const ReportFacts& facts) override {
    std::string out =
        fmt::format("## {}\n\n", tr("投诉处理认证结果", "Complaint handling certification"));
    out += totals(facts);
    if (facts.exam) out += exam_table(*facts.exam);
    out += trainee_table(facts.cohort);
    out += failed_rules_table(facts.cohort);
    out += rejected_list(facts.rejected);
    out += inputs_list(facts.inputs);
    return out + fmt::format("coach {}\n", COACH_VERSION);
  }

  std::string tail(const ReportFacts&) override { return ""; }
};

}  // namespace

std::unique_ptr<ReportWriter> make_markdown_writer() {
  return std::make_unique<MarkdownWriter>();
}

}  // namespace coach
