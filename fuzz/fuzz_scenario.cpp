// libFuzzer target: a scenario file (and, when the input says so, a lexicon file) read and
// compiled into a rubric, as `coach validate` does. Bad input must give diagnostics, never a
// crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/concept_index.hpp"
#include "engine/rubric.hpp"
#include "load/lexicon_loader.hpp"
#include "load/scenario_loader.hpp"
#include "util/utf8.hpp"

namespace {

// A small lexicon so the scenario's concept references can resolve.
constexpr const char* kLexicon = R"(concepts:
  apology: {label: 道歉, source: fuzz, phrases: [对不起, 抱歉], patterns: ['让您(久等|受累)了']}
  empathy: {label: 同理心, source: fuzz, phrases: [您的心情我很理解]}
  blame: {label: 指责客户, source: fuzz, phrases: [您弄错了]}
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  // The loaders expect what read_text_file hands them: valid UTF-8.
  if (coach::utf8::find_invalid(content)) return -1;
  coach::Diagnostics diagnostics;
  auto lexicon = std::make_shared<coach::Lexicon>();
  coach::parse_lexicon(kLexicon, "lexicon.yaml", *lexicon, diagnostics);
  // The same bytes as a lexicon file too: it shares the reader and has its own schema.
  coach::parse_lexicon(content, "fuzz-lexicon.yaml", *lexicon, diagnostics);
  const coach::ConceptIndex concepts(lexicon, diagnostics);
  if (auto scenario = coach::parse_scenario(content, "fuzz.yaml", diagnostics)) {
    coach::Rubric::compile(std::make_shared<const coach::Scenario>(std::move(*scenario)), concepts,
                           diagnostics);
  }
  for (const auto& item : diagnostics.items()) (void)item.to_string();
  return 0;
}
