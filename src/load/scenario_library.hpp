#pragma once
// The scenarios a command works on: lexicons loaded and compiled once, every scenario file
// loaded and compiled into a rubric. Problems are collected, never thrown.
#include <memory>
#include <string>
#include <vector>

#include "engine/concept_index.hpp"
#include "engine/rubric.hpp"
#include "load/yaml_files.hpp"
#include "util/diagnostic.hpp"

namespace coach {

class ScenarioLibrary {
 public:
  // `scenario_paths`: scenario files or directories of them (*.yaml, not recursive).
  // `lexicon_dirs`: directories of lexicon files.
  static ScenarioLibrary load(const std::vector<std::string>& scenario_paths,
                              const std::vector<std::string>& lexicon_dirs,
                              Diagnostics& diagnostics);

  const std::vector<Rubric>& rubrics() const { return rubrics_; }
  const Rubric* find(const std::string& id) const;
  const ConceptIndex& concepts() const { return *concepts_; }
  // Scenario files that were read, valid or not.
  const std::vector<std::string>& files() const { return files_; }
  // The lexicon files and customer-type preset files that were read: a verdict depends on them
  // as much as on the scenario (the presets decide when a customer walks out).
  const std::vector<std::string>& lexicon_files() const { return lexicon_files_; }
  const std::vector<std::string>& preset_files() const { return preset_files_; }

 private:
  std::unique_ptr<ConceptIndex> concepts_ = std::make_unique<ConceptIndex>();
  std::vector<Rubric> rubrics_;
  std::vector<std::string> files_;
  std::vector<std::string> lexicon_files_;
  std::vector<std::string> preset_files_;
};

}  // namespace coach
