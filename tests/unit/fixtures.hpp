#pragma once
// A small lexicon and scenario for the engine's tests, independent of the bundled ones.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/concept_index.hpp"
#include "engine/pattern_syntax.hpp"
#include "engine/rubric.hpp"
#include "load/customer_types_loader.hpp"
#include "load/lexicon_loader.hpp"
#include "load/scenario_loader.hpp"

namespace coach::test {

// A load-time check of a pattern (unmatchable_piece, ascii_only_escape …), given the tokens the
// load reads once for all of them.
template <typename Check>
auto check_pattern(Check check, std::string_view pattern) {
  return check(pattern, pattern_tokens(pattern));
}

inline const char* kLexicon = R"(concepts:
  apology:
    label: 道歉
    label_en: apology
    source: test
    phrases: [对不起, 抱歉, 给您添麻烦了, 不好意思]
  empathy:
    label: 同理心
    source: test
    phrases: [您的心情我很理解, 我理解您的心情]
  blame:
    label: 指责客户
    source: test
    phrases: [你弄错了, 您弄错了, 这不可能]
  explain:
    label: 解释
    source: test
    phrases: [原因是, 因为]
  abuse:
    label: 辱骂客户
    source: test
    forbidden_everywhere: true
    phrases: [笨蛋]
  polite_address:
    label: 礼貌称谓
    source: test
    phrases: [先生, 女士, 小姐]
  restate:
    label: 复述
    source: test
    phrases: [您的意思是]
    patterns: [',(对吧|对吗)(\?|$)']
  invite:
    label: 请客户倾诉
    source: test
    phrases: [您慢慢说, 如果您愿意告诉]
    patterns: ['如果您愿意[^,.!?;]*告诉']
)";

// A scenario whose single step holds `rules` (YAML flow mappings, one per line), its customer
// named `customer` (no name when empty).
inline std::string scenario_with_rules(const std::string& rules,
                                       const std::string& customer = "王先生") {
  const std::string named = customer.empty() ? "" : "customer: {name: " + customer + "}\n";
  return "id: t\ntitle: T\nsource: test\n" + named +
         "briefing: b\nsteps:\n  - id: s\n    stage: vent\n    customer: c\n    rules:\n" + rules +
         "    model_answers: [x]\n";
}

// Whether the customer's `mood`, `limit` and `reacts_to` are put in force as the library loader
// puts them (there are no customer types here); most tests score replies and need no temper.
enum class Temper { as_written, in_force };

// Owns everything a rubric points into: `scenario_yaml` over `lexicon_yaml`.
struct Fixture {
  std::shared_ptr<Lexicon> lexicon = std::make_shared<Lexicon>();
  std::unique_ptr<ConceptIndex> concepts;
  std::optional<Rubric> rubric;
  Diagnostics diagnostics;

  explicit Fixture(const std::string& scenario_yaml, const char* lexicon_yaml = kLexicon,
                   Temper temper = Temper::as_written) {
    parse_lexicon(lexicon_yaml, "lexicon.yaml", *lexicon, diagnostics);
    concepts = std::make_unique<ConceptIndex>(lexicon, diagnostics);
    if (auto scenario = parse_scenario(scenario_yaml, "t.yaml", diagnostics)) {
      if (temper == Temper::in_force) resolve_temper(scenario->customer, CustomerTypes{});
      rubric = Rubric::compile(std::make_shared<const Scenario>(std::move(*scenario)), *concepts,
                               diagnostics);
    }
  }
};

}  // namespace coach::test
