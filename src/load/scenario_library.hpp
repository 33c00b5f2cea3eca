#pragma once
// The scenarios a command works on: lexicons loaded and compiled once, every scenario file
// loaded and compiled into a rubric. Problems are collected, never thrown.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/concept_index.hpp"
#include "engine/rubric.hpp"
#include "load/yaml_files.hpp"
#include "util/diagnostic.hpp"

namespace coach {

// Where the library is read from.
struct LibrarySources {
  std::vector<std::string> scenarios;      // scenario files or directories of them (not recursive)
  std::vector<std::string> lexicon_dirs;   // directories of lexicon files
  std::vector<std::string> preset_dirs;    // directories of customer-type files (may be missing)
  std::vector<std::string> lexicon_files;  // lexicon files named on their own
  std::vector<std::string> preset_files;   // customer-type files named on their own
};

class ScenarioLibrary {
 public:
  static ScenarioLibrary load(const LibrarySources& sources, Diagnostics& diagnostics);
  // The scenarios of `scenario_paths` with the lexicons of `lexicon_dirs` and the customer
  // types of the `customer-types/` beside each.
  static ScenarioLibrary load(const std::vector<std::string>& scenario_paths,
                              const std::vector<std::string>& lexicon_dirs,
                              Diagnostics& diagnostics);

  const std::vector<Rubric>& rubrics() const { return rubrics_; }
  const Rubric* find(const std::string& id) const;
  const ConceptIndex& concepts() const { return *concepts_; }
  // Scenario files that were read, valid or not.
  const std::vector<std::string>& files() const { return files_; }
  // The file named after scenario `id` (`fee.yaml` for `fee`) that was read, loaded or not.
  const std::string* file_named_after(const std::string& id) const;
  // The lexicon files and customer-type preset files that were read: a verdict depends on them
  // as much as on the scenario (the presets decide when a customer walks out).
  const std::vector<std::string>& lexicon_files() const { return lexicon_files_; }
  const std::vector<std::string>& preset_files() const { return preset_files_; }
  // Whether every lexicon and customer-type file loaded without a problem. Every verdict rests
  // on them (a concept forbidden everywhere, a customer's anger), so a command that scores
  // refuses a library where one did not: what did load would grade against a rubric no trainer
  // wrote (outside pass 48: a broken types.yaml changed a customer's path, a second definition
  // of `abuse` let an insult pass).
  bool shared_files_sound() const { return shared_files_sound_; }

 private:
  std::unique_ptr<ConceptIndex> concepts_ = std::make_unique<ConceptIndex>();
  std::vector<Rubric> rubrics_;
  std::vector<std::string> files_;
  std::vector<std::string> lexicon_files_;
  std::vector<std::string> preset_files_;
  bool shared_files_sound_ = true;
};

// Why a command that scores stops when the lexicons or customer types have a problem.
std::string shared_files_broken_text();

// "unknown scenario `X` (did you mean `Y`?); see `coach list`", for an id an answers file or an
// exam names.
std::string unknown_scenario_text(const std::string& id, const ScenarioLibrary& library);
// The id of the library nearest to `id`, when it is near enough to be a typo of it.
std::optional<std::string> closest_scenario_id(const std::string& id,
                                               const ScenarioLibrary& library);

// The `customer-types/` folders beside these lexicon folders, where the presets live.
std::vector<std::string> preset_dirs_beside(const std::vector<std::string>& lexicon_dirs);

}  // namespace coach
