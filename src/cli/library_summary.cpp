#include "cli/library_summary.hpp"

#include <fmt/format.h>

#include <iostream>

#include "util/i18n.hpp"

namespace coach::cli {

void print_files_valid(const LibrarySources& sources, const ScenarioLibrary& library) {
  if (!sources.scenarios.empty()) {
    std::cout << fmt::format(
        fmt::runtime(tr("✓ {} 个场景文件有效\n", "✓ {} scenario file(s) valid\n")),
        library.files().size());
    return;
  }
  std::cout << fmt::format(
      fmt::runtime(tr("✓ {} 个词库文件有效\n", "✓ {} lexicon file(s) valid\n")),
      library.lexicon_files().size());
  if (!library.preset_files().empty()) {
    std::cout << fmt::format(
        fmt::runtime(tr("✓ {} 个客户类型文件有效\n", "✓ {} customer-types file(s) valid\n")),
        library.preset_files().size());
  }
}

}  // namespace coach::cli
