#pragma once
// A reply said again: one that is the same as a reply the trainee gave at an earlier step of the
// attempt, or nearly (the same words once normalised, one wholly inside the other), answers what
// the customer said then, not what the customer says now. Without this one all-purpose paragraph
// pasted into every step would pass every step.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/result.hpp"
#include "text/normalizer.hpp"

namespace coach {

// What a reply says, as compared with the trainee's other replies: its letters and digits after
// normalisation (punctuation, spacing, script and width never tell two replies apart), read as
// overlapping runs of four characters, so a word changed here and there leaves most runs shared.
class ReplyWording {
 public:
  ReplyWording() = default;  // an unanswered step: repeats nothing, is repeated by nothing
  explicit ReplyWording(const NormalizedText& reply);

  // Whether this reply says `earlier` again: one of the two lies (nearly) wholly inside the
  // other and is at least half of it, and it is longer than a stock sentence.
  bool repeats(const ReplyWording& earlier) const;

 private:
  std::size_t characters_ = 0;
  std::vector<std::uint64_t> runs_;  // sorted, each once
};

// Which of the `earlier` replies, in the order they were said, `reply` repeats first.
std::optional<std::size_t> first_repeated(const ReplyWording& reply,
                                          std::span<const ReplyWording> earlier);

// The verdict added to a step whose reply repeats the one given at step `step_number` (counted as
// the trainee met the steps, from 1), where the customer had said `customer_line`.
RuleResult repetition_result(std::size_t step_number, std::string_view customer_line);

}  // namespace coach
