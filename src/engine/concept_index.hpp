#pragma once
// The lexicon compiled for matching: one PhraseMatcher per concept, and one scanner that finds
// them all in a single pass, built once and shared by every scenario.
#include <map>
#include <memory>
#include <string>

#include "engine/lexicon_scanner.hpp"
#include "engine/phrase_matcher.hpp"
#include "model/lexicon.hpp"

namespace coach {

struct CompiledConcept {
  const Concept* definition = nullptr;
  std::shared_ptr<const PhraseMatcher> matcher;
  std::size_t index = 0;  // its group in a ReplyScan

  const std::string& label() const;  // in the current language
};

class ConceptIndex {
 public:
  ConceptIndex() = default;
  // Pattern errors are reported against the lexicon files.
  ConceptIndex(std::shared_ptr<const Lexicon> lexicon, Diagnostics& diagnostics);

  const CompiledConcept* find(const std::string& id) const;
  // The same, or null with "unknown concept" reported at `mark` of `file`.
  const CompiledConcept* resolve(const std::string& id, const std::string& file, SourceMark mark,
                                 Diagnostics& diagnostics) const;
  // While the lexicons are known to be incomplete (a file of them unreadable, or in error), an
  // unknown concept is counted instead: most are that file's own concepts, and a line for each
  // buried the one real cause under eighty (outside pass 50, finding 6).
  void count_unknown_concepts() { counts_unknown_ = true; }
  std::size_t unknown_concepts_counted() const { return unknown_counted_; }
  const Lexicon& lexicon() const { return *lexicon_; }
  const std::map<std::string, CompiledConcept>& all() const { return concepts_; }
  // Concept number `index` (CompiledConcept::index), as a ReplyScan numbers them.
  const CompiledConcept& at(std::size_t index) const { return *by_index_[index]; }
  std::size_t size() const { return by_index_.size(); }
  // The concepts no step may say (Concept::forbidden_everywhere).
  const std::vector<const CompiledConcept*>& forbidden_everywhere() const {
    return forbidden_everywhere_;
  }

  // Every concept's occurrences in the reply, in one pass.
  // The scanner is built on the first call: `list` and `show` never pay for it. Not
  // thread-safe, like the character folder the normaliser shares.
  ReplyScan scan(const NormalizedText& reply) const;

 private:
  std::shared_ptr<const Lexicon> lexicon_ = std::make_shared<Lexicon>();
  std::map<std::string, CompiledConcept> concepts_;
  std::vector<const CompiledConcept*> by_index_;
  std::vector<const CompiledConcept*> forbidden_everywhere_;
  mutable std::unique_ptr<LexiconScanner> scanner_;
  bool counts_unknown_ = false;
  mutable std::size_t unknown_counted_ = 0;
};

}  // namespace coach
