#include "cli/interrupts.hpp"

#include <cerrno>
#include <csignal>

#include "cli/signal_pipe.hpp"

namespace coach::cli {
namespace {

SignalPipe pressed;
struct sigaction previous_action;

void on_interrupt(int) {
  const int saved_errno = errno;
  pressed.mark();
  errno = saved_errno;
}

}  // namespace

InterruptCatcher::InterruptCatcher() {
  pressed.open();
  // The readers wait in poll() beside the self-pipe, so nothing needs the signal to break a
  // call off. Without SA_RESTART it did: a write blocked on a slow reader of standard output
  // failed with EINTR, and the stream stayed failed for the rest of the session.
  install_handler(SIGINT, on_interrupt, &previous_action);
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
  return pressed.read_end();
}

bool InterruptCatcher::take() {
  return pressed.take();
}

void InterruptCatcher::post() {
  pressed.mark();
}

}  // namespace coach::cli
