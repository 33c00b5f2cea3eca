// A self-contained HTML report for trainers: cohort pass rate, score distribution, the rules
// most often failed, a line per trainee and every attempt to drill into. Inline CSS and JS only
// and a Content-Security-Policy that forbids loading anything: it opens offline, and nothing
// in a submission can make it fetch or run anything (all text is escaped).
#include <fmt/format.h>

#include <algorithm>

#include "report/markup.hpp"
#include "report/report.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace {

constexpr std::size_t kMostFailedRules = 15;

// Control characters are shown escaped (printable) before the markup is escaped.
std::string html(std::string_view raw) {
  return xml_escape(printable(raw));
}

// Names and file names as every other report shows them (printable_line).
std::string html_name(std::string_view raw) {
  return xml_escape(printable_line(raw));
}

std::string verdict(bool passed) {
  return passed ? fmt::format("<span class=\"ok\">✓ {}</span>", tr("通过", "passed"))
                : fmt::format("<span class=\"bad\">✗ {}</span>", tr("未通过", "failed"));
}

constexpr const char* kStyle = R"(<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num{text-align:right}.ok{color:#17702b}.bad{color:#b3261e}.dim{color:#666}
.big{font-size:2.4rem;font-weight:bold}.histogram{display:flex;align-items:flex-end;gap:4px;height:10rem}
.histogram div{flex:1;display:flex;flex-direction:column;justify-content:flex-end;text-align:center;font-size:.8rem;height:100%}
.histogram span.bar{background:#4a7bd0;display:block;min-height:1px}
details.attempt{border:1px solid #ddd;border-radius:4px;margin:.4rem 0;padding:.3rem .6rem}
details.attempt[hidden]{display:none}summary{cursor:pointer}button.trainee{all:unset;cursor:pointer;color:#1a56b0;text-decoration:underline}
code{font-size:.85em}
</style>
)";

constexpr const char* kScript = R"(<script>
(function () {
  var filter = document.getElementById('filter');
  var attempts = Array.prototype.slice.call(document.querySelectorAll('details.attempt'));
  var shown = document.getElementById('shown');
  var exact = false;
  function apply() {
    var wanted = exact ? filter.value : filter.value.trim();
    var count = 0;
    attempts.forEach(function (a) {
      var name = a.getAttribute('data-trainee');
      var match = wanted === '' || (exact ? name === wanted : name.indexOf(wanted) >= 0);
      a.hidden = !match;
      if (match) count++;
    });
    shown.textContent = String(count);
  }
  filter.addEventListener('input', function () {
    exact = false;
    apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.trainee'), function (b) {
    b.addEventListener('click', function () {
      filter.value = b.getAttribute('data-trainee');
      exact = true;
      apply();
      document.getElementById('attempts').scrollIntoView();
    });
  });
  apply();
  document.body.setAttribute('data-ready', 'true');
})();
</script>
)";

std::string summary_section(const ReportFacts& facts) {
  const GradeSummary& summary = facts.cohort.summary();
  std::string out = fmt::format("<section id=\"summary\"><h2>{}</h2>\n", tr("总体", "Cohort"));
  out += fmt::format("<p><span class=\"big\" id=\"pass-rate\">{:.1f}%</span> {}</p>\n",
                     facts.cohort.pass_rate(), tr("的作答通过", "of attempts passed"));
  out += fmt::format(fmt::runtime(tr("<p>{},{} 份通过,{} 份未通过;{}。</p>\n",
                                     "<p>{}: {} passed, {} failed; {}.</p>\n")),
                     counted(summary.total, "份作答", "attempt", "attempts"), summary.passed,
                     summary.failed,
                     counted(static_cast<long long>(facts.cohort.trainees().size()), "名学员",
                             "trainee", "trainees"));
  return out + "</section>\n";
}

std::string histogram_section(const Cohort& cohort) {
  const auto& bins = cohort.histogram();
  const int highest = std::max(1, *std::max_element(bins.begin(), bins.end()));
  std::string out =
      fmt::format("<section id=\"distribution\"><h2>{}</h2>\n<div class=\"histogram\">\n",
                  tr("分数分布", "Score distribution"));
  for (int bin = 0; bin < Cohort::kBins; ++bin) {
    out += fmt::format(
        "<div title=\"{0}–{1}\"><span>{2}</span><span class=\"bar\" style=\"height:{3}%\"></span>"
        "<span class=\"dim\">{0}</span></div>\n",
        bin * 10, bin == Cohort::kBins - 1 ? 100 : bin * 10 + 9, bins[bin],
        100 * bins[bin] / highest);
  }
  return out + "</div>\n</section>\n";
}

std::string exam_section(const ExamFacts& facts) {
  const Exam& exam = *facts.exam;
  std::string out = fmt::format("<section id=\"exam\"><h2>{} {} · {}</h2>\n", tr("考试", "Exam"),
                                html(exam.id), html(exam.title));
  out += fmt::format(
      fmt::runtime(tr("<p><span class=\"big\" id=\"exam-pass-rate\">{:.1f}%</span> "
                      "的学员通过考试</p>\n<p>{},{} 人通过。</p>\n",
                      "<p><span class=\"big\" id=\"exam-pass-rate\">{:.1f}%</span> "
                      "of the trainees passed the exam</p>\n"
                      "<p>{}, {} passed.</p>\n")),
      facts.pass_rate(),
      counted(static_cast<long long>(facts.verdicts.size()), "人", "trainee", "trainees"),
      facts.passed());
  out +=
      fmt::format("<table><tr><th>{}</th><th>{}</th>", tr("学员", "Trainee"), tr("结果", "Result"));
  for (const auto& id : exam.scenario_ids) out += fmt::format("<th>{}</th>", html(id.text));
  out += "</tr>\n";
  for (const auto& verdict : facts.verdicts) {
    out += fmt::format("<tr><td>{}</td><td>{}</td>",
                       html_name(submitter_name(verdict.trainee, verdict.anonymous)),
                       coach::verdict(verdict.passed));
    for (const auto& outcome : verdict.scenarios) {
      out += outcome.attempts == 0
                 ? "<td class=\"num\">—</td>"
                 : fmt::format("<td class=\"num {}\">{:.1f} ({})</td>",
                               outcome.passed ? "ok" : "bad", outcome.best_score, outcome.attempts);
    }
    out += "</tr>\n";
  }
  return out + "</table>\n</section>\n";
}

std::string rules_section(const Cohort& cohort) {
  std::string out = fmt::format(
      "<section "
      "id=\"rules\"><h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
      tr("最常未通过的规则", "Rules most often failed"), tr("场景", "Scenario"), tr("步骤", "Step"),
      tr("规则", "Rule"), tr("次数", "Failures"));
  for (const auto& rule : cohort.most_failed_rules(kMostFailedRules)) {
    out +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
                    html(rule.scenario_id), html(rule.step_id), html(rule.description), rule.count);
  }
  return out + "</table>\n</section>\n";
}

