#include "cli/show_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/conversation.hpp"
#include "engine/rule_evaluator.hpp"
#include "util/i18n.hpp"

namespace coach::cli {
namespace {

std::string describe_condition(const Rubric& rubric, const Condition& condition) {
  std::vector<std::string> parts;
  if (condition.mood_above)
    parts.push_back(
        fmt::format(fmt::runtime(tr("怒气 > {}", "anger > {}")), *condition.mood_above));
  if (condition.mood_below)
    parts.push_back(
        fmt::format(fmt::runtime(tr("怒气 < {}", "anger < {}")), *condition.mood_below));
  if (!condition.said.empty())
    parts.push_back(fmt::format(fmt::runtime(tr("说过「{}」", "said “{}”")),
                                concept_label(rubric, condition.said)));
  if (!condition.not_said.empty())
    parts.push_back(fmt::format(fmt::runtime(tr("没说过「{}」", "never said “{}”")),
                                concept_label(rubric, condition.not_said)));
  return fmt::format("{}", fmt::join(parts, tr(" 且 ", " and ")));
}

// "共情 -20,道歉 -10": the strongest first, so a trainer sees at once what matters most.
std::string reaction_list(const Rubric& rubric, std::vector<std::pair<std::string, int>> items) {
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return std::abs(a.second) > std::abs(b.second);
  });
  std::vector<std::string> shown;
  for (const auto& [concept_id, change] : items)
    shown.push_back(fmt::format("{} {:+}", concept_label(rubric, concept_id), change));
  return fmt::format("{}", fmt::join(shown, tr(",", ", ")));
}

// What calming does not do, told once before the steps: the anger bar does not reward saying
// the same soothing words again and again.
std::string how_calming_wears_text() {
  return fmt::format(
      fmt::runtime(
          tr("  同一种安抚的话每多说一次,效果减半;回答有关键错误、堆砌关键词或照搬前面的回答时,"
             "安抚的话都不起作用(照搬还让客户更生气 {:+})\n",
             "  The same calming words calm half as much each time they are said "
             "again; in a reply with a critical mistake, keyword stuffing or a reply "
             "said before, calming words do nothing (a reply said before angers {:+})\n")),
      kRepeatedReplyAnger);
}

// What calms this customer and what inflames them (the type's preset with the scenario's
// overrides): the reason behind the anger bar a trainee sees move.
std::string temper_text(const Rubric& rubric) {
  const Temper& temper = rubric.scenario().customer.temper;
  std::string out =
      fmt::format(fmt::runtime(tr("怒气:起始 {},到 {} 客户离开\n",
                                  "Anger: starts at {}, the customer leaves at {}\n")),
                  temper.start, temper.limit);
  std::vector<std::pair<std::string, int>> calming;
  std::vector<std::pair<std::string, int>> inflaming;
  for (const auto& [concept_id, change] : temper.reacts_to) {
    if (change < 0) calming.emplace_back(concept_id, change);
    if (change > 0) inflaming.emplace_back(concept_id, change);
  }
  if (calming.empty() && inflaming.empty())
    return out + std::string(tr("  客户对说法没有特别反应\n", "  No phrase moves this customer\n"));
  const bool calms_at_all = !calming.empty();
  if (calms_at_all)
    out += fmt::format(fmt::runtime(tr("  让客户消气:{}\n", "  Calmed by: {}\n")),
                       reaction_list(rubric, std::move(calming)));
  if (!inflaming.empty())
    out += fmt::format(fmt::runtime(tr("  让客户更生气:{}\n", "  Angered by: {}\n")),
                       reaction_list(rubric, std::move(inflaming)));
  if (calms_at_all) out += how_calming_wears_text();
  return out;
}

// "王先生 情绪激动型", without a dangling space when either is missing.
std::string customer_text(const Customer& customer) {
  std::vector<std::string> parts;
  if (!customer.name.empty()) parts.push_back(customer.name);
  if (!customer.type.empty()) parts.push_back(customer.type);
  if (parts.empty()) return "";
  return fmt::format(fmt::runtime(tr("客户:{}\n", "Customer: {}\n")), fmt::join(parts, " "));
}

