#pragma once
// What a run has already done that outlives it, said on stderr when a signal ends it before it
// could say so itself (a cancelled CI job: `grade` had already recorded part of a cohort in the
// history). The note is prepared beforehand, as a signal handler may not format or allocate.
#include <array>
#include <csignal>
#include <string_view>

namespace coach {

// The signals that end the program which it can catch first: a cancelled job (INT, TERM, HUP),
// Ctrl-\ (QUIT) and a CPU-time limit (XCPU, `ulimit -t`). Each still ends it as it would have,
// a core dump included.
inline constexpr std::array<int, 5> kEndingSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXCPU};

// The note replaces the one before (it is cut at 1 KiB). The first one takes those of the
// signals still left at their default, to say it and then end the program as they would have.
void set_ending_note(std::string_view note);
void clear_ending_note();

// Writes the note, if any; async-signal-safe, for another handler of the same signals.
void write_ending_note();

// While alive, the ending signals wait: a write and the note that says it are never parted.
class EndingSignalsHeld {
 public:
  EndingSignalsHeld();
  ~EndingSignalsHeld();
  EndingSignalsHeld(const EndingSignalsHeld&) = delete;
  EndingSignalsHeld& operator=(const EndingSignalsHeld&) = delete;

 private:
  sigset_t before_{};
};

// Gives `handler` the ending signals still at their default (or at the note's own handler, which
// `handler` then stands in for: it must call write_ending_note()). Signals the program handles
// itself (practice) are left alone.
void take_ending_signals(void (*handler)(int));

}  // namespace coach
