#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_paths.hpp"
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

std::string scenario_json(const Rubric& rubric) {
  const Scenario& s = rubric.scenario();
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  for (const auto& compiled : rubric.steps()) {
    const Step& step = *compiled.step;
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const auto& rule : compiled.rules) {
      rules.push_back({{"kind", std::string(rule_kind_key(rule.rule->kind))},
                       {"description", describe_rule(rule)},
                       {"points", rule.rule->points},
                       {"critical", rule.rule->critical},
                       {"feedback", rule.rule->feedback}});
    }
    steps.push_back({{"id", step.id},
                     {"stage", std::string(stage_id(step.stage))},
                     {"customer", step.customer_line},
                     {"principle", step.principle},
                     {"weight", step.weight},
                     {"rules", rules},
                     {"model_answers", texts_json(step.model_answers)},
                     {"counter_examples", texts_json(step.counter_examples)}});
  }
  nlohmann::ordered_json out = {
      {"id", s.id},
      {"title", s.title},
      {"source", s.source},
      {"channel", s.channel},
      {"industry", s.industry},
      {"customer", {{"name", s.customer.name}, {"type", s.customer.type}}},
      {"briefing", s.briefing},
      {"pass_mark", s.pass_mark},
      {"steps", steps}};
  return out.dump(2) + "\n";
}

std::string scenario_text(const Rubric& rubric, const Style& style) {
  const Scenario& s = rubric.scenario();
  std::string out = style.bold(fmt::format("{} ({})", s.title, s.id)) + "\n";
  out += fmt::format(fmt::runtime(tr("出处:{}\n客户:{} {}\n及格线:{}\n\n{}\n",
                                     "Source: {}\nCustomer: {} {}\nPass mark: {}\n\n{}\n")),
                     s.source, s.customer.name, s.customer.type, s.pass_mark, s.briefing);
  for (std::size_t i = 0; i < rubric.steps().size(); ++i) {
    const auto& compiled = rubric.steps()[i];
    const Step& step = *compiled.step;
    out += "\n" +
           style.bold(fmt::format(fmt::runtime(tr("第 {} 步 · {} · {}", "Step {} · {} · {}")),
                                  i + 1, step.id, stage_label(step.stage))) +
           "\n";
    out += style.customer(
               fmt::format(fmt::runtime(tr("  客户:{}", "  Customer: {}")), step.customer_line)) +
           "\n";
    if (!step.principle.empty())
      out += fmt::format(fmt::runtime(tr("  要点:{}\n", "  Principle: {}\n")), step.principle);
    for (const auto& rule : compiled.rules) {
      out += fmt::format("    - {} ({}{})\n", describe_rule(rule), rule.rule->points,
                         rule.rule->critical ? tr(",关键", ", critical") : "");
    }
    for (const auto& answer : step.model_answers)
      out += fmt::format(fmt::runtime(tr("  示范:{}\n", "  Model: {}\n")), answer.text);
    for (const auto& example : step.counter_examples)
      out += fmt::format(fmt::runtime(tr("  反例:{}\n", "  Counter-example: {}\n")), example.text);
  }
  return out;
}

int show_scenario(const Context& context, const ShowOptions& options) {
  Diagnostics diagnostics;
  const ScenarioLibrary library = load_library({}, context, diagnostics);
  const Rubric* rubric = library.find(options.id);
  if (!rubric) {
    print_diagnostics(diagnostics);
    std::cerr << fmt::format(
        fmt::runtime(tr("coach: 没有 id 为 `{}` 的场景;用 `coach list` 查看全部\n",
                        "coach: no scenario with id `{}`; see `coach list`\n")),
        options.id);
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
  cmd->add_option("ID", options->id, std::string(tr("场景 id", "scenario id")))->required();
  cmd->add_option("--format", options->format, std::string(tr("text 或 json", "text or json")))
      ->check(CLI::IsMember({"text", "json"}));
  return [&context, options] { return show_scenario(context, *options); };
}

}  // namespace coach::cli
