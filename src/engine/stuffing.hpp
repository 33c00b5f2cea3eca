#pragma once
// Keyword stuffing: a reply that strings rubric phrases together without saying anything
// (对不起抱歉不好意思您的心情我很理解谢谢) must not pass, or certification could be gamed.
#include <vector>

#include "engine/concept_index.hpp"
#include "engine/reply_scan.hpp"
#include "engine/result.hpp"
#include "text/normalizer.hpp"

namespace coach {

// Judged from the phrases of every concept found in the reply (not only the step's own), and
// what the step's rules matched (the customer's name, any_of lists).
bool is_keyword_stuffing(const NormalizedText& reply, const ReplyScan& scan,
                         const std::vector<RuleResult>& rules, const ConceptIndex& concepts);

// The verdict added to a step found stuffed.
RuleResult stuffing_result();

}  // namespace coach
