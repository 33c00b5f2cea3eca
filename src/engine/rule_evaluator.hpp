#pragma once
// Judges one reply against one rule and explains the verdict.
#include <span>

#include "engine/reply_scan.hpp"
#include "engine/result.hpp"
#include "engine/rubric.hpp"
#include "text/normalizer.hpp"

namespace coach {

// `scan` holds the lexicon's concepts found in the reply (ConceptIndex::scan). `misconduct` is
// where the reply (as typed) does what a rule of its step forbids: a question there earns no
// question points (您是不是算错了? doubts the customer; it does not gather facts).
RuleResult evaluate_rule(const CompiledRule& rule, const NormalizedText& reply,
                         const ReplyScan& scan, const Customer& customer,
                         std::span<const TextSpan> misconduct = {});

// What the rule asks for, in the current language ("体现「道歉」"). Rubric::compile keeps it in
// CompiledRule::description, so it is made once, not per reply.
std::string describe_rule(const CompiledRule& rule);

// What a reply without the required concept of a `concept` rule lacks, with examples
// ("缺少「道歉」,例如:…"). Kept in CompiledRule::absence: most replies lack some concept of
// their step, and formatting it per reply cost 3 % of scoring one.
std::string describe_absence(const CompiledRule& rule);

}  // namespace coach