std::string trainees_section(const Cohort& cohort) {
  std::string out = fmt::format(
      "<section "
      "id=\"trainees\"><h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
      tr("学员", "Trainees"), tr("学员", "Trainee"), tr("作答", "Attempts"), tr("通过", "Passed"),
      tr("平均分", "Mean score"));
  for (const auto& [who, line] : cohort.trainees()) {
    out += fmt::format(
        "<tr><td><button class=\"trainee\" data-trainee=\"{0}\">{4}</button></td><td "
        "class=\"num\">{1}</td>"
        "<td class=\"num\">{2}</td><td class=\"num\">{3:.1f}</td></tr>\n",
        html_name(line.name), line.attempts, line.passed, line.mean_score(),
        html_name(submitter_name(line.name, line.anonymous)));
  }
  return out + "</table>\n</section>\n";
}

std::string rejected_section(const Diagnostics& rejected) {
  if (rejected.empty()) return "";
  std::string out = fmt::format("<section id=\"rejected\"><h2>{}</h2>\n<ul>\n",
                                tr("无法批改的文件", "Files that could not be graded"));
  for (const auto& item : rejected.items())
    out += "<li><code>" + html(item.to_string()) + "</code></li>\n";
  return out + "</ul>\n</section>\n";
}

std::string inputs_section(const std::vector<InputFile>& inputs) {
  std::string out = fmt::format("<section id=\"inputs\"><h2>{} (SHA-256)</h2>\n<table>\n",
                                tr("批改所用的文件", "Files graded with"));
  for (const auto& input : inputs)
    out += fmt::format("<tr><td>{}</td><td>{}</td><td><code>{}</code></td></tr>\n", input.kind,
                       html_name(input.name), input.sha256);
  return out + "</table>\n</section>\n";
}

