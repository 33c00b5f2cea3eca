#include "cli/ending_signal_watch.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <pthread.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <utility>

#include "cli/deferred_signals.hpp"
#include "cli/saved_terminal.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {

struct EndingSignalWatch::Watched {
  std::function<void(bool every_line_taken)> last_words;  // empty once they have been said
};

namespace {

// How long the main thread may stay busy, with no write of the recording or the history under
// way or finished meanwhile, before the signal ends the program without it. Scoring a reply and
// showing its feedback take milliseconds; a write waits for a locked history for seconds.
constexpr auto kPatience = std::chrono::seconds(3);

int signalled_pipe[2] = {-1, -1};  // readable once the signal has come; never drained
std::atomic<int> signal_taken{0};
// The watch that lives, if any; changed and read with DeferredSignals::writing() held.
std::shared_ptr<EndingSignalWatch::Watched> living;

// Raised on this thread, with the signal let through, it does what it was set to do: end the
// program (or remove a report's temporary file first, and then end it). The terminal comes
// back as found first: ended by default, coach left it without echo or line editing.
[[noreturn]] void end_as_the_signal_would(int signal) {
  give_terminal_back();
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, signal);
  pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
  std::raise(signal);
  std::signal(signal, SIG_DFL);  // a handler that returned
  std::raise(signal);
  std::_Exit(128 + signal);
}

std::string busy_note() {
  return std::string(
      tr("coach: 收到结束信号时 coach 正忙,没有等它读完已经输入的内容;"
         "之后输入的回答可能没有记录。\n",
         "coach: coach was busy when the signal to end came, and was not waited for; replies "
         "typed meanwhile may not be recorded.\n"));
}

// From either thread, once: the last words, then the end. A second caller waits here on the
// lock until the first has ended the program.
[[noreturn]] void end_program(int signal, bool every_line_taken) {
  const std::lock_guard<std::mutex> not_while_writing(DeferredSignals::writing());
  if (living && living->last_words) {
    if (!every_line_taken) {
      // The main thread may be stuck writing to standard output: stderr must not flush it first.
      std::cerr.tie(nullptr);
      std::cerr << busy_note();
    }
    std::exchange(living->last_words, nullptr)(every_line_taken);
  }
  end_as_the_signal_would(signal);
}

// The main thread takes the lines typed and ends the program itself (end_at_signal). It is
// waited for while it moves on: a write under way, or one finished since the last look.
void give_the_main_thread_time() {
  auto writes_seen = DeferredSignals::finished_writes();
  for (;;) {
    std::this_thread::sleep_for(kPatience);
    const auto writes_now = DeferredSignals::finished_writes();
    if (writes_now != writes_seen) {
      writes_seen = writes_now;
      continue;
    }
    const std::unique_lock<std::mutex> not_writing(DeferredSignals::writing(), std::try_to_lock);
    if (not_writing.owns_lock()) return;
  }
}

