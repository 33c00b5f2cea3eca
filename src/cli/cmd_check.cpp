#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/library_summary.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/terminal.hpp"
#include "engine/checker.hpp"
#include "util/i18n.hpp"

namespace coach::cli {
namespace {

void print_notes(const CheckSummary& summary, const Style& style) {
  if (summary.unreached.empty() && summary.unearned.empty() && summary.met_by_anything.empty() &&
      summary.counter_example_reasons.empty())
    return;
  std::cerr << style.warn(std::string(tr("注意:", "note:"))) << "\n";
  print_diagnostics(summary.unreached);
  print_diagnostics(summary.unearned);
  print_diagnostics(summary.met_by_anything);
  print_diagnostics(summary.counter_example_reasons);
}

int check(const Context& context, const std::vector<std::string>& paths, bool verbose) {
  Diagnostics diagnostics;
  const LibrarySources sources = library_sources(paths, context);
  const ScenarioLibrary& library = load_library(sources, diagnostics);
  if (!diagnostics.empty()) {
    print_diagnostics(diagnostics);
    std::cerr << counted(static_cast<long long>(diagnostics.problems()), "个错误", "error",
                         "errors")
              << "\n";
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
    const CheckSummary summary = check_rubric(rubric, verbose);
    print_notes(summary, style);
    if (summary.failures.empty()) {
      std::cout << fmt::format(
          fmt::runtime(tr("{} {}:{} 个示范回答通过,{} 个反例不通过\n",
                          "{} {}: {} model answers pass, {} counter-examples fail\n")),
          style.good("✓"), rubric.scenario().id, summary.model_answers, summary.counter_examples);
      continue;
    }
    ++failed;
    std::cout << fmt::format("{} {}{}{}\n", style.bad("✗"), rubric.scenario().id, tr(":", ": "),
                             counted(static_cast<long long>(summary.failures.problems()), "处问题",
                                     "problem", "problems"));
    print_diagnostics(summary.failures);
  }
  if (failed > 0) {
    std::cerr << fmt::format(fmt::runtime(tr("{}未通过检查\n", "{} failed the check\n")),
                             counted(failed, "个场景", "scenario", "scenarios"));
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
  cmd->add_option(std::string(tr("路径", "PATH")), *paths,
                  std::string(tr("场景文件或目录(默认:全部场景);词库或客户类型文件只做验证",
                                 "scenario files or directories (default: all); lexicon or "
                                 "customer-types files are validated only")))
      ->type_name("");
  auto verbose = std::make_shared<bool>(false);
  cmd->add_flag("-v,--verbose", *verbose,
                std::string(tr("也说明每个反例因哪些规则不通过",
                               "also say which rules each counter-example fails on")));
  return [&context, paths, verbose] { return check(context, *paths, *verbose); };
}

}  // namespace coach::cli
