#include "cli/live_prompt.hpp"

namespace coach::cli {

LivePrompt::LivePrompt(std::string prompt, std::optional<LiveStatus> status, Clock::time_point now)
    : prompt_(std::move(prompt)), status_(std::move(status)), text_(prompt_) {
  update(now);
}

void LivePrompt::update(Clock::time_point now) {
  if (!status_) return;
  const Clock::duration elapsed = now - status_->since;
  shown_ = std::chrono::floor<std::chrono::seconds>(elapsed);
  text_ = status_->text(std::chrono::duration<double>(elapsed).count()) + prompt_;
}

std::optional<LivePrompt::Clock::duration> LivePrompt::until_change(Clock::time_point now) const {
  if (!status_) return std::nullopt;
  const Clock::time_point due = status_->since + shown_ + std::chrono::seconds(1);
  return now >= due ? Clock::duration::zero() : due - now;
}

}  // namespace coach::cli
