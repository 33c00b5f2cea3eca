#include "cli/ending_signal_watch.hpp"

#include <pthread.h>

#include <cstdlib>
#include <thread>
#include <utility>

#include "cli/deferred_signals.hpp"

namespace coach::cli {

struct EndingSignalWatch::Watched {
  std::function<void()> last_words;  // empty once the watch has ended
};

namespace {

sigset_t ending_signals() {
  sigset_t ending;
  sigemptyset(&ending);
  sigaddset(&ending, SIGTERM);
  sigaddset(&ending, SIGHUP);
  return ending;
}

// Raised on this thread, with the signal let through, it does what it was set to do: end the
// program (or remove a report's temporary file first, and then end it).
[[noreturn]] void end_as_the_signal_would(int signal) {
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, signal);
  pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
  std::raise(signal);
  std::signal(signal, SIG_DFL);  // a handler that returned
  std::raise(signal);
  std::_Exit(128 + signal);
}

void watch(std::shared_ptr<EndingSignalWatch::Watched> watched) {
  const sigset_t ending = ending_signals();
  int signal = 0;
  if (sigwait(&ending, &signal) != 0) return;
  {
    const std::lock_guard<std::mutex> not_while_writing(DeferredSignals::writing());
    if (watched->last_words) watched->last_words();
  }
  end_as_the_signal_would(signal);
}

}  // namespace

EndingSignalWatch::EndingSignalWatch(std::function<void()> last_words)
    : watched_(std::make_shared<Watched>(Watched{std::move(last_words)})) {
  // Blocked here before the thread starts, which inherits the mask: only its sigwait takes them.
  const sigset_t ending = ending_signals();
  pthread_sigmask(SIG_BLOCK, &ending, &previous_);
  std::thread(watch, watched_).detach();
}

EndingSignalWatch::~EndingSignalWatch() {
  {
    const std::lock_guard<std::mutex> not_while_ending(DeferredSignals::writing());
    watched_->last_words = nullptr;
  }
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace coach::cli
