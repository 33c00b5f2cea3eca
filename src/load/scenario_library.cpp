#include "load/scenario_library.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "load/customer_types_loader.hpp"
#include "load/lexicon_loader.hpp"
#include "load/library_budget.hpp"
#include "load/scenario_loader.hpp"
#include "load/yaml_reader.hpp"
#include "util/closest_name.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace fs = std::filesystem;

namespace {

// Keyword stuffing is recognised from every concept of every lexicon: without all of them no
// verdict would be right, and every concept would be reported unknown in every scenario. The
// directory is named once instead.
struct LexiconsLoaded {
  bool complete = true;        // every lexicon folder could be read
  std::string first_in_error;  // the first lexicon file with a problem; empty when none had one
};

void load_lexicon_into(const std::string& file, Lexicon& lexicon, LexiconsLoaded& loaded,
                       Diagnostics& diagnostics) {
  const std::size_t before = diagnostics.problems();
  load_lexicon_file(file, lexicon, diagnostics);
  if (diagnostics.problems() != before && loaded.first_in_error.empty())
    loaded.first_in_error = file;
}

LexiconsLoaded load_lexicons(const LibrarySources& sources, Lexicon& lexicon,
                             std::vector<std::string>& files, Diagnostics& diagnostics) {
  LexiconsLoaded loaded;
  for (const auto& dir : sources.lexicon_dirs) {
    if (const std::string problem = directory_problem(dir); !problem.empty()) {
      diagnostics.error(
          dir, {},
          fmt::format(fmt::runtime(tr("词库目录不可用:{}", "lexicon directory: {}")), problem));
      loaded.complete = false;
      continue;
    }
    for (auto& file : yaml_files_in(dir)) {
      load_lexicon_into(file, lexicon, loaded, diagnostics);
      files.push_back(std::move(file));
    }
  }
  for (const auto& file : sources.lexicon_files) {
    load_lexicon_into(file, lexicon, loaded, diagnostics);
    files.push_back(file);
  }
  return loaded;
}

// The unknown concepts counted while a lexicon file was in error, said once, after it.
void note_counted_unknowns(const ConceptIndex& concepts, const std::string& lexicon_file,
                           Diagnostics& diagnostics) {
  const std::size_t counted = concepts.unknown_concepts_counted();
  if (counted == 0) return;
  diagnostics.error(lexicon_file, {},
                    fmt::format(fmt::runtime(tr("场景与客户类型另有 {} 处用到了词库里没有的概念,"
                                                "多半是这个词库文件的问题所致(见上),未逐一列出:"
                                                "先改正它",
                                                "the scenarios and customer types name a concept "
                                                "the lexicons lack {} more times, most likely "
                                                "because of this lexicon file (see above); not "
                                                "listed one by one: mend it first")),
                                grouped(counted)));
}

// A missing folder holds no presets; anything else that is not a folder is a mistake to name.
// Returns whether any presets were there: a file named, or a folder of them.
bool load_presets(const LibrarySources& sources, CustomerTypes& types,
                  std::vector<std::string>& files, Diagnostics& diagnostics) {
  bool found = !sources.preset_files.empty();
  for (const auto& file : sources.preset_files) {
    load_customer_types_file(file, types, diagnostics);
    files.push_back(file);
  }
  for (const auto& dir : sources.preset_dirs) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(dir, ec))) continue;
    if (const std::string problem = directory_problem(dir); !problem.empty()) {
      diagnostics.error(
          dir, {},
          fmt::format(fmt::runtime(tr("客户类型目录不可用:{}", "customer-types directory: {}")),
                      problem));
      continue;
    }
    found = true;
    for (auto& file : yaml_files_in(dir)) {
      load_customer_types_file(file, types, diagnostics);
      files.push_back(std::move(file));
    }
  }
  return found;
}

// Each preset's concepts, where its file names them.
void check_presets(const CustomerTypes& types, const ConceptIndex& concepts,
                   Diagnostics& diagnostics) {
  for (const auto& [name, preset] : types) {
    for (const MarkedText& reaction : preset.reacts_to_concepts)
      concepts.resolve(reaction.text, preset.file, reaction.mark, diagnostics);
  }
}

