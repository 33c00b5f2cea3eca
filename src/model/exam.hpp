#pragma once
// A certification exam: which scenarios a trainee must pass, and how strictly
// (docs/exam-format.md).
#include <optional>
#include <string>
#include <vector>

#include "model/marked_text.hpp"
#include "model/stage.hpp"

namespace coach {

struct Exam {
  std::string id;
  std::string title;
  std::vector<MarkedText> scenario_ids;  // in the exam's order; each must be passed
  std::optional<int> pass_mark;          // replaces each scenario's own pass mark when set
  std::vector<Stage> must_pass_stages;   // a step of these stages that fails fails the attempt
  std::vector<MarkedText> must_pass_concepts;  // a rule on these concepts must never fail
  int attempts = 1;  // attempts per scenario that count; later ones are reported, not counted
  std::string file;
};

}  // namespace coach
