#pragma once
// What a trainee answered: the input of `grade` and the output of `practice --record`.
#include <map>
#include <string>
#include <vector>

#include "model/marked_text.hpp"

namespace coach {

struct Attempt {
  std::string scenario_id;
  SourceMark scenario_mark;
  std::vector<std::pair<std::string, MarkedText>> responses;  // in file order
  // Earlier tries of a step in `practice` (kept so nothing typed is lost; not graded).
  std::vector<std::pair<std::string, std::vector<std::string>>> earlier_tries;

  const MarkedText* find(const std::string& step_id) const;
};

struct AnswersFile {
  std::string file;
  std::string trainee;
  std::vector<Attempt> attempts;
};

}  // namespace coach