// Without any folder of presets a customer type means nothing: the scenario would run with
// default anger and reactions, which no trainer meant.
bool type_found(const Scenario& scenario, bool have_presets, const std::vector<std::string>& dirs,
                Diagnostics& diagnostics) {
  if (have_presets || scenario.customer.type.empty()) return true;
  std::string names;
  for (const auto& dir : dirs) names += (names.empty() ? "" : ", ") + dir;
  diagnostics.error(scenario.file, scenario.customer.type_mark,
                    fmt::format(fmt::runtime(tr("找不到客户类型 `{}`:没有客户类型目录 {}",
                                                "customer type `{}` cannot be found: there is no "
                                                "customer-types directory {}")),
                                utf8::quote(scenario.customer.type), utf8::show_name(names)));
  return false;
}

// A start or limit that comes from the customer type, with the other from the scenario (each on
// its own is checked where it is written): reported at the type, which brought them together.
bool start_below_limit(const Scenario& scenario, Diagnostics& diagnostics) {
  const Temper& temper = scenario.customer.temper;
  std::string problem = start_at_limit_problem(temper.start, temper.limit);
  if (problem.empty()) return true;
  // Both from the type: its own file has the error already.
  if (!scenario.customer.start_override && !scenario.customer.limit_override) return false;
  diagnostics.error(scenario.file, scenario.customer.type_mark,
                    fmt::format(fmt::runtime(tr("客户类型 `{}` 与本场景合起来:{}",
                                                "customer type `{}` with this "
                                                "scenario's customer: {}")),
                                utf8::quote(scenario.customer.type), problem));
  return false;
}

// Which file holds a scenario id, and where in it the id is written.
struct IdHolder {
  std::string file;
  SourceMark mark;
};

bool named_after(const std::string& file, const std::string& id) {
  return fs::path(file).stem() == id;
}

enum class IdClaim { first, taken_over, refused };

// Whether `scenario` may have its id. The file named after the id keeps it: a copy made to draft
// a variant must not replace the scenario trainees practise. The file that loses is reported at
// its `id:`.
IdClaim claim_id(const Scenario& scenario, std::map<std::string, IdHolder>& holder_of,
                 Diagnostics& diagnostics) {
  const IdHolder claimant{scenario.file, scenario.id_mark};
  const auto [held, first] = holder_of.emplace(scenario.id, claimant);
  if (first) return IdClaim::first;
  const bool take_over =
      named_after(claimant.file, scenario.id) && !named_after(held->second.file, scenario.id);
  const IdHolder& loser = take_over ? held->second : claimant;
  const IdHolder& winner = take_over ? claimant : held->second;
  diagnostics.error(loser.file, loser.mark,
                    fmt::format(fmt::runtime(tr("场景 id `{}` 已在 {} 中使用,这个文件没有载入",
                                                "scenario id `{}` is already used by {}; this "
                                                "file is not loaded")),
                                scenario.id, utf8::show_name(winner.file)));
  if (!take_over) return IdClaim::refused;
  held->second = claimant;
  return IdClaim::taken_over;
}

}  // namespace

std::vector<std::string> preset_dirs_beside(const std::vector<std::string>& lexicon_dirs) {
  std::vector<std::string> dirs;
  for (const auto& dir : lexicon_dirs)
    dirs.push_back((fs::path(dir).parent_path() / "customer-types").string());
  return dirs;
}

ScenarioLibrary ScenarioLibrary::load(const std::vector<std::string>& scenario_paths,
                                      const std::vector<std::string>& lexicon_dirs,
                                      Diagnostics& diagnostics) {
  return load({.scenarios = scenario_paths,
               .lexicon_dirs = lexicon_dirs,
               .preset_dirs = preset_dirs_beside(lexicon_dirs)},
              diagnostics);
}