// A signal wins when both have come: it was sent before the watch was stopped.
int wait_for_signal_or_stop(int signal_fd, int stop_fd) {
  pollfd waiting[2] = {{signal_fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
  for (;;) {
    if (::poll(waiting, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return 0;
    }
    if (waiting[0].revents & POLLIN) {
      signalfd_siginfo info{};
      if (::read(signal_fd, &info, sizeof info) == sizeof info)
        return static_cast<int>(info.ssi_signo);
    }
    if (waiting[1].revents != 0) return 0;
  }
}

void watch(int signal_fd, int stop_fd, std::promise<int> taken) {
  const int signal = wait_for_signal_or_stop(signal_fd, stop_fd);
  taken.set_value(signal);
  if (signal == 0) return;
  {
    const std::lock_guard<std::mutex> not_while_writing(DeferredSignals::writing());
    if (!living) end_as_the_signal_would(signal);  // the watch has ended
  }
  signal_taken.store(signal);
  const char byte = 1;
  [[maybe_unused]] const auto written = ::write(signalled_pipe[1], &byte, 1);
  give_the_main_thread_time();
  end_program(signal, false);
}

void close_descriptor(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

EndingSignalWatch::EndingSignalWatch(std::function<void(bool every_line_taken)> last_words)
    : watched_(std::make_shared<Watched>(Watched{std::move(last_words)})) {
  if (signalled_pipe[0] < 0 && ::pipe2(signalled_pipe, O_CLOEXEC) != 0) return;
  {
    const std::lock_guard<std::mutex> not_while_ending(DeferredSignals::writing());
    living = watched_;
  }
  // Blocked here before the thread starts, which inherits the mask: only its descriptor takes
  // them. Without one, the signals keep their default and end the program at once.
  const sigset_t ending = session_ending_signals();
  pthread_sigmask(SIG_BLOCK, &ending, &previous_);
  signal_fd_ = ::signalfd(-1, &ending, SFD_CLOEXEC);
  if (signal_fd_ < 0 || ::pipe2(stop_pipe_, O_CLOEXEC) != 0) {
    close_descriptor(signal_fd_);
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    return;
  }
  masked_ = true;
  std::promise<int> taken;
  taken_ = taken.get_future();
  // The thread takes no signal but through its descriptor: a handler of the session's (Ctrl-Z,
  // a resize) run on it would race the main thread's terminal settings. It inherits this mask.
  sigset_t all;
  sigset_t session_mask;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &session_mask);
  try {
    thread_ = std::thread(watch, signal_fd_, stop_pipe_[0], std::move(taken));
  } catch (...) {
    pthread_sigmask(SIG_SETMASK, &session_mask, nullptr);
    end_watch();  // no destructor runs after a constructor that throws
    throw;
  }
  pthread_sigmask(SIG_SETMASK, &session_mask, nullptr);
}

EndingSignalWatch::~EndingSignalWatch() {
  try {
    end_watch();
  } catch (const std::exception&) {
    // Joining a thread that cannot be joined: the signals are as they were, all the same.
  }
}

void EndingSignalWatch::end_watch() {
  const int signal = stop_watching();
  {
    const std::lock_guard<std::mutex> not_while_ending(DeferredSignals::writing());
    living.reset();
  }
  if (signal != 0) end_as_the_signal_would(signal);
  close_descriptor(signal_fd_);
  close_descriptor(stop_pipe_[0]);
  close_descriptor(stop_pipe_[1]);
  if (masked_) pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  masked_ = false;
}

int EndingSignalWatch::stop_watching() {
  if (stopped_with_ >= 0) return stopped_with_;
  stopped_with_ = 0;
  if (!thread_.joinable()) return stopped_with_;
  const char byte = 1;
  [[maybe_unused]] const auto written = ::write(stop_pipe_[1], &byte, 1);
  stopped_with_ = taken_.get();
  // A thread that took a signal goes on to end the program, unless this thread does first.
  if (stopped_with_ == 0)
    thread_.join();
  else
    thread_.detach();
  return stopped_with_;
}

void EndingSignalWatch::end_if_signalled() {
  if (const int signal = stop_watching(); signal != 0) end_program(signal, true);
}

int ending_signal_descriptor() {
  return signalled_pipe[0];
}

bool ending_signal_came() {
  return signal_taken.load() != 0;
}

std::string unsent_text_note(const std::string& unsent) {
  if (unsent.empty()) return "";
  return fmt::format(fmt::runtime(tr("coach: 这段文字没有按回车,不算回答,没有记录:{}\n",
                                     "coach: this text was typed without Enter, so it is "
                                     "not a reply and was not recorded: {}\n")),
                     utf8::show_name(unsent));
}

void end_at_signal(const std::string& unsent) {
  std::cout << "\n" << std::flush;  // off the prompt's line
  std::cerr << unsent_text_note(unsent);
  end_program(signal_taken.load(), true);
}

}  // namespace coach::cli
