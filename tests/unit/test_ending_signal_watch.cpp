// A SIGTERM or SIGHUP during a practice session: each case runs in a child process, since the
// signal ends the program that receives it.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <functional>
#include <stdexcept>

#include "cli/ending_signal_watch.hpp"

using namespace coach::cli;

namespace {

struct Outcome {
  int signal = 0;         // what ended the child, or 0
  int status = -1;        // its exit status when it ended normally
  char last_words = '-';  // 't' every line taken, 'f' not, '-' none said
};

// Runs `body` in a child holding a watch whose last words are written to a pipe.
Outcome in_child(const std::function<void(EndingSignalWatch&)>& body) {
  int said[2];
  REQUIRE(::pipe(said) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(said[0]);
    // doctest reports these signals as a crash of the test case; here they are the outcome.
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGHUP, SIG_DFL);
    try {
      EndingSignalWatch watch([&](bool every_line_taken) {
        const char word = every_line_taken ? 't' : 'f';
        [[maybe_unused]] const auto written = ::write(said[1], &word, 1);
      });
      body(watch);
    } catch (const std::runtime_error&) {
      std::_Exit(3);
    }
    std::_Exit(0);
  }
  ::close(said[1]);
  Outcome outcome;
  if (::read(said[0], &outcome.last_words, 1) != 1) outcome.last_words = '-';
  ::close(said[0]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  if (WIFSIGNALED(status)) outcome.signal = WTERMSIG(status);
  if (WIFEXITED(status)) outcome.status = WEXITSTATUS(status);
  return outcome;
}

}  // namespace

TEST_CASE("a signal that comes as the session ends still ends the program, after the last words") {
  // The watch's thread may have taken the signal without acting on it yet: the session's end
  // once returned 0 then, and the signal was lost.
  for (int round = 0; round < 20; ++round) {
    for (const int signal : {SIGHUP, SIGTERM}) {
      const Outcome outcome = in_child([signal](EndingSignalWatch& watch) {
        ::kill(::getpid(), signal);
        watch.end_if_signalled();
      });
      CHECK(outcome.signal == signal);
      CHECK(outcome.last_words == 't');
    }
  }
}

TEST_CASE("a session that ends with no signal ends normally, without the last words") {
  const Outcome outcome = in_child([](EndingSignalWatch& watch) { watch.end_if_signalled(); });
  CHECK(outcome.signal == 0);
  CHECK(outcome.status == 0);
  CHECK(outcome.last_words == '-');
}

TEST_CASE("a signal after the session's end ends the program at once, as by default") {
  const Outcome outcome = in_child([](EndingSignalWatch& watch) {
    watch.end_if_signalled();
    ::kill(::getpid(), SIGTERM);  // blocked until the watch ends, then delivered
  });
  CHECK(outcome.signal == SIGTERM);
  CHECK(outcome.last_words == '-');
}

TEST_CASE("a watch left by an exception still ends the program at a signal that came") {
  const Outcome outcome = in_child([](EndingSignalWatch&) {
    ::kill(::getpid(), SIGHUP);
    throw std::runtime_error("the session failed");
  });
  CHECK(outcome.signal == SIGHUP);
  // Without a signal, the exception goes on to its catch.
  CHECK(in_child([](EndingSignalWatch&) { throw std::runtime_error("x"); }).status == 3);
}