// Main-line steps are numbered as a trainee meets them; a step played only on a condition has
// no number of its own (it would shift every number after it in a session that skips it).
std::string step_heading(const Rubric& rubric, std::size_t number, const Step& step,
                         const Style& style) {
  if (step.when)
    return style.warn(fmt::format(
               fmt::runtime(tr("  ⤷ 插入步骤(仅当 {} 时)", "  ⤷ Inserted step (only when {})")),
               describe_condition(rubric, *step.when))) +
           " " + style.bold(fmt::format("· {} · {}", step.id, stage_label(step.stage)));
  return style.bold(fmt::format(fmt::runtime(tr("第 {} 步 · {} · {}", "Step {} · {} · {}")), number,
                                step.id, stage_label(step.stage)));
}

// "(10,关键,怒气 +20)": points, and how the rule moves the customer when it fires.
std::string rule_terms(const CompiledRule& rule) {
  std::string terms = fmt::format("{}", rule.rule->points);
  if (rule.critical) terms += tr(",关键", ", critical");
  if (rule.rule->mood != 0)
    terms += fmt::format(fmt::runtime(tr(",怒气 {:+}", ", anger {:+}")), rule.rule->mood);
  return terms;
}

// Under the customer's lines, as practice shows it, with what a late reply costs.
std::string time_limit_text(const Step& step, const Style& style) {
  if (step.time_limit <= 0) return "";
  return style.warn(
             fmt::format(fmt::runtime(tr("  (限时 {} 秒:超时的回答该步不通过,只计一半分)",
                                         "  (answer within {} s: a slower reply fails the step and "
                                         "counts half)")),
                         step.time_limit)) +
         "\n";
}

std::string step_text(const Rubric& rubric, const CompiledStep& compiled, std::size_t number,
                      const Style& style) {
  const Step& step = *compiled.step;
  std::string out = "\n" + step_heading(rubric, number, step, style) + "\n";
  out += style.customer(
             fmt::format(fmt::runtime(tr("  客户:{}", "  Customer: {}")), step.customer_line)) +
         "\n";
  for (const auto& variant : step.customer_lines_if) {
    out += style.customer(fmt::format(fmt::runtime(tr("    (当 {}){}", "    (when {}) {}")),
                                      describe_condition(rubric, variant.when), variant.line)) +
           "\n";
  }
  out += time_limit_text(step, style);
  if (!step.principle.empty())
    out += fmt::format(fmt::runtime(tr("  要点:{}\n", "  Principle: {}\n")), step.principle);
  for (const auto& rule : compiled.rules)
    out += fmt::format("    - {} ({})\n", describe_rule(rule), rule_terms(rule));
  for (const auto& answer : step.model_answers)
    out += fmt::format(fmt::runtime(tr("  示范:{}\n", "  Model: {}\n")), answer.text);
  for (const auto& example : step.counter_examples)
    out += fmt::format(fmt::runtime(tr("  反例:{}\n", "  Counter-example: {}\n")), example.text);
  return out;
}

}  // namespace

std::string concept_label(const Rubric& rubric, const std::string& concept_id) {
  if (rubric.steps().empty() || !rubric.steps().front().concepts) return concept_id;
  const CompiledConcept* found = rubric.steps().front().concepts->find(concept_id);
  return found ? found->label() : concept_id;
}

std::string scenario_text(const Rubric& rubric, const Style& style) {
  const Scenario& s = rubric.scenario();
  std::string out = style.bold(fmt::format("{} ({})", s.title, s.id)) + "\n";
  out += fmt::format(fmt::runtime(tr("出处:{}\n", "Source: {}\n")), s.source);
  out += customer_text(s.customer);
  out += fmt::format(fmt::runtime(tr("及格线:{}\n\n{}\n", "Pass mark: {}\n\n{}\n")), s.pass_mark,
                     s.briefing);
  out += temper_text(rubric);
  if (!rubric.never_say().empty()) {
    out += tr("\n哪一步都不能说:\n", "\nNever, at any step:\n");
    for (const auto& rule : rubric.never_say())
      out += fmt::format("    - {} ({})\n", describe_rule(rule), rule_terms(rule));
  }
  std::size_t main_line = 0;
  for (const auto& compiled : rubric.steps())
    out += step_text(rubric, compiled, compiled.step->when ? 0 : ++main_line, style);
  return out;
}

}  // namespace coach::cli
