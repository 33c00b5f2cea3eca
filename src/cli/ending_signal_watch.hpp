#pragma once
// A SIGTERM or SIGHUP (`kill`, a closed terminal) ends a practice session as it always did,
// with the signal's exit status, but first does what the end of input does: one more try at
// the history writes still waiting (a disk full a moment ago may have room again), and the note
// on what the history lacks. The main thread may be waiting for a line in a reader when the
// signal comes, so a thread of its own takes the signals; it waits for any writing under way
// (DeferredSignals) before it acts.
#include <csignal>
#include <functional>
#include <memory>

namespace coach::cli {

class EndingSignalWatch {
 public:
  // `last_words` runs on that thread, at most once, while the watch lives.
  explicit EndingSignalWatch(std::function<void()> last_words);
  ~EndingSignalWatch();  // from now on the signals end the program at once, as by default
  EndingSignalWatch(const EndingSignalWatch&) = delete;
  EndingSignalWatch& operator=(const EndingSignalWatch&) = delete;

  struct Watched;

 private:
  std::shared_ptr<Watched> watched_;
  sigset_t previous_;
};

}  // namespace coach::cli
