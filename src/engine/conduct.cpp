#include "engine/conduct.hpp"

#include <algorithm>

#include "engine/rubric.hpp"
#include "engine/rule_evaluator.hpp"
#include "util/i18n.hpp"

namespace coach {

std::vector<std::shared_ptr<const Rule>> conduct_rules(const ConceptIndex& concepts) {
  std::vector<std::shared_ptr<const Rule>> rules;
  for (const CompiledConcept* concept_entry : concepts.forbidden_everywhere()) {
    const std::string& id = concept_entry->definition->id;
    auto rule = std::make_shared<Rule>();
    rule->kind = RuleKind::concept_forbidden;
    rule->concept_id = id;
    rule->critical = true;
    rule->points = 0;
    rule->feedback = std::string(tr("这类话在任何一步都不能说:它伤害客户,只会让投诉升级。",
                                    "Never say this, at any step: it hurts the customer and "
                                    "escalates the complaint."));
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::vector<RuleResult> conduct_breaches(const CompiledStep& step, const NormalizedText& reply,
                                         const ReplyScan& scan, const Customer& customer) {
  std::vector<RuleResult> breaches;
  for (const CompiledRule& rule : *step.conduct) {
    if (rule.rule->kind == RuleKind::concept_forbidden) {
      const CompiledConcept* concept_entry = rule.concepts.front();
      if (scan.of(concept_entry->index).empty()) continue;  // none of it said: nothing to judge
      if (std::find(step.judged_here.begin(), step.judged_here.end(), concept_entry) !=
          step.judged_here.end())
        continue;
    }
    RuleResult result = evaluate_rule(rule, reply, scan, customer);
    if (!result.ok) breaches.push_back(std::move(result));
  }
  return breaches;
}

}  // namespace coach
