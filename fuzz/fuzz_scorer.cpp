// libFuzzer target: arbitrary bytes as the reply to every step of a bundled scenario, scored
// as `coach grade` scores it. Any reply must score without a crash and within bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "bundled_library.hpp"
#include "engine/scorer.hpp"

namespace {

// missing-balance has every common rule kind: concepts, forbid, questions, name, order.
const coach::ScenarioLibrary& library() {
  return bundled_library(COACH_FUZZ_SCENARIOS "/missing-balance.yaml");
}

// What a reporter relies on: a score within bounds, evidence that points into the reply.
void check(const coach::StepResult& result, std::string_view reply) {
  if (result.score < 0 || result.score > result.max) std::abort();
  for (const auto& rule : result.rules) {
    if (rule.points < 0 || rule.points > rule.max) std::abort();
    for (const coach::TextSpan span : rule.matched) {
      if (span.begin > span.end || span.end > reply.size()) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Replies reach the scorer only through the answers loader, which caps them at 10,000
  // characters; a little more than that keeps the fuzzer fast and still past the cap.
  if (size > 40000) return -1;
  const std::string_view reply(reinterpret_cast<const char*>(data), size);
  const coach::Rubric& rubric = library().rubrics().front();
  for (const auto& step : rubric.steps()) {
    const coach::StepResult result = coach::score_step(step, rubric.scenario(), reply);
    check(result, reply);
  }
  return 0;
}