// A rule of a step with no reply was not judged: marked –, as in the text report.
std::string rule_line(const StepResult& step, const RuleResult& rule) {
  if (!step.answered) return fmt::format("<li class=\"dim\">– {}</li>", html(rule.description));
  // A forbidding rule that found nothing is no ✓, as in the text report.
  const bool found_nothing = rule.ok && rule.forbids();
  std::string out =
      fmt::format("<li class=\"{}\">{} {}", found_nothing ? "dim" : (rule.ok ? "ok" : "bad"),
                  found_nothing ? "·" : (rule.ok ? "✓" : "✗"), html(rule.description));
  if (!rule.ok && !rule.feedback.empty()) out += " — " + html(rule.feedback);
  if (!rule.ok && !rule.detail.empty() && rule.detail != rule.feedback)
    out += " <span class=\"dim\">" + html(rule.detail) + "</span>";
  return out + "</li>";
}

// The reply, or why there is none: not answered, or never put to the trainee (with what the
// answers file held for the step, not scored).
std::string reply_cell(const StepResult& step) {
  if (step.answered) return html(step.reply);
  if (step.took_place)
    return fmt::format("<span class=\"dim\">— {}</span>", tr("没有回答", "not answered"));
  std::string out =
      fmt::format("<span class=\"dim\">— {}</span>",
                  tr("没有进行,客户已经离开", "never took place: the customer had left"));
  if (!step.unscored_reply.empty())
    out += fmt::format("<br><span class=\"dim\">{}</span> {}",
                       tr("文件中的回答(未计分):", "reply in the file (not scored):"),
                       html(step.unscored_reply));
  return out;
}

std::string step_row(const StepResult& step) {
  std::string rules;
  for (const auto& rule : step.rules) rules += rule_line(step, rule);
  return fmt::format(
      "<tr><td>{}<br><span class=\"dim\">{}</span></td><td class=\"num {}\">{}/{}</td><td>{}</td>"
      "<td><ul>{}</ul></td></tr>\n",
      html(step.step_id), html(stage_label(step.stage)), step.passed ? "ok" : "bad", step.score,
      step.max, reply_cell(step), rules);
}

class HtmlWriter : public ReportWriter {
 public:
  std::string attempt(const AttemptResult& attempt, const AttemptNote& note) override {
    const std::string who = submission_key(attempt).name;
    std::string out = fmt::format(
        "<details class=\"attempt\" id=\"a-{}\" data-trainee=\"{}\"><summary>{} · {} {} — {:.1f} "
        "{}</summary>\n",
        note.index, html_name(who), html_name(who), html(attempt.scenario_id),
        html(attempt.scenario_title), attempt.score, verdict(attempt.passed));
    out += fmt::format("<p class=\"dim\">{} · {} {}</p>\n", html_name(attempt.file),
                       tr("及格线", "pass mark"), attempt.pass_mark);
    if (note.exam) {
      if (!note.exam->counted)
        out += fmt::format(
            "<p class=\"bad\">{}</p>\n",
            tr("超出考试允许的次数,不计入", "beyond the attempts the exam allows: not counted"));
      for (const auto& unmet : note.exam->unmet)
        out += fmt::format("<p class=\"bad\">✗ {}</p>\n", html(unmet));
    }
    out += fmt::format("<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                       tr("步骤", "Step"), tr("得分", "Score"), tr("回答", "Reply"),
                       tr("规则", "Rules"));
    for (const auto& step : attempt.steps) out += step_row(step);
    return out + "</table>\n</details>\n";
  }

  std::string head(const ReportFacts& facts) override {
    const std::string title =
        std::string(tr("投诉处理认证报告", "Complaint handling certification report"));
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
        "'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n<title>{}</title>\n",
        language() == Language::zh ? "zh-CN" : "en", title);
    out += kStyle;
    out += fmt::format("</head>\n<body>\n<h1>{}</h1>\n", title);
    out += summary_section(facts) + histogram_section(facts.cohort);
    if (facts.exam) out += exam_section(*facts.exam);
    out += rules_section(facts.cohort) + trainees_section(facts.cohort) +
           rejected_section(facts.rejected);
    out += fmt::format(
        "<section id=\"attempts\"><h2>{}</h2>\n<p><label>{} <input id=\"filter\" "
        "type=\"search\"></label> "
        "<span class=\"dim\">{} <span id=\"shown\">{}</span></span></p>\n",
        tr("每份作答", "Every attempt"), tr("按学员筛选:", "Filter by trainee:"),
        tr("显示:", "shown:"), facts.cohort.summary().total);
    return out;
  }

  std::string tail(const ReportFacts& facts) override {
    return "</section>\n" + inputs_section(facts.inputs) +
           fmt::format("<footer class=\"dim\">coach {}</footer>\n", COACH_VERSION) + kScript +
           "</body>\n</html>\n";
  }
};

}  // namespace

std::unique_ptr<ReportWriter> make_html_writer() {
  return std::make_unique<HtmlWriter>();
}

}  // namespace coach
