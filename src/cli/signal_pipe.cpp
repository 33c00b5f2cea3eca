#include "cli/signal_pipe.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace coach::cli {

void SignalPipe::open() {
  if (ends[0] >= 0) return;
  if (::pipe2(ends, O_NONBLOCK | O_CLOEXEC) != 0) ends[0] = ends[1] = -1;
}

void SignalPipe::mark() const {
  const char byte = 1;
  [[maybe_unused]] const auto written = ::write(ends[1], &byte, 1);
}

bool SignalPipe::take() const {
  char drained[64];
  bool any = false;
  while (::read(ends[0], drained, sizeof drained) > 0) any = true;
  return any;
}

void install_handler(int signal, void (*handler)(int), struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(signal, &action, previous);
}

}  // namespace coach::cli
