#pragma once
// What no step may say, whatever its rules: the lexicon's concepts marked
// `forbidden_everywhere` (insulting the customer). A scenario written before such a concept
// existed, or a step whose author thought only of its own stage, still fails the trainee who
// says it: critically, as a `forbid` rule would.
#include <vector>

#include "engine/reply_scan.hpp"
#include "engine/result.hpp"
#include "engine/rubric.hpp"
#include "text/normalizer.hpp"

namespace coach {

// One failed, critical `forbid` result per such concept the reply says, except those the step
// already judges with a rule of its own.
std::vector<RuleResult> conduct_breaches(const CompiledStep& step, const NormalizedText& reply,
                                         const ReplyScan& scan);

}  // namespace coach
