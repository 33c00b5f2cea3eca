#pragma once
// `coach check`: proves a scenario's rubric does what its author meant — every model answer
// passes its step, every counter-example fails it, and the model answers together pass.
#include "engine/rubric.hpp"
#include "util/diagnostic.hpp"

namespace coach {

struct CheckSummary {
  int model_answers = 0;
  int counter_examples = 0;
  Diagnostics failures;  // each points at the example in the scenario file
  // Branches (a step's `when`, a line of `customer_if`) that neither the model answers nor
  // the counter-examples reach: nobody has tried them, so nobody knows they work.
  Diagnostics unreached;
  // Rules with points that no model answer of their step earns, at the rule: the step passes
  // on the other rules' slack, and nothing shows the rule can be met (a topic word after a
  // negation, 不在三包范围内, counts for none).
  Diagnostics unearned;
  // Rules with points that replies saying nothing meet (`regex: '.'`, `min_chars: 1`): their
  // points go to any reply.
  Diagnostics met_by_anything;
  // Why each counter-example fails its step, at the example (`check --verbose`): one can fail
  // for a reason other than the mistake it was written to show. Empty unless asked for.
  Diagnostics counter_example_reasons;
};

CheckSummary check_rubric(const Rubric& rubric, bool explain_counter_examples = false);

}  // namespace coach
