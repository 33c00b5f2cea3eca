#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/show_text.hpp"
#include "cli/terminal.hpp"
#include "engine/rule_evaluator.hpp"
#include "util/i18n.hpp"

namespace coach::cli {
namespace {

struct ShowOptions {
  std::string id;
  std::string format = "text";
};

nlohmann::ordered_json texts_json(const std::vector<MarkedText>& items) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& item : items) out.push_back(item.text);
  return out;
}

// `said`/`not_said` keep the concept id (as the YAML says it); the `_label` keys are added
// for what a trainer reads.
nlohmann::ordered_json condition_json(const Rubric& rubric, const Condition& condition) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (condition.mood_above) out["mood_above"] = *condition.mood_above;
  if (condition.mood_below) out["mood_below"] = *condition.mood_below;
  if (!condition.said.empty()) {
    out["said"] = condition.said;
    out["said_label"] = concept_label(rubric, condition.said);
  }
  if (!condition.not_said.empty()) {
    out["not_said"] = condition.not_said;
    out["not_said_label"] = concept_label(rubric, condition.not_said);
  }
  return out;
}

// `reacts_to` stays the concept → change map; `reactions` adds each concept's label.
nlohmann::ordered_json reactions_json(const Rubric& rubric) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& [concept_id, change] : rubric.scenario().customer.temper.reacts_to)
    out.push_back({{"concept", concept_id},
                   {"label", concept_label(rubric, concept_id)},
                   {"change", change}});
  return out;
}

nlohmann::ordered_json rules_json(std::span<const CompiledRule> compiled_rules) {
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (const auto& rule : compiled_rules) {
    rules.push_back({{"kind", std::string(rule_kind_key(rule.rule->kind))},
                     {"description", describe_rule(rule)},
                     {"points", rule.rule->points},
                     {"critical", rule.critical},
                     {"mood", rule.rule->mood},
                     {"feedback", rule.rule->feedback}});
  }
  return rules;
}

nlohmann::ordered_json step_json(const Rubric& rubric, const CompiledStep& compiled) {
  const Step& step = *compiled.step;
  const nlohmann::ordered_json rules = rules_json(compiled.rules);
  nlohmann::ordered_json lines_if = nlohmann::ordered_json::array();
  for (const auto& variant : step.customer_lines_if) {
    lines_if.push_back({{"when", condition_json(rubric, variant.when)}, {"line", variant.line}});
  }
  return {{"id", step.id},
          {"stage", std::string(stage_id(step.stage))},
          {"customer", step.customer_line},
          {"customer_if", lines_if},
          {"principle", step.principle},
          {"weight", step.weight},
          {"time_limit", step.time_limit},
          {"rules", rules},
          {"model_answers", texts_json(step.model_answers)},
          {"counter_examples", texts_json(step.counter_examples)}};
}

// `steps` is the main line of the conversation (the contract: each stage of the five-step
// method in order); steps played only on a condition are listed apart, under `branches`, with
// the step they follow.
std::string scenario_json(const Rubric& rubric) {
  const Scenario& s = rubric.scenario();
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  nlohmann::ordered_json branches = nlohmann::ordered_json::array();
  std::string previous;
  for (const auto& compiled : rubric.steps()) {
    nlohmann::ordered_json step = step_json(rubric, compiled);
    if (compiled.step->when) {
      step["when"] = condition_json(rubric, *compiled.step->when);
      step["after"] = previous;
      branches.push_back(std::move(step));
    } else {
      steps.push_back(std::move(step));
    }
    previous = compiled.step->id;
  }
  nlohmann::ordered_json reactions = nlohmann::ordered_json::object();
  for (const auto& [concept_id, change] : s.customer.temper.reacts_to)
    reactions[concept_id] = change;
  nlohmann::ordered_json out = {{"id", s.id},
                                {"title", s.title},
                                {"source", s.source},
                                {"channel", s.channel},
                                {"industry", s.industry},
                                {"customer",
                                 {{"name", s.customer.name},
                                  {"type", s.customer.type},
                                  {"mood", s.customer.temper.start},
                                  {"limit", s.customer.temper.limit},
                                  {"reacts_to", reactions},
                                  {"reactions", reactions_json(rubric)}}},
                                {"briefing", s.briefing},
                                {"pass_mark", s.pass_mark},
                                {"max_failed_steps", s.max_failed_steps},
                                {"never_say", rules_json(rubric.never_say())},
                                {"steps", steps},
                                {"branches", branches}};
  return out.dump(2) + "\n";
}

int show_scenario(const Context& context, const ShowOptions& options) {
  Diagnostics diagnostics;
  const ScenarioLibrary& library = load_library({}, context, diagnostics);
  const Rubric* rubric = library.find(options.id);
  if (!rubric) {
    print_diagnostics(diagnostics);
    std::cerr << unknown_scenario_message(options.id, library, diagnostics);
    return kExitBadInput;
  }
  // A rubric shown without the rules of a lexicon that did not load would mislead the trainer
  // who reads it (outside pass 51, finding 6): the problems are said, as `list` says them.
  if (!library.shared_files_sound()) {
    print_diagnostics(diagnostics);
    std::cerr << "coach: "
              << tr("词库或客户类型文件有问题(见上),场景的评分规则不完整,所以不显示",
                    "a lexicon or customer-types file has problems (see above), so the "
                    "scenario's rubric is incomplete and is not shown")
              << "\n";
    return kExitBadInput;
  }
  std::cout << (options.format == "json" ? scenario_json(*rubric)
                                         : scenario_text(*rubric, style_for(context, 1)));
  return kExitOk;
}

}  // namespace

Action add_show_command(CLI::App& app, const Context& context) {
  auto options = std::make_shared<ShowOptions>();
  auto* cmd =
      app.add_subcommand("show", std::string(tr("显示场景的情况说明、步骤和评分规则",
                                                "show a scenario's briefing, steps and rubric")));
  cmd->add_option(std::string(tr("场景ID", "ID")), options->id,
                  std::string(tr("场景 id", "scenario id")))
      ->type_name("")
      ->required();
  cmd->add_option("--format", options->format, std::string(tr("text 或 json", "text or json")))
      ->check(CLI::IsMember({"text", "json"}));
  return [&context, options] { return show_scenario(context, *options); };
}

}  // namespace coach::cli
