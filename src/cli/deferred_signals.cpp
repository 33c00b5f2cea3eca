#include "cli/deferred_signals.hpp"

namespace coach::cli {

std::mutex& DeferredSignals::writing() {
  static std::mutex writing;
  return writing;
}

DeferredSignals::DeferredSignals() : writing_(writing()) {
  sigset_t ending;
  sigemptyset(&ending);
  sigaddset(&ending, SIGTERM);
  sigaddset(&ending, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &ending, &previous_);
}

DeferredSignals::~DeferredSignals() {
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace coach::cli
