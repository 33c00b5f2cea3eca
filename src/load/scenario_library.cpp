#include "load/scenario_library.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "load/customer_types_loader.hpp"
#include "load/lexicon_loader.hpp"
#include "load/scenario_loader.hpp"
#include "load/yaml_reader.hpp"
#include "util/i18n.hpp"

namespace coach {
namespace fs = std::filesystem;

namespace {}  // namespace

ScenarioLibrary ScenarioLibrary::load(const std::vector<std::string>& scenario_paths,
                                      const std::vector<std::string>& lexicon_dirs,
                                      Diagnostics& diagnostics) {
  ScenarioLibrary library;
  auto lexicon = std::make_shared<Lexicon>();
  for (const auto& dir : lexicon_dirs) {
    for (const auto& file : yaml_files_in(dir)) load_lexicon_file(file, *lexicon, diagnostics);
  }
  library.concepts_ = std::make_unique<ConceptIndex>(lexicon, diagnostics);
  CustomerTypes customer_types;
  for (const auto& dir : lexicon_dirs) {
    const fs::path presets = fs::path(dir).parent_path() / "customer-types";
    std::error_code ec;
    if (!fs::is_directory(presets, ec)) continue;
    for (const auto& file : yaml_files_in(presets.string()))
      load_customer_types_file(file, customer_types, diagnostics);
  }

  std::map<std::string, std::string> first_file_of;
  for (const auto& file : expand_yaml_paths(
           scenario_paths, false,
           tr("目录中没有场景文件(*.yaml)", "no scenario files (*.yaml) in this directory"),
           diagnostics)) {
    library.files_.push_back(file);
    auto scenario = load_scenario_file(file, diagnostics);
    if (!scenario) continue;
    if (auto [it, inserted] = first_file_of.emplace(scenario->id, file); !inserted) {
      diagnostics.error(file, {},
                        fmt::format(fmt::runtime(tr("场景 id `{}` 已在 {} 中使用",
                                                    "scenario id `{}` is already used by {}")),
                                    scenario->id, it->second));
      continue;
    }
    resolve_temper(scenario->customer, customer_types);
    auto shared = std::make_shared<const Scenario>(std::move(*scenario));
    if (auto rubric = Rubric::compile(shared, *library.concepts_, diagnostics)) {
      library.rubrics_.push_back(std::move(*rubric));
    }
  }
  return library;
}

const Rubric* ScenarioLibrary::find(const std::string& id) const {
  for (const auto& rubric : rubrics_) {
    if (rubric.scenario().id == id) return &rubric;
  }
  return nullptr;
}

}  // namespace coach
