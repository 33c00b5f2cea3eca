#include "cli/countdown.hpp"

#include <fmt/format.h>

#include <cmath>

#include "util/i18n.hpp"

namespace coach::cli {

// Showing fewer seconds left than this, the countdown turns to the warning colour.
constexpr int kHurrySeconds = 10;

CountdownState countdown_state(int limit, double elapsed) {
  if (elapsed > limit) {
    const int over = static_cast<int>(std::floor(elapsed - limit));
    return {over == 0 ? CountdownState::Phase::time_up : CountdownState::Phase::over, over};
  }
  const int left = static_cast<int>(std::ceil(limit - elapsed));
  return {left < kHurrySeconds ? CountdownState::Phase::hurry : CountdownState::Phase::plenty,
          left};
}

std::string countdown_text(const CountdownState& state, int width) {
  switch (state.phase) {
    case CountdownState::Phase::time_up:
      return std::string(tr("(时间到)", "(time is up)"));
    case CountdownState::Phase::over:
      return fmt::format(fmt::runtime(tr("(已超时 {} 秒)", "(over by {} s)")), state.seconds);
    default:
      return fmt::format(fmt::runtime(tr("(还剩 {:>{}} 秒)", "({:>{}} s left)")), state.seconds,
                         width);
  }
}

std::string countdown_status(int limit, double elapsed, const Style& style) {
  const CountdownState state = countdown_state(limit, elapsed);
  const std::string text = countdown_text(state, static_cast<int>(std::to_string(limit).size()));
  switch (state.phase) {
    case CountdownState::Phase::plenty:
      return style.good(text) + " ";
    case CountdownState::Phase::hurry:
      return style.warn(text) + " ";
    default:
      return style.bad(text) + " ";
  }
}

std::optional<LiveStatus> step_countdown(const Step& step,
                                         std::chrono::steady_clock::time_point asked_at,
                                         const Style& style) {
  if (step.time_limit <= 0) return std::nullopt;
  return LiveStatus{asked_at, [limit = step.time_limit, style](double elapsed) {
                      return countdown_status(limit, elapsed, style);
                    }};
}

}  // namespace coach::cli
