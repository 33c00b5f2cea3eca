#include "cli/deferred_signals.hpp"

#include <atomic>

namespace coach::cli {
namespace {

std::atomic<std::uint64_t> writes_ended{0};

bool ignored(int signal) {
  struct sigaction current {};
  return ::sigaction(signal, nullptr, &current) == 0 && current.sa_handler == SIG_IGN;
}

}  // namespace

sigset_t session_ending_signals() {
  sigset_t ending;
  sigemptyset(&ending);
  sigaddset(&ending, SIGTERM);
  sigaddset(&ending, SIGHUP);
  for (const int signal : {SIGQUIT, SIGXCPU, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF})
    if (!ignored(signal)) sigaddset(&ending, signal);
  return ending;
}

std::mutex& DeferredSignals::writing() {
  static std::mutex writing;
  return writing;
}

DeferredSignals::DeferredSignals() : writing_(writing()) {
  const sigset_t ending = session_ending_signals();
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
