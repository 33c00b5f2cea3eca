#include <fmt/format.h>

#include "report/report.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 cannot carry most control characters; answers files reject them anyway.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') continue;
        out += c;
    }
  }
  return out;
}

std::string failure_text(const StepResult& step) {
  std::string text;
  if (!step.answered)
    text += std::string(tr("没有回答。\n", "not answered.\n"));
  else
    text += fmt::format(fmt::runtime(tr("回答:{}\n", "reply: {}\n")), step.reply);
  for (const auto& rule : step.rules) {
    if (rule.ok) continue;
    text += fmt::format("✗ {}{}: {}\n", rule.description,
                        rule.critical ? tr("(关键)", " (critical)") : "", rule.feedback);
  }
  return text;
}

std::string testcase(const AttemptResult& attempt, const StepResult& step) {
  const std::string classname = fmt::format(
      "{}.{}", attempt.trainee.empty() ? "anonymous" : attempt.trainee, attempt.scenario_id);
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

}  // namespace

std::string format_junit_report(const std::vector<AttemptResult>& results) {
  int tests = 0;
  int failures = 0;
  for (const auto& attempt : results) {
    for (const auto& step : attempt.steps) {
      ++tests;
      failures += step.passed ? 0 : 1;
    }
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"coach\" tests=\"{}\" failures=\"{}\">\n", tests, failures);
  for (const auto& attempt : results) {
    int suite_failures = 0;
    for (const auto& step : attempt.steps) suite_failures += step.passed ? 0 : 1;
    const std::string name = fmt::format(
        "{} · {}", attempt.trainee.empty() ? "anonymous" : attempt.trainee, attempt.scenario_id);
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                       xml_escape(name), attempt.steps.size(), suite_failures);
    out += fmt::format(
        "    <properties>\n      <property name=\"score\" value=\"{:.1f}\"/>\n"
        "      <property name=\"pass_mark\" value=\"{}\"/>\n      <property name=\"passed\" "
        "value=\"{}\"/>\n"
        "      <property name=\"file\" value=\"{}\"/>\n    </properties>\n",
        attempt.score, attempt.pass_mark, attempt.passed ? "true" : "false",
        xml_escape(attempt.file));
    for (const auto& step : attempt.steps) out += testcase(attempt, step);
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace coach
