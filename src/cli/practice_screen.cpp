#include "cli/practice_screen.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/scenario_groups.hpp"
#include "cli/terminal.hpp"
#include "engine/deciding_mistakes.hpp"
#include "engine/step_numbers.hpp"
#include "engine/weak_steps.hpp"
#include "report/report.hpp"
#include "util/display_width.hpp"
#include "util/i18n.hpp"

namespace coach::cli {

namespace {

// 郝先生(情绪激动型), or the type alone for a customer with no name: never "客户:客户".
std::string customer_label(const Customer& customer) {
  if (customer.name.empty())
    return customer.type.empty() ? std::string(tr("(未具名)", "(unnamed)")) : customer.type;
  if (customer.type.empty()) return customer.name;
  return customer.name + fmt::format(fmt::runtime(tr("({})", " ({})")), customer.type);
}

}  // namespace

void PracticeScreen::briefing(const Scenario& s, bool exam) const {
  print(std::string("\n") + style_.bold(fmt::format("═══ {} ({}) ═══", s.title, s.id)) + "\n");
  print(style_.dim(fmt::format(fmt::runtime(tr("出处:{} · 客户:{}", "Source: {} · Customer: {}")),
                               readable_source(s), customer_label(s.customer))) +
        std::string("\n\n"));
  print(style_.bold(std::string(tr("【情况】", "[Situation] "))) + s.briefing + "\n");
  if (exam)
    print(style_.warn(std::string(
              tr("考试模式:全部答完后才显示评分。", "Exam mode: scores are shown at the end."))) +
          "\n");
  print(style_.dim(std::string(tr("输入回答后按回车。/help 查看命令。",
                                  "Type your reply and press Enter. /help lists commands."))) +
        "\n");
}

// Anger as a bar a new hire reads at a glance: calm green, rising yellow, about to leave red.
std::string PracticeScreen::mood_meter(Mood mood) const {
  constexpr int kCells = 10;
  const int filled = std::clamp(mood.value * kCells / std::max(mood.limit, 1), 0, kCells);
  std::string bar;
  for (int i = 0; i < kCells; ++i) bar += i < filled ? "█" : "░";
  const std::string label =
      fmt::format(fmt::runtime(tr("怒气 {} {}/{}", "anger {} {}/{}")), bar, mood.value, mood.limit);
  if (mood.value * 10 >= mood.limit * 7) return style_.bad(label);
  if (mood.value * 10 >= mood.limit * 4) return style_.warn(label);
  return style_.good(label);
}

void PracticeScreen::customer_line(const Scenario& s, const CompiledStep& step,
                                   const std::string& line, std::size_t turns_played,
                                   std::size_t planned_steps, Mood mood) const {
  const std::string progress =
      fmt::format(fmt::runtime(tr("第 {}/{} 步 · {}", "Step {}/{} · {}")), turns_played + 1,
                  std::max(planned_steps, turns_played + 1), stage_label(step.step->stage));
  print("\n" + style_.bold(progress) + "  " + mood_meter(mood) + "\n");
  const std::string who =
      s.customer.name.empty() ? std::string(tr("客户", "Customer")) : s.customer.name;
  print(style_.customer(fmt::format("{}: {}", who, line)) + "\n");
  // Under the customer's line, just above the prompt that counts down (as the README shows).
  if (step.step->time_limit > 0) {
    print(style_.warn(fmt::format(fmt::runtime(tr("(限时 {} 秒)", "(answer within {} seconds)")),
                                  step.step->time_limit)) +
          "\n");
  }
}

void PracticeScreen::too_slow(const Step& step, double seconds) const {
  const int limit = step.time_limit;
  if (limit <= 0 || seconds <= limit) return;
  print(style_.warn(
            fmt::format(fmt::runtime(tr("这次回应用了 {:.1f} 秒,超过了 {} 秒的时限:客户等不及了。",
                                        "That reply took {:.1f} seconds, over the {}-second limit: "
                                        "the customer is kept waiting.")),
                        seconds, limit)) +
        "\n");
}

void PracticeScreen::walked_out(const Scenario& s) const {
  const std::string who =
      s.customer.name.empty() ? std::string(tr("客户", "The customer")) : s.customer.name;
  print("\n" +
        style_.bad(fmt::format(
            fmt::runtime(tr("{}忍无可忍,愤而离开:练习失败。客户的怒气到了极限({})。",
                            "{} has had enough and leaves: the session fails, the customer's "
                            "anger reached its limit ({}).")),
            who, s.customer.temper.limit)) +
        "\n");
}

// The time-limit note right after the rules (one of which is the limit), before the model
// answer: printed after it, it read as a remark on the model answer.
void PracticeScreen::feedback(const StepResult& result, const PathTurn& turn, const Step& step,
                              std::size_t number, double seconds, bool retry_offered) const {
  print(std::string("\n") + format_step_feedback(result, style_, &turn, {number}));
  too_slow(step, seconds);
  model_answer(step);
  if (!retry_offered) return;
  print(style_.dim(std::string(tr("(输入 /retry 重答这一步,或直接回答下一步)",
                                  "(type /retry to answer this step again, or go on)"))) +
        "\n");
}

namespace {

// What the step's rules ask for, worth most first: the principle alone is shown again after the
// reply, and a hint should name what to do (outside pass 46, finding 13) without the answer.
std::string wanted_text(const CompiledStep& step) {
  std::vector<const CompiledRule*> asks;
  for (const CompiledRule& rule : step.rules)
    if (!forbids(rule.rule->kind)) asks.push_back(&rule);
  std::stable_sort(asks.begin(), asks.end(), [](const CompiledRule* a, const CompiledRule* b) {
    return a->rule->points > b->rule->points;
  });
  std::string out;
  for (const CompiledRule* rule : asks) {
    if (!out.empty()) out += tr(";", "; ");
    out += std::string_view(rule->description);
  }
  return out;
}

}  // namespace

void PracticeScreen::hint(const CompiledStep& step) const {
  const std::string text = step.step->principle.empty()
                               ? std::string(tr("想想客户此刻最需要什么。",
                                                "Think about what the customer needs right now."))
                               : step.step->principle;
  print(style_.warn(fmt::format(fmt::runtime(tr("提示:{}", "Hint: {}")), text)) + "\n");
  if (const std::string wanted = wanted_text(step); !wanted.empty())
    print(style_.warn(
              fmt::format(fmt::runtime(tr("这一步要做到:{}", "This step asks: {}")), wanted)) +
          "\n");
}

void PracticeScreen::model_answer(const Step& step, std::size_t number) const {
  if (step.model_answers.empty()) {
    if (number > 0) note(std::string(tr("这一步没有示范回答。", "That step has no model answer.")));
    return;
  }
  const std::string& text = step.model_answers.front().text;
  const std::string line =
      number == 0 ? fmt::format(fmt::runtime(tr("  示范回答:{}", "  Model answer: {}")), text)
                  : fmt::format(fmt::runtime(tr("  第 {} 步({})的示范回答:{}",
                                                "  Model answer of step {} ({}): {}")),
                                number, stage_label(step.stage), text);
  print(style_.good(line) + "\n");
}

void PracticeScreen::help(bool exam) const {
  print(
      std::string(tr("命令:\n"
                     "  /hint    本步要点提示\n"
                     "  /repeat  再听一遍客户的话\n"
                     "  /retry   重答上一步\n"
                     "  /skip    跳过这一步(得 0 分)\n",
                     "Commands:\n"
                     "  /hint    the principle for this step\n"
                     "  /repeat  hear the customer again\n"
                     "  /retry   answer the previous step again\n"
                     "  /skip    skip this step (scores 0)\n")));
  // An exam shows no model answer until the end: listed, /model answered "unknown command".
  if (!exam)
    print(std::string(
        tr("  /model   上一步的示范回答\n", "  /model   the model answer of the previous step\n")));
  print(
      std::string(tr("  /quit    结束练习(已答内容会保存)\n"
                     "  /help    这份命令列表\n",
                     "  /quit    stop (your replies are kept)\n"
                     "  /help    this list\n")));
  if (exam)
    print(std::string(tr("(考试模式:不显示示范回答,评分在全部答完后给出。)\n",
                         "(Exam mode: no model answers; scores come at the end.)\n")));
}

void PracticeScreen::exam_part(const Exam& exam, std::size_t number, std::size_t count) const {
  const std::string title = exam.title.empty() ? exam.id : exam.title;
  print(std::string("\n") +
        style_.bold(fmt::format(
            fmt::runtime(tr("考试:{} · 第 {}/{} 个场景", "Exam: {} · scenario {} of {}")), title,
            number, count)) +
        "\n");
}

void PracticeScreen::summary(const AttemptResult& result, bool exam, int limit,
                             const std::vector<std::string>& unmet) const {
  if (exam) {
    print(std::string("\n"));
    for (std::size_t i = 0; i < result.steps.size(); ++i)
      print(format_step_feedback(result.steps[i], style_, result.turn_of(result.steps[i].step_id),
                                 {i + 1}));
  }
  print(std::string("\n") + style_.bold(std::string(tr("═══ 总结 ═══", "═══ Summary ═══"))) + "\n");
  print(format_stage_summary(result, style_));
  // The header of each step shows the anger before it; only here does the trainee see what the
  // last reply did to it, which grade reports as the last turn's anger (and as final_mood).
  if (!result.path.empty()) {
    print(fmt::format(fmt::runtime(tr("  结束时客户的{}\n", "  customer at the end: {}\n")),
                      mood_meter({result.final_mood, limit})));
  }
  const std::string verdict = result.passed ? style_.good(std::string(tr("通过", "PASSED")))
                                            : style_.bad(std::string(tr("未通过", "FAILED")));
  print(fmt::format(
      fmt::runtime(tr("总分 {:.1f}(及格线 {}) {}\n", "Score {:.1f} (pass mark {}) {}\n")),
      result.score, result.pass_mark, verdict));
  if (const std::string weak = weak_steps_note(result); !weak.empty())
    print(style_.bad(weak) + "\n");
  if (result.critical_failed) {
    print(style_.bad(std::string(tr("有关键错误:那些话在真实服务中绝不能说。",
                                    "A critical mistake: never say that to a real customer."))) +
          "\n");
  }
  for (const std::string& mistake : deciding_mistakes(result))
    print(style_.bad("✗ " + mistake) + "\n");
  for (const auto& requirement : unmet) print(style_.bad("✗ " + requirement) + "\n");
  practise_next(result);
}

// Where the next session should start: the summary's bars show every weak step, but a new hire
// asked "what now?" (outside pass 46).
void PracticeScreen::practise_next(const AttemptResult& result) const {
  const auto weakest = step_to_practise(result);
  if (!weakest) return;
  const StepResult& step = result.steps[*weakest];
  print(
      fmt::format(fmt::runtime(tr("下次重点练{} · {}(这次 {} 分)。重练这个场景:coach practice {}\n",
                                  "Next, work on {} · {} ({} this time). To practise this "
                                  "scenario again: coach practice {}\n")),
                  step_numbers_text({*weakest + 1}), stage_label(step.stage), step.percent(),
                  result.scenario_id));
}

void PracticeScreen::exam_verdict(const Exam& exam, const SubmissionVerdict& verdict) const {
  const std::string result = verdict.passed ? style_.good(std::string(tr("通过", "PASSED")))
                                            : style_.bad(std::string(tr("未通过", "FAILED")));
  print(std::string("\n") +
        style_.bold(fmt::format(fmt::runtime(tr("═══ 考试 {} · {} ═══", "═══ Exam {} · {} ═══")),
                                exam.id, exam.title)) +
        "\n");
  for (const auto& outcome : verdict.scenarios) {
    const std::string mark = outcome.passed ? style_.good("✓") : style_.bad("✗");
    const std::string score = outcome.attempts > 0 ? fmt::format("{:.1f}", outcome.best_score)
                                                   : std::string(tr("(未作答)", "(not attempted)"));
    print(fmt::format("  {} {:<20} {}\n", mark, outcome.scenario_id, score));
  }
  print(fmt::format(fmt::runtime(tr("考试结果:{}\n", "Exam result: {}\n")), result));
}

void PracticeScreen::note(const std::string& text) const {
  print(style_.dim(text) + "\n");
}

void PracticeScreen::print(const std::string& text) const {
  std::cout << wrap_text(text, terminal_columns(terminal_fd_)) << std::flush;
}

std::string PracticeScreen::prompt() const {
  return style_.bold(std::string(tr("你> ", "you> ")));
}

}  // namespace coach::cli
