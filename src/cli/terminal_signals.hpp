#pragma once
// Ctrl-Z and `fg`, and a resized window, at a terminal libedit edits; and the clock a step's
// countdown reads, which a stop may leave standing.
#include <chrono>

namespace coach::cli {

// Ctrl-Z and `fg`, and a resized window, at a terminal libedit edits (libedit's own handlers,
// EL_SIGNAL, would re-send every signal to the whole process group and take SIGINT, SIGTERM and
// SIGHUP from the handling above). While coach is stopped the terminal has its settings as
// found; back from the stop it has coach's again at once, even while coach is busy between two
// prompts: the shell's canonical mode left Ctrl-C a signal that threw the typed line away, and
// without libedit's mode the line being typed was neither edited nor, under a countdown, shown.
// One at a time (coach has one reader per run).
class TerminalSignals {
 public:
  // The terminal's settings before coach changed them are remember_terminal()'s.
  TerminalSignals();
  ~TerminalSignals();  // restores the previous handlers
  TerminalSignals(const TerminalSignals&) = delete;
  TerminalSignals& operator=(const TerminalSignals&) = delete;

  // Readable after the window was resized; take_resized() says whether it was, once.
  int resized_fd() const;
  bool take_resized();
  // Readable once coach was stopped and continued: the shell has written over the screen.
  // After Ctrl-Z the terminal has coach's settings back already; after a stop by another
  // signal (`kill -STOP`) it may have the shell's, and the reader sets its own again.
  int resumed_fd() const;
  bool take_resumed();
};

// How long coach has been stopped (Ctrl-Z until `fg`) in all: in practice a step's countdown
// and the time its reply took count without it, since the trainee could not type meanwhile.
std::chrono::steady_clock::duration time_stopped();

// In an exam the time stopped counts like any other: a stop would leave the trainee time to
// look answers up in a shell while the clock stood still. Called once, before the session.
void count_time_stopped();

// The steady clock without the time stopped (unless it counts).
std::chrono::steady_clock::time_point session_now();

}  // namespace coach::cli
