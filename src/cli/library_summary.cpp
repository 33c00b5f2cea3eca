#include "cli/library_summary.hpp"

#include <fmt/format.h>

#include <iostream>

#include "util/i18n.hpp"

namespace coach::cli {

void print_files_valid(const LibrarySources& sources, const ScenarioLibrary& library) {
  if (!sources.scenarios.empty()) {
    std::cout << fmt::format(fmt::runtime(tr("✓ {}有效\n", "✓ {} valid\n")),
                             counted(static_cast<long long>(library.files().size()), "个场景文件",
                                     "scenario file", "scenario files"));
    return;
  }
  std::cout << fmt::format(fmt::runtime(tr("✓ {}有效\n", "✓ {} valid\n")),
                           counted(static_cast<long long>(library.lexicon_files().size()),
                                   "个词库文件", "lexicon file", "lexicon files"));
  if (!library.preset_files().empty()) {
    std::cout << fmt::format(
        fmt::runtime(tr("✓ {}有效\n", "✓ {} valid\n")),
        counted(static_cast<long long>(library.preset_files().size()), "个客户类型文件",
                "customer-types file", "customer-types files"));
  }
}

}  // namespace coach::cli
