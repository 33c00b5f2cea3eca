#pragma once
// Keyword stuffing: a reply that strings rubric phrases together without saying anything
// (对不起抱歉不好意思您的心情我很理解谢谢, 王先生,原因是,办理,今天之内), or says one sentence over
// and over, must not pass, or certification could be gamed.
#include <optional>
#include <vector>

#include "engine/concept_index.hpp"
#include "engine/reply_scan.hpp"
#include "engine/result.hpp"
#include "text/clauses.hpp"
#include "text/normalizer.hpp"

namespace coach {

// Why a reply is no answer: rubric phrases strung together, the same sentence said three times
// or more, or the rubric's outline filled in (engine/rubric_form).
enum class Stuffing { keywords, repetition, form };

// Keywords are judged from the phrases of every concept found in the reply (not only the step's
// own), and what the step's rules matched (the customer's name, any_of lists). `clauses` are the
// reply's (split_clauses of its normalised text), split once for every check that reads them.
std::optional<Stuffing> find_stuffing(const NormalizedText& reply,
                                      const std::vector<Clause>& clauses, const ReplyScan& scan,
                                      const std::vector<RuleResult>& rules,
                                      const ConceptIndex& concepts);

// The verdict added to a step found stuffed.
RuleResult stuffing_result(Stuffing why);

}  // namespace coach
