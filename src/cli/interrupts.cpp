#include "cli/interrupts.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace coach::cli {
namespace {

int interrupt_pipe[2] = {-1, -1};
struct sigaction previous_action;

// Async-signal-safe; a full pipe already holds a press, so a failed write loses nothing.
void mark_press() {
  const char byte = 1;
  [[maybe_unused]] const auto written = ::write(interrupt_pipe[1], &byte, 1);
}

void on_interrupt(int) {
  const int saved_errno = errno;
  mark_press();
  errno = saved_errno;
}

}  // namespace

InterruptCatcher::InterruptCatcher() {
  if (interrupt_pipe[0] < 0 && ::pipe(interrupt_pipe) == 0) {
    for (int fd : interrupt_pipe) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // The readers wait in poll() beside the self-pipe, so nothing needs the signal to break a
  // call off. Without SA_RESTART it did: a write blocked on a slow reader of standard output
  // failed with EINTR, and the stream stayed failed for the rest of the session.
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &previous_action);
  // A parent may have left SIGINT blocked (the mask survives exec); Ctrl-C must reach us.
  sigset_t interrupt_only;
  sigemptyset(&interrupt_only);
  sigaddset(&interrupt_only, SIGINT);
  sigprocmask(SIG_UNBLOCK, &interrupt_only, nullptr);
}

InterruptCatcher::~InterruptCatcher() {
  sigaction(SIGINT, &previous_action, nullptr);
}

int InterruptCatcher::fd() const {
  return interrupt_pipe[0];
}

bool InterruptCatcher::take() {
  char drained[64];
  bool any = false;
  while (::read(interrupt_pipe[0], drained, sizeof drained) > 0) any = true;
  return any;
}

void InterruptCatcher::post() {
  mark_press();
}

}  // namespace coach::cli
