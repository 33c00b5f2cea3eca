#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/terminal.hpp"
#include "engine/scorer.hpp"
#include "load/answers_loader.hpp"
#include "report/report.hpp"
#include "util/i18n.hpp"

namespace coach::cli {
namespace {

struct GradeOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output;
};

std::vector<std::string> answer_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& path : paths) {
    if (std::filesystem::is_directory(path, ec)) {
      for (auto& file : yaml_files_in(path)) files.push_back(std::move(file));
    } else {
      files.push_back(path);
    }
  }
  return files;
}

// Grades every attempt of one file; problems go to `diagnostics` and that file's attempts are
// left out, while the rest of the batch is still graded.
void grade_file(const std::string& path, const ScenarioLibrary& library, Diagnostics& diagnostics,
                std::vector<AttemptResult>& results) {
  Diagnostics file_problems;
  const auto answers = load_answers_file(path, file_problems);
  if (answers) {
    for (const Attempt& attempt : answers->attempts) {
      const Rubric* rubric = library.find(attempt.scenario_id);
      if (!rubric) {
        file_problems.error(path, attempt.scenario_mark,
                            fmt::format(fmt::runtime(tr("未知的场景 `{}`;用 `coach list` 查看全部",
                                                        "unknown scenario `{}`; see `coach list`")),
                                        attempt.scenario_id));
        continue;
      }
      check_attempt_steps(*rubric, attempt, path, file_problems);
    }
  }
  if (!file_problems.empty()) {
    diagnostics.append(file_problems);
    return;
  }
  for (const Attempt& attempt : answers->attempts) {
    results.push_back(
        score_attempt(*library.find(attempt.scenario_id), attempt, answers->trainee, path));
  }
}

std::string render(const std::vector<AttemptResult>& results, const GradeOptions& options,
                   const Context& context) {
  if (options.format == "json") return format_json_report(results);
  if (options.format == "junit") return format_junit_report(results);
  const bool to_stdout = options.output.empty() || options.output == "-";
  return format_text_report(results, to_stdout ? style_for(context, 1) : Style(false));
}

int grade(const Context& context, const GradeOptions& options) {
  Diagnostics diagnostics;
  // A broken scenario file is reported, but submissions for the others are still graded.
  const ScenarioLibrary library = load_library({}, context, diagnostics);
  std::vector<AttemptResult> results;
  for (const auto& file : answer_files(options.files))
    grade_file(file, library, diagnostics, results);
  write_output(options.output, render(results, options, context));
  print_diagnostics(diagnostics);
  if (!diagnostics.empty()) return kExitBadInput;
  return summarize(results).failed > 0 ? kExitFailed : kExitOk;
}

}  // namespace

Action add_grade_command(CLI::App& app, const Context& context) {
  auto options = std::make_shared<GradeOptions>();
  auto* cmd = app.add_subcommand(
      "grade",
      std::string(tr("批改答案文件(非交互)。退出码:0 全部通过,1 有未通过,2 输入有误",
                     "grade answers files. Exit: 0 all passed, 1 any failed, 2 bad input")));
  cmd->add_option("FILE", options->files,
                  std::string(tr("答案文件或目录", "answers files or directories")))
      ->required();
  cmd->add_option("--format", options->format,
                  std::string(tr("text、json 或 junit", "text, json or junit")))
      ->check(CLI::IsMember({"text", "json", "junit"}));
  cmd->add_option("--output,-o", options->output,
                  std::string(tr("报告写入此文件(默认:标准输出)",
                                 "write the report to this file (default: stdout)")));
  return [&context, options] { return grade(context, *options); };
}

}  // namespace coach::cli