ScenarioLibrary ScenarioLibrary::load(const LibrarySources& sources, Diagnostics& diagnostics) {
  ScenarioLibrary library;
  const std::size_t problems_before = diagnostics.problems();
  auto lexicon = std::make_shared<Lexicon>();
  const LexiconsLoaded loaded =
      load_lexicons(sources, *lexicon, library.lexicon_files_, diagnostics);
  bool lexicons_complete = loaded.complete;
  const LexiconBudget budget = check_lexicon_budget(*lexicon, diagnostics);
  if (!budget.within) {
    // Over budget, the lexicons would cost what the limit is there to prevent; without them
    // no scenario can be scored.
    lexicon->clear();
    lexicons_complete = false;
  }
  library.concepts_ = std::make_unique<ConceptIndex>(lexicon, diagnostics);
  if (!loaded.first_in_error.empty()) library.concepts_->count_unknown_concepts();
  CustomerTypes customer_types;
  const bool have_presets =
      load_presets(sources, customer_types, library.preset_files_, diagnostics);
  if (lexicons_complete) check_presets(customer_types, *library.concepts_, diagnostics);
  library.shared_files_sound_ = lexicons_complete && diagnostics.problems() == problems_before;

  PhraseCount phrases = budget.phrases;
  std::map<std::string, IdHolder> holder_of;
  for (const auto& file : expand_yaml_paths(
           sources.scenarios, false,
           tr("目录中没有场景文件(*.yaml)", "no scenario files (*.yaml) in this directory"),
           diagnostics)) {
    library.files_.push_back(file);
    auto read = read_scenario_file(file, diagnostics);
    if (!read) continue;
    if (!read->complete) {
      if (lexicons_complete) Rubric::check_rules(read->scenario, *library.concepts_, diagnostics);
      continue;
    }
    std::optional<Scenario> scenario = std::move(read->scenario);
    const IdClaim claim = claim_id(*scenario, holder_of, diagnostics);
    if (claim == IdClaim::refused) continue;
    if (claim == IdClaim::taken_over)
      std::erase_if(library.rubrics_,
                    [&](const Rubric& rubric) { return rubric.scenario().id == scenario->id; });
    if (!lexicons_complete ||
        !type_found(*scenario, have_presets, sources.preset_dirs, diagnostics))
      continue;
    resolve_temper(scenario->customer, customer_types);
    if (!start_below_limit(*scenario, diagnostics)) continue;
    auto shared = std::make_shared<const Scenario>(std::move(*scenario));
    auto rubric = Rubric::compile(shared, *library.concepts_, diagnostics);
    if (rubric && scenario_within_budget(*shared, budget.pattern_instructions, diagnostics) &&
        scenario_phrases_within_budget(*shared, phrases, diagnostics))
      library.rubrics_.push_back(std::move(*rubric));
  }
  note_counted_unknowns(*library.concepts_, loaded.first_in_error, diagnostics);
  return library;
}

std::string shared_files_broken_text() {
  return std::string(
      tr("词库或客户类型文件有问题(见上),评分依据不完整,所以什么都不评:"
         "先修好它们(coach validate 会逐条指出)",
         "a lexicon or customer-type file has a problem (see above): without it "
         "the rubric is incomplete, so nothing is scored. Fix it first (coach "
         "validate lists each problem)"));
}

const std::string* ScenarioLibrary::file_named_after(const std::string& id) const {
  const auto file = std::find_if(files_.begin(), files_.end(),
                                 [&](const std::string& f) { return named_after(f, id); });
  return file == files_.end() ? nullptr : &*file;
}

const Rubric* ScenarioLibrary::find(const std::string& id) const {
  for (const auto& rubric : rubrics_) {
    if (rubric.scenario().id == id) return &rubric;
  }
  return nullptr;
}

std::string unknown_scenario_text(const std::string& id, const ScenarioLibrary& library) {
  // Its file is there but did not load: "unknown" would send the trainer looking for a typo
  // (outside pass 48, finding 16).
  if (const std::string* file = library.file_named_after(id))
    return fmt::format(fmt::runtime(tr("场景 `{}` 没有载入:见上方的问题(它的文件是 {})",
                                       "scenario `{}` is not loaded: see the problems above (its "
                                       "file is {})")),
                       utf8::quote(id), utf8::show_name(*file));
  return fmt::format(fmt::runtime(tr("未知的场景 `{}`{};用 `coach list` 查看全部",
                                     "unknown scenario `{}`{}; see `coach list`")),
                     utf8::quote(id), did_you_mean(closest_scenario_id(id, library)));
}

std::optional<std::string> closest_scenario_id(const std::string& id,
                                               const ScenarioLibrary& library) {
  std::vector<std::string_view> ids;
  for (const Rubric& rubric : library.rubrics()) ids.push_back(rubric.scenario().id);
  return closest_name(id, ids);
}

}  // namespace coach
