#include "engine/conduct.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/i18n.hpp"

namespace coach {
namespace {

bool judged_by_step(const CompiledStep& step, const CompiledConcept& concept_entry) {
  return std::any_of(step.rules.begin(), step.rules.end(), [&](const CompiledRule& rule) {
    return rule.rule->kind == RuleKind::concept_forbidden &&
           rule.concepts.front() == &concept_entry;
  });
}

RuleResult breach(const CompiledConcept& concept_entry, const NormalizedText& reply,
                  std::vector<TextSpan> evidence) {
  RuleResult result;
  result.kind = "forbid";
  result.description =
      fmt::format(fmt::runtime(tr("避免「{}」", "avoids {}")), concept_entry.label());
  result.ok = false;
  result.critical = true;
  result.matched = std::move(evidence);
  const TextSpan first = result.matched.front();
  result.detail = fmt::format(
      fmt::runtime(tr("不要说「{}」类的话:“{}”。", "avoid {}: “{}”.")), concept_entry.label(),
      std::string_view(reply.original).substr(first.begin, first.end - first.begin));
  result.feedback =
      std::string(tr("这类话在任何一步都不能说:它伤害客户,只会让投诉升级。",
                     "Never say this, at any step: it hurts the customer and escalates the "
                     "complaint."));
  return result;
}

}  // namespace

std::vector<RuleResult> conduct_breaches(const CompiledStep& step, const NormalizedText& reply,
                                         const ReplyScan& scan) {
  std::vector<RuleResult> breaches;
  for (const CompiledConcept* concept_entry : step.concepts->forbidden_everywhere()) {
    if (judged_by_step(step, *concept_entry)) continue;
    std::vector<TextSpan> evidence;
    for (const PhraseMatch& match : scan.of(concept_entry->index)) {
      if (counts(match, true, true)) evidence.push_back(reply.to_original(match.span));
    }
    if (!evidence.empty()) breaches.push_back(breach(*concept_entry, reply, std::move(evidence)));
  }
  return breaches;
}

}  // namespace coach
