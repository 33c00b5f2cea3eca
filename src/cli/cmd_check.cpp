#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/library_summary.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/terminal.hpp"
#include "engine/checker.hpp"
#include "engine/scorer.hpp"
#include "model/answers.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

// The failure of the model answers as a whole gives their score; when the customer walked out,
// that is the reason, and the score (which may be full marks) does not tell it.
std::string walk_out_note(const Rubric& rubric) {
  const Scenario& scenario = rubric.scenario();
  Attempt model_answers;
  model_answers.scenario_id = scenario.id;
  for (const Step& step : scenario.steps) {
    if (!step.model_answers.empty())
      model_answers.responses.emplace_back(step.id, step.model_answers.front());
  }
  const AttemptResult result = score_attempt(rubric, model_answers, "", scenario.file);
  if (!result.walked_out || result.path.empty()) return "";
  return fmt::format(
      fmt::runtime(tr("{}: 由各步第一个示范回答组成的作答中,客户在步骤 `{}` 之后愤而离开"
                      "(怒气 {},离开的界限 {}):之后的步骤没有进行\n",
                      "{}: in the attempt made of each step's first model answer, the customer "
                      "walked out after step `{}` (anger {}, walk-out limit {}): the steps after "
                      "it never took place\n")),
      utf8::show_name(scenario.file), result.path.back().step_id, result.final_mood,
      scenario.customer.temper.limit);
}

int check(const Context& context, const std::vector<std::string>& paths) {
  Diagnostics diagnostics;
  const LibrarySources sources = library_sources(paths, context);
  const ScenarioLibrary& library = load_library(sources, diagnostics);
  if (!diagnostics.empty()) {
    print_diagnostics(diagnostics);
    std::cerr << fmt::format(fmt::runtime(tr("{} 个错误\n", "{} error(s)\n")), diagnostics.size());
    return kExitBadInput;
  }
  if (sources.scenarios.empty()) {
    // Only lexicons or customer types named: no model answer to play.
    print_files_valid(sources, library);
    return kExitOk;
  }
  const Style style = style_for(context, 1);
  int failed = 0;
  for (const auto& rubric : library.rubrics()) {
    const CheckSummary summary = check_rubric(rubric);
    if (!summary.unreached.empty()) {
      std::cerr << style.warn(std::string(tr("注意:", "note:"))) << "\n";
      print_diagnostics(summary.unreached);
    }
    if (summary.failures.empty()) {
      std::cout << fmt::format(
          fmt::runtime(tr("{} {}:{} 个示范回答通过,{} 个反例不通过\n",
                          "{} {}: {} model answers pass, {} counter-examples fail\n")),
          style.good("✓"), rubric.scenario().id, summary.model_answers, summary.counter_examples);
      continue;
    }
    ++failed;
    std::cout << fmt::format(fmt::runtime(tr("{} {}:{} 处问题\n", "{} {}: {} problem(s)\n")),
                             style.bad("✗"), rubric.scenario().id, summary.failures.size());
    print_diagnostics(summary.failures);
    std::cerr << walk_out_note(rubric);
  }
  if (failed > 0) {
    std::cerr << fmt::format(
        fmt::runtime(tr("{} 个场景未通过检查\n", "{} scenario(s) failed the check\n")), failed);
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

Action add_check_command(CLI::App& app, const Context& context) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand(
      "check",
      std::string(tr("检查场景,并验证示范回答通过、反例不通过",
                     "validate scenarios; model answers must pass, counter-examples must fail")));
  cmd->add_option("PATH", *paths,
                  std::string(tr("场景文件或目录(默认:全部场景);词库或客户类型文件只做验证",
                                 "scenario files or directories (default: all); lexicon or "
                                 "customer-types files are validated only")));
  return [&context, paths] { return check(context, *paths); };
}

}  // namespace coach::cli
