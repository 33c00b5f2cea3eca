#pragma once
// While a practice session writes its recording and its history, a SIGTERM or SIGHUP (the
// terminal closed), or another signal that ends the session, waits until the writing is done,
// then ends the program as it would have: a kill never lands between the answers file and the
// database. Nothing done meanwhile may wait on another process (a FIFO's reader): only SIGKILL
// could end that wait.
#include <csignal>
#include <cstdint>
#include <mutex>

namespace coach::cli {

// The signals that end a practice session after what was typed is taken: SIGTERM and SIGHUP,
// and of the others that end a program, Ctrl-\ (SIGQUIT), a CPU-time limit (SIGXCPU) and the
// rest a user may send, each unless it was ignored when coach started (a job started in the
// background by a shell ignores SIGQUIT). Each still ends coach as it would have, core dump
// included, but with the terminal given back first.
sigset_t session_ending_signals();

class DeferredSignals {
 public:
  DeferredSignals();   // blocks the session's ending signals
  ~DeferredSignals();  // restores the mask: one that arrived meanwhile is delivered now
  DeferredSignals(const DeferredSignals&) = delete;
  DeferredSignals& operator=(const DeferredSignals&) = delete;

  // Held while the writing goes on, for a thread that takes those signals itself
  // (EndingSignalWatch): it waits on this before it acts on one.
  static std::mutex& writing();
  // How many writings have ended so far: a main thread that moves on, for that thread.
  static std::uint64_t finished_writes();

 private:
  std::lock_guard<std::mutex> writing_;
  sigset_t previous_;
};

}  // namespace coach::cli
