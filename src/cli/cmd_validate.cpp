#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/library_summary.hpp"
#include "cli/scenario_paths.hpp"
#include "cli/terminal.hpp"
#include "util/i18n.hpp"

namespace coach::cli {
namespace {

int validate(const Context& context, const std::vector<std::string>& paths) {
  Diagnostics diagnostics;
  const LibrarySources sources = library_sources(paths, context);
  const ScenarioLibrary& library = load_library(sources, diagnostics);
  print_diagnostics(diagnostics);
  if (!diagnostics.empty()) {
    std::cerr << counted(static_cast<long long>(diagnostics.problems()), "个错误", "error",
                         "errors")
              << "\n";
    return kExitBadInput;
  }
  print_files_valid(sources, library);
  return kExitOk;
}

}  // namespace

Action add_validate_command(CLI::App& app, const Context& context) {
  auto paths = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand(
      "validate", std::string(tr("只检查场景、词库与客户类型文件的格式与引用",
                                 "check scenario, lexicon and customer-types files' schema and "
                                 "references only")));
  cmd->add_option(std::string(tr("路径", "PATH")), *paths,
                  std::string(tr("场景、词库或客户类型文件或目录(默认:全部场景)",
                                 "scenario, lexicon or customer-types files or directories "
                                 "(default: all scenarios)")))
      ->type_name("");
  return [&context, paths] { return validate(context, *paths); };
}

}  // namespace coach::cli
