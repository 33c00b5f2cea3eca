#pragma once
// A reply written as the rubric's outline rather than said to the customer: its items labelled
// with the rubric's own names (称谓:王先生;道歉:对不起;复述:…, 【移情】您的心情我很理解). Each item
// may be a fine phrase, but the whole is a filled-in form, and certification could be gamed by it
// as by a list of keywords (outside pass 53, finding 3).
#include <vector>

#include "engine/concept_index.hpp"
#include "engine/result.hpp"
#include "text/clauses.hpp"
#include "text/normalizer.hpp"

namespace coach {

// Whether the reply labels three or more of its items with the names of the lexicon's concepts,
// of the step's rules or of the documents' moves (开放式问题, 复述), as `LABEL:` or in brackets,
// or calls itself a keyword list (关键词:…). `rules` are the step's verdicts (their descriptions).
bool is_filled_in_form(const NormalizedText& reply, const std::vector<Clause>& clauses,
                       const std::vector<RuleResult>& rules, const ConceptIndex& concepts);

}  // namespace coach
