#include "engine/concept_index.hpp"

#include <fmt/format.h>

#include "util/closest_name.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {

const std::string& CompiledConcept::label() const {
  if (language() == Language::en && !definition->label_en.empty()) return definition->label_en;
  return definition->label;
}

ConceptIndex::ConceptIndex(std::shared_ptr<const Lexicon> lexicon, Diagnostics& diagnostics)
    : lexicon_(std::move(lexicon)) {
  for (const auto& [id, definition] : *lexicon_) {
    auto matcher = std::make_shared<const PhraseMatcher>(definition.phrases, definition.patterns,
                                                         definition.file, diagnostics);
    concepts_.emplace(id, CompiledConcept{&definition, std::move(matcher), concepts_.size()});
  }
  by_index_.resize(concepts_.size());
  for (const auto& [id, compiled] : concepts_) {
    by_index_[compiled.index] = &compiled;
    if (compiled.definition->forbidden_everywhere) forbidden_everywhere_.push_back(&compiled);
  }
}

ReplyScan ConceptIndex::scan(const NormalizedText& reply) const {
  if (!scanner_) {
    std::vector<const PhraseMatcher*> matchers;
    for (const CompiledConcept* compiled : by_index_) matchers.push_back(compiled->matcher.get());
    scanner_ = std::make_unique<LexiconScanner>(matchers);
  }
  return scanner_->scan(reply);
}

const CompiledConcept* ConceptIndex::find(const std::string& id) const {
  auto it = concepts_.find(id);
  return it == concepts_.end() ? nullptr : &it->second;
}

const CompiledConcept* ConceptIndex::resolve(const std::string& id, const std::string& file,
                                             SourceMark mark, Diagnostics& diagnostics) const {
  if (const auto* found = find(id)) return found;
  if (counts_unknown_) {
    ++unknown_counted_;
    return nullptr;
  }
  std::string known;
  std::vector<std::string_view> names;
  for (const auto& [name, unused] : *lexicon_) {
    known += (known.empty() ? "" : ", ") + name;
    names.push_back(name);
  }
  diagnostics.error(file, mark,
                    fmt::format(fmt::runtime(tr("未知的概念 `{}`{};词库中有: {}",
                                                "unknown concept `{}`{}; the lexicons define: {}")),
                                utf8::quote(id), did_you_mean(id, names),
                                known.empty() ? std::string(tr("(无)", "(none)")) : known));
  return nullptr;
}

}  // namespace coach
