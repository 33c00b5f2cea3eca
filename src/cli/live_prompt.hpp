#pragma once
// A prompt with a live status before it (a step's countdown): the text to draw now, and when
// that text next changes — at each whole second after the status's start.
#include <chrono>
#include <optional>
#include <string>

#include "cli/line_reader.hpp"

namespace coach::cli {

class LivePrompt {
 public:
  using Clock = std::chrono::steady_clock;

  LivePrompt() = default;
  // The text as of `now`.
  LivePrompt(std::string prompt, std::optional<LiveStatus> status,
             Clock::time_point now = Clock::now());

  // The status and the prompt as of the last update (the prompt alone without a status).
  const std::string& text() const { return text_; }
  // Recomputes the text for `now`.
  void update(Clock::time_point now);
  // How long from `now` until the text is due to change: zero when it already is; nullopt when
  // it never changes.
  std::optional<Clock::duration> until_change(Clock::time_point now) const;

 private:
  std::string prompt_;
  std::optional<LiveStatus> status_;
  std::string text_;
  std::chrono::seconds shown_{0};  // the whole seconds since the start that the text shows
};

}  // namespace coach::cli
