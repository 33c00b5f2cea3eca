#pragma once
// What a trainee answered: the input of `grade` and the output of `practice --record`.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/marked_text.hpp"

namespace coach {

// The longest reply scored, in characters: a trainee's, and a scenario's model answer or
// counter-example. No reply to a customer comes near it, and it bounds what one reply costs
// to score (a 3.4 MB counter-example once took `check` 21 s).
constexpr std::size_t kMaxReplyCharacters = 10000;

// One turn of a recorded conversation: what the customer said and the mood after the reply.
struct RecordedTurn {
  std::string step_id;
  std::string customer_line;
  int mood_after = 0;
};

struct Attempt {
  std::string scenario_id;
  SourceMark scenario_mark;
  std::vector<std::pair<std::string, MarkedText>> responses;  // in file order
  // Earlier tries of a step in `practice` (kept so nothing typed is lost; not graded).
  std::vector<std::pair<std::string, std::vector<std::string>>> earlier_tries;
  // How long each reply took, in seconds, when `practice` recorded it.
  std::vector<std::pair<std::string, double>> seconds;
  // The step ids under `earlier_tries:` and `seconds:`, where they are in the file: checked
  // against the scenario as the responses' are.
  std::vector<MarkedText> other_step_keys;
  // The path `practice` took, for the record (grading replays it from the responses).
  std::vector<RecordedTurn> path;

  const MarkedText* find(const std::string& step_id) const;
  std::optional<double> seconds_for(const std::string& step_id) const;
};

struct AnswersFile {
  std::string file;
  std::string trainee;
  SourceMark trainee_mark;  // where `trainee:` is; {} when the file names none
  std::vector<Attempt> attempts;
};

}  // namespace coach
