// The countdown at a step with a time limit: what it shows when, and when it changes.
#include <doctest/doctest.h>

#include "cli/countdown.hpp"
#include "cli/live_prompt.hpp"
#include "util/i18n.hpp"

using namespace coach;
using namespace coach::cli;
using Phase = CountdownState::Phase;

namespace {

struct InLanguage {
  Language before = language();
  explicit InLanguage(Language language) { set_language(language); }
  ~InLanguage() { set_language(before); }
};

std::string text_at(int limit, double elapsed) {
  return countdown_status(limit, elapsed, Style(false));
}

}  // namespace

TEST_CASE("the seconds left round up and those over round down, changing at whole seconds") {
  CHECK(countdown_state(3, 0.0).seconds == 3);
  CHECK(countdown_state(3, 0.999).seconds == 3);
  CHECK(countdown_state(3, 1.001).seconds == 2);
  CHECK(countdown_state(3, 2.5).seconds == 1);
  CHECK(countdown_state(3, 3.0).phase == Phase::hurry);  // exactly at the limit is in time
  CHECK(countdown_state(3, 3.001).phase == Phase::time_up);
  CHECK(countdown_state(3, 3.999).phase == Phase::time_up);
  const CountdownState over = countdown_state(3, 8.2);
  CHECK(over.phase == Phase::over);
  CHECK(over.seconds == 5);
}

TEST_CASE("the last ten seconds are a hurry") {
  CHECK(countdown_state(30, 0.0).phase == Phase::plenty);
  CHECK(countdown_state(30, 20.5).phase == Phase::plenty);   // shows 10
  CHECK(countdown_state(30, 21.001).phase == Phase::hurry);  // shows 9
  CHECK(countdown_state(5, 0.0).phase == Phase::hurry);
}

TEST_CASE("the countdown in Chinese and in English") {
  {
    InLanguage zh(Language::zh);
    CHECK(text_at(30, 0.5) == "(还剩 30 秒) ");
    CHECK(text_at(30, 21.5) == "(还剩  9 秒) ");  // as wide as 30: the typed line stays put
    CHECK(text_at(30, 30.5) == "(时间到) ");
    CHECK(text_at(30, 35.5) == "(已超时 5 秒) ");
  }
  InLanguage en(Language::en);
  CHECK(text_at(3, 0.5) == "(3 s left) ");
  CHECK(text_at(3, 3.5) == "(time is up) ");
  CHECK(text_at(3, 4.5) == "(over by 1 s) ");
}

TEST_CASE("colour: none when off, warning for the last ten seconds, alarm when late") {
  InLanguage en(Language::en);
  const Style colour(true);
  CHECK(countdown_status(60, 1, colour) == "\x1b[32m(59 s left)\x1b[0m ");
  CHECK(countdown_status(60, 55, colour) == "\x1b[33m( 5 s left)\x1b[0m ");
  CHECK(countdown_status(60, 65, colour) == "\x1b[31m(over by 5 s)\x1b[0m ");
  CHECK(text_at(60, 65).find('\x1b') == std::string::npos);
}

TEST_CASE("a step without a time limit has no countdown") {
  Step step;
  CHECK_FALSE(step_countdown(step, std::chrono::steady_clock::now(), Style(false)));
  step.time_limit = 3;
  const auto status = step_countdown(step, std::chrono::steady_clock::now(), Style(false));
  REQUIRE(status);
  InLanguage en(Language::en);
  CHECK(status->text(1.5) == "(2 s left) ");
}

TEST_CASE("a live prompt changes at each whole second after its start") {
  using namespace std::chrono_literals;
  const auto start = LivePrompt::Clock::time_point{} + 100s;
  const LiveStatus status{
      start, [](double elapsed) { return std::to_string(static_cast<int>(elapsed)) + " "; }};
  LivePrompt prompt("you> ", status, start + 2500ms);  // a prompt shown again after /hint
  CHECK(prompt.text() == "2 you> ");
  CHECK(prompt.until_change(start + 2500ms) == 500ms);
  CHECK(prompt.until_change(start + 3200ms) == 0ms);  // missed while keys were read: due now
  prompt.update(start + 3200ms);
  CHECK(prompt.text() == "3 you> ");
  CHECK(prompt.until_change(start + 3200ms) == 800ms);

  LivePrompt still("you> ", std::nullopt);
  CHECK(still.text() == "you> ");
  CHECK_FALSE(still.until_change(start));
}
