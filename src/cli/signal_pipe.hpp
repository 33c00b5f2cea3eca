#pragma once
// What coach's signal handlers share: a self-pipe a handler marks (async-signal-safe) and a
// reader's poll() waits on, and installing a handler.
#include <csignal>

namespace coach::cli {

// Plain data, so that it can live in a global a handler reaches; open() once before use.
struct SignalPipe {
  int ends[2] = {-1, -1};

  // Non-blocking, closed on exec; a second call keeps the first pipe.
  void open();
  // Async-signal-safe; a full pipe already says so, so a failed write loses nothing.
  void mark() const;
  // Whether it was marked since the last call; empties it.
  bool take() const;
  int read_end() const { return ends[0]; }
};

// A handler for `signal` (SA_RESTART, nothing else blocked meanwhile); the one it replaces goes
// to `previous` unless that is null.
void install_handler(int signal, void (*handler)(int), struct sigaction* previous);

}  // namespace coach::cli
