#pragma once
// The verdicts of the engine: per rule, per step, per attempt. Plain data for the reporters.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "model/stage.hpp"
#include "text/normalizer.hpp"
#include "util/shared_text.hpp"

namespace coach {

struct RuleResult {
  std::string kind;        // the rule's kind key: concept, forbid, any_of …
  SharedText description;  // what the rule asks for, in the current language
  bool ok = false;
  int points = 0;  // earned
  int max = 0;
  bool critical = false;
  SharedText feedback;            // the trainer's teaching text (on failure) or praise (on success)
  std::string detail;             // what exactly went wrong in this reply, generated
  std::vector<TextSpan> matched;  // where the reply (as typed) satisfied or broke the rule
  std::vector<std::string> missing;  // what was looked for and not found
  // What must never be said (a forbidden concept or phrase, a length not to pass), from the
  // rule's kind (forbids(RuleKind)): a step with no reply said nothing, so it broke none of these.
  bool forbidding = false;

  bool forbids() const { return forbidding; }
};

struct StepResult {
  std::string step_id;
  Stage stage = Stage::vent;
  bool answered = false;
  // False for a step after the customer walked out: it never took place, which is not the
  // trainee leaving it unanswered.
  bool took_place = true;
  std::string reply;
  std::string unscored_reply;  // what the answers file held for a step that never took place
  std::string principle;       // the document's point for the step, behind every verdict
  int weight = 1;
  int score = 0;  // points earned (0 after a critical failure)
  int max = 0;
  bool critical_failed = false;
  bool stuffed = false;  // a string of rubric phrases, not a reply: scores zero
  // The reply earned nothing the step asks for, so the rules that forbid (met by saying
  // nothing) keep their ✓ but earn no points: `好的。` is no reply worth 30 points.
  bool avoidance_points_withheld = false;
  bool passed = false;  // score/max reaches the pass mark with no critical failure
  std::vector<RuleResult> rules;
  std::optional<double> seconds;  // how long the reply took, when recorded
  int time_limit = 0;             // the step's limit in seconds; 0 for none

  // What the trainee typed at `span` (a RuleResult::matched entry).
  std::string_view text_at(TextSpan span) const {
    return std::string_view(reply).substr(span.begin, span.end - span.begin);
  }

  double ratio() const {
    return max > 0 ? static_cast<double>(score) / max : (critical_failed ? 0.0 : 1.0);
  }
  // Out of 100, as every report and screen gives a step (0 for a step not answered): the rules'
  // points (30/130, 0/105) read as another scale.
  long percent() const { return answered ? std::lround(100.0 * ratio()) : 0; }
};

// Whether `rule` counts as failed at `step` in every report: at a step with no reply what the
// rule asked for is missing, but nothing said there broke a rule that forbids.
inline bool rule_failed(const StepResult& step, const RuleResult& rule) {
  return !rule.ok && (step.answered || !rule.forbids());
}

// Whether `rule` alone sets its step to zero, whatever the step's other rules earned: a critical
// mistake, keyword stuffing, a reply given at an earlier step, one meant for another customer or
// in another language (engine/scorer, engine/conversation). Reports show these first.
inline bool zeroes_step(const RuleResult& rule) {
  return !rule.ok && (rule.critical || rule.kind == "coherence" || rule.kind == "repetition" ||
                      rule.kind == "address" || rule.kind == "language");
}

// One thing in a reply that moved the customer's anger: a concept the customer reacts to or a
// rule with a `mood`, named as the trainee knows it (the concept's label or the rule's
// description, in the language of the run), or a reply repeated from an earlier step.
struct MoodCause {
  std::string what;
  int change = 0;  // its share of the change; 0 for calming words the customer did not take in
  // For calming words: the how-manieth step at which they calm (from the second, less each
  // time: the customer has heard them before).
  int time = 1;
};

// Why the calming words of a reply calmed nothing: a reply that fails its step critically, is
// keyword stuffing or repeats an earlier reply does not sound meant, whatever else it says.
enum class CalmingUnheard { no, critical_mistake, stuffing, repetition };

// One turn of the conversation as it happened.
struct PathTurn {
  std::string step_id;
  std::string customer_line;  // as the customer said it
  int mood_before = 0;
  int mood_after = 0;
  // What moved the anger from mood_before to mood_after (the sum may pass 0 or 100, where the
  // anger stops): what angers first, the largest first, then what calms.
  std::vector<MoodCause> mood_causes;
  CalmingUnheard calming_unheard = CalmingUnheard::no;
};

struct SkippedStep {
  std::string step_id;
  std::string reason;
};

struct AttemptResult {
  std::string file;
  std::string trainee;
  std::string scenario_id;
  std::string scenario_title;
  std::string customer_name;  // as practice names the customer; may be empty
  double score = 0;           // 0–100, one decimal
  int pass_mark = 70;
  int max_failed_steps = 1;
  int failed_steps = 0;  // steps below the pass mark (unanswered ones included)
  bool passed = false;
  bool critical_failed = false;
  std::vector<StepResult> steps;
  std::vector<PathTurn> path;
  std::vector<SkippedStep> skipped;
  int final_mood = 0;
  int walk_out_limit = 100;  // the customer's: final_mood may lie past it
  bool walked_out = false;   // the customer was pushed past the limit: the attempt fails

  // The turn at which a step was played; null for a step the conversation never came to.
  const PathTurn* turn_of(const std::string& step_id) const {
    for (const PathTurn& turn : path) {
      if (turn.step_id == step_id) return &turn;
    }
    return nullptr;
  }

  // The verdict from the totals above, wherever the pass mark comes from (the scenario or an
  // exam). A good total can hide two weak steps or a customer who left; a trainer would not
  // certify either.
  bool meets_pass_mark() const {
    return score >= pass_mark && !critical_failed && failed_steps <= max_failed_steps &&
           !walked_out;
  }
};

}  // namespace coach
