#pragma once
// `coach show` for people: the briefing, how the customer's anger moves, and the steps as a
// trainee meets them — the main line numbered, the steps a reply may insert hanging off it.
#include <string>

#include "engine/rubric.hpp"
#include "report/style.hpp"

namespace coach::cli {

std::string scenario_text(const Rubric& rubric, const Style& style);

// A concept as trainers know it: its label (in the current language); the id when the lexicon
// does not define it.
std::string concept_label(const Rubric& rubric, const std::string& concept_id);

}  // namespace coach::cli
