#pragma once
// A scenario compiled against the lexicon: every rule resolved to its matchers, ready to score
// replies. Unknown concepts and invalid patterns are reported here, with file:line:column.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/address_forms.hpp"
#include "engine/concept_index.hpp"
#include "engine/trainer_pattern.hpp"
#include "model/scenario.hpp"
#include "util/shared_text.hpp"

namespace coach {

// One item of an `order` rule: a concept, or what another rule of the step matches (its regex
// or its phrases).
struct OrderItem {
  const CompiledConcept* concept_entry = nullptr;
  std::shared_ptr<const TrainerPattern> regex;
  std::shared_ptr<const PhraseMatcher> phrases;
  std::string label;
};

struct CompiledRule {
  const Rule* rule = nullptr;
  std::vector<const CompiledConcept*> concepts;  // concept, forbid: one
  std::vector<OrderItem> order;                  // order
  std::shared_ptr<const PhraseMatcher> phrases;  // any_of, all_of, none_of
  std::shared_ptr<const TrainerPattern> regex;   // regex
  AddressForms address_forms;                    // addresses_customer
  std::vector<std::string> misfit_titles;        // concept: titles that must not count
  SharedText description;                        // describe_rule, in the language at compile
  SharedText praise;    // the rule's own, shared with every result (RuleResult::feedback)
  SharedText feedback;  // the same
  std::string absence;  // describe_absence for a required concept, in the language at compile
  // The rule's own `critical`, or true when it forbids a concept the lexicon forbids
  // everywhere: a step's own rule gives its feedback and points, never a pass to say it.
  bool critical = false;
};

struct CompiledStep {
  const Step* step = nullptr;
  std::vector<CompiledRule> rules;
  // What no step may say though its rules do not name it (engine/conduct): reported only when
  // broken. One list for all the scenario's steps: a lexicon of thousands of such concepts
  // made a copy for every step (88 KB a concept in the bundled library).
  std::shared_ptr<const std::vector<CompiledRule>> conduct;
  // The concepts this step forbids critically with rules of its own, whose feedback is the one
  // reported.
  std::vector<const CompiledConcept*> judged_here;
  const ConceptIndex* concepts = nullptr;  // the whole lexicon (never null once compiled)
  // The customer's surname and sex, which no form of address may contradict in any step
  // (engine/wrong_address).
  NameParts customer;
  // Whether the scenario is played in Chinese: a reply mostly in another language then fails
  // (engine/reply_language).
  bool speaks_chinese = false;
};

class Rubric {
 public:
  // The index must outlive the rubric.
  static std::optional<Rubric> compile(std::shared_ptr<const Scenario> scenario,
                                       const ConceptIndex& concepts, Diagnostics& diagnostics);
  // Each rule checked alone (its concepts exist, its pattern compiles), for a scenario whose
  // file has other errors, so they are all reported in one round. What depends on the rest of
  // the file (the customer's name, conditions on the anger) waits until that is mended.
  static void check_rules(const Scenario& scenario, const ConceptIndex& concepts,
                          Diagnostics& diagnostics);

  const Scenario& scenario() const { return *scenario_; }
  const std::vector<CompiledStep>& steps() const { return steps_; }
  const CompiledStep* find_step(const std::string& id) const;
  // The scenario's own `never_say` rules, compiled: the end of every step's conduct list.
  std::span<const CompiledRule> never_say() const;

 private:
  std::shared_ptr<const Scenario> scenario_;
  std::vector<CompiledStep> steps_;
  std::vector<std::shared_ptr<const Rule>> conduct_rules_;  // what `conduct` points into
};

// The YAML key that names a rule kind ("concept", "forbid" …).
std::string_view rule_kind_key(RuleKind kind);

}  // namespace coach
