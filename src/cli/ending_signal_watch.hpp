#pragma once
// A SIGTERM or SIGHUP (`kill`, a closed terminal), or another signal that ends a program
// (Ctrl-\, see session_ending_signals()), ends a practice session as it always did, with the
// signal's exit status, but first takes what the trainee had already sent and does what the
// end of input does, and gives the terminal back as found (saved_terminal). A reply ended with
// Enter that is waiting to be read (typed while coach was busy: scoring, or waiting for a locked
// history) is taken, scored and recorded, as Ctrl-C takes it; then come one more try at the history
// writes still waiting (a disk full a moment ago may have room again) and the note on what the
// history lacks.
//
// The main thread may be waiting for a line in a reader when the signal comes, so a thread of
// its own takes the signals and tells the readers (ending_signal_descriptor()). The reader
// hands over the lines already typed, then ends the program (end_at_signal()). A main thread
// that does not get there — busy with no write under way for a few seconds, its output held
// by a reader that takes nothing — is not waited for: the thread ends the program itself and
// says that replies typed meanwhile may not be recorded. Either way it waits for any writing
// under way (DeferredSignals) before it acts.
//
// A signal that comes as the session ends is not lost: the watch is stopped by asking its
// thread, which answers whether it has taken one, and a signal after that stays blocked until
// the watch ends, when it is delivered.
#include <csignal>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <thread>

namespace coach::cli {

class EndingSignalWatch {
 public:
  // `last_words` runs at most once, while the watch lives, just before the signal ends the
  // program; `every_line_taken` is false when the main thread was not waited for.
  explicit EndingSignalWatch(std::function<void(bool every_line_taken)> last_words);
  ~EndingSignalWatch();  // from now on the signals end the program at once, as by default
  EndingSignalWatch(const EndingSignalWatch&) = delete;
  EndingSignalWatch& operator=(const EndingSignalWatch&) = delete;

  // The command's work is done: a signal that came meanwhile (while its end was being shown)
  // ends the program now, after the last words. The watch stops here for good: a signal after
  // it waits, blocked, until the watch ends, and then ends the program at once; the readers are
  // no longer woken by it. Call it only when no more lines will be read.
  void end_if_signalled();
  // Whether the signals are taken through the watch: false where it could not start (no
  // descriptor left), and they keep their default.
  bool watching() const { return masked_; }

  struct Watched;

 private:
  // The signal the thread took before it was stopped, or 0.
  int stop_watching();
  void end_watch();

  std::shared_ptr<Watched> watched_;
  sigset_t previous_;
  int signal_fd_ = -1;
  int stop_pipe_[2] = {-1, -1};
  std::future<int> taken_;  // what the thread's wait ended with: a signal, or 0 when stopped
  std::thread thread_;
  int stopped_with_ = -1;  // stop_watching()'s answer once asked
  bool masked_ = false;    // the signals are blocked until the watch ends
};

// For the line readers: a descriptor that is readable once a SIGTERM or SIGHUP has come (and
// stays so); -1 while no watch ever lived.
int ending_signal_descriptor();

// Whether that signal has come.
bool ending_signal_came();

// Called by a reader on the main thread once it has handed over every line ended with Enter
// that had come: the program ends as the signal would, after the last words. `unsent` is text
// typed without Enter: not a reply, so not recorded, but shown on stderr so it is not lost.
[[noreturn]] void end_at_signal(const std::string& unsent);

// The note on stderr that `unsent` (text typed without Enter) was not recorded, when a session
// ends with it on the line; empty when there is none.
std::string unsent_text_note(const std::string& unsent);

}  // namespace coach::cli
