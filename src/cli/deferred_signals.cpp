#include "cli/deferred_signals.hpp"

namespace coach::cli {

DeferredSignals::DeferredSignals() {
  sigset_t ending;
  sigemptyset(&ending);
  sigaddset(&ending, SIGTERM);
  sigaddset(&ending, SIGHUP);
  sigprocmask(SIG_BLOCK, &ending, &previous_);
}

DeferredSignals::~DeferredSignals() {
  sigprocmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace coach::cli
