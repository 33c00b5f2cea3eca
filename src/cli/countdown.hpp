#pragma once
// The countdown of a step with a time limit, shown before the prompt while the trainee types:
// the seconds left, in the warning colour for the last ten, then how far over the limit.
#include <chrono>
#include <optional>
#include <string>

#include "cli/line_reader.hpp"
#include "model/scenario.hpp"
#include "report/style.hpp"

namespace coach::cli {

struct CountdownState {
  enum class Phase { plenty, hurry, time_up, over };
  Phase phase;
  int seconds;  // left (plenty, hurry) or over the limit (over); 0 at time_up
};

// Where a countdown from `limit` seconds stands after `elapsed` seconds. The seconds left are
// rounded up (3, 2, 1 for a 3-second limit) and those over rounded down, so the display changes
// at whole seconds and agrees with the verdict: a reply is late once `elapsed` > `limit`.
CountdownState countdown_state(int limit, double elapsed);

// "(还剩 12 秒)", "(时间到)", "(已超时 5 秒)" — in the current language, `width` digits for the
// seconds left so that the typed line does not shift as they go down.
std::string countdown_text(const CountdownState& state, int width);

// The text with a space after it, coloured by phase.
std::string countdown_status(int limit, double elapsed, const Style& style);

// The live status for the prompt of `step`, counted from `asked_at` (when its prompt first
// appeared); nullopt when the step has no time limit.
std::optional<LiveStatus> step_countdown(const Step& step,
                                         std::chrono::steady_clock::time_point asked_at,
                                         const Style& style);

}  // namespace coach::cli
