#pragma once
// Scores replies: a step from its rules, an attempt from its steps (see README, "Scoring").
#include <optional>
#include <string>
#include <string_view>

#include "engine/repeated_answer.hpp"
#include "engine/reply_scan.hpp"
#include "engine/result.hpp"
#include "engine/rubric.hpp"
#include "model/answers.hpp"
#include "text/normalizer.hpp"

namespace coach {

// The same for a reply already normalised and scanned for the lexicon's concepts (the
// conversation needs both too: each is done once per reply).
StepResult score_step(const CompiledStep& step, const Scenario& scenario,
                      const NormalizedText& reply, const ReplyScan& scan, bool replied);

// A reply scored at a step, with the concepts found in it and its wording: what a conversation
// moves on, and holds against the replies after it.
struct ScoredReply {
  ReplyScan scan;
  StepResult result;
  ReplyWording wording;
};

// `reply` is nullopt when the step was not answered (it then scores zero).
ScoredReply score_reply(const CompiledStep& step, const Scenario& scenario,
                        std::optional<std::string_view> reply);
StepResult score_step(const CompiledStep& step, const Scenario& scenario,
                      std::optional<std::string_view> reply);

AttemptResult score_attempt(const Rubric& rubric, const Attempt& attempt,
                            const std::string& trainee, const std::string& file);

// Combines step results into the attempt's score and verdict.
void total_attempt(AttemptResult& attempt);
// The attempt's score before rounding: the steps' ratios weighted by the steps' weights, 0–100.
// A mean of several attempts is taken of these and rounded once.
double unrounded_score(const AttemptResult& attempt);
// A score as reports give it: one decimal, half away from zero.
double rounded_score(double score);

// Responses for steps the scenario does not have are reported (likely a typo in a step id).
void check_attempt_steps(const Rubric& rubric, const Attempt& attempt, const std::string& file,
                         Diagnostics& diagnostics);

}  // namespace coach
