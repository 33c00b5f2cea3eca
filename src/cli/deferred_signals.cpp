#include "cli/deferred_signals.hpp"

#include <atomic>

namespace coach::cli {
namespace {

std::atomic<std::uint64_t> writes_ended{0};

}  // namespace

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

std::uint64_t DeferredSignals::finished_writes() {
  return writes_ended.load();
}

DeferredSignals::~DeferredSignals() {
  ++writes_ended;
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace coach::cli
