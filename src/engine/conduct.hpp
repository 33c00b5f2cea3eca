#pragma once
// What no step may say, whatever its rules: the lexicon's concepts marked
// `forbidden_everywhere` (insulting, blaming, brushing off the customer). A scenario written
// before such a concept existed, or a step whose author thought only of its own stage, still
// fails the trainee who says it: by an implicit critical `forbid` rule, judged like any other.
// A scenario's own `never_say` rules (a promise no step of it may make) join them.
#include <memory>
#include <vector>

#include "engine/concept_index.hpp"
#include "engine/reply_scan.hpp"
#include "engine/result.hpp"
#include "model/scenario.hpp"
#include "text/normalizer.hpp"

namespace coach {

struct CompiledStep;

// A critical `forbid` rule for each such concept.
std::vector<std::shared_ptr<const Rule>> conduct_rules(const ConceptIndex& concepts);

// The conduct rules (CompiledStep::conduct) the reply breaks and the step does not judge with a
// rule of its own (CompiledStep::judged_here), as failed results: only the broken ones are
// reported, so a report does not list what nobody wrote for the step.
std::vector<RuleResult> conduct_breaches(const CompiledStep& step, const NormalizedText& reply,
                                         const ReplyScan& scan, const Customer& customer);

}  // namespace coach
