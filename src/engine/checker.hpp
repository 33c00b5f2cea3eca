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
};

CheckSummary check_rubric(const Rubric& rubric);

}  // namespace coach
