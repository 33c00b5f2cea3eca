#include "cli/terminal_signals.hpp"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "cli/saved_terminal.hpp"
#include "cli/signal_pipe.hpp"

namespace coach::cli {

namespace {

SignalPipe resized;
SignalPipe resumed;
struct sigaction previous_stop;
struct sigaction previous_continue;
struct sigaction previous_resize;
volatile sig_atomic_t continued = 0;
std::atomic<long long> stopped_nanoseconds{0};
static_assert(std::atomic<long long>::is_always_lock_free, "read and written in a handler");

// The stop took longer than this: the process was really stopped (it is not where no shell
// controls jobs, in an orphaned process group: the kernel drops the stop at once).
constexpr long long kRealStopNanoseconds = 20'000'000;

long long monotonic_nanoseconds() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1'000'000'000LL + now.tv_nsec;
}

void on_resize(int) {
  const int saved_errno = errno;
  resized.mark();
  errno = saved_errno;
}

volatile sig_atomic_t in_stop = 0;

// A stop that was not Ctrl-Z (`kill -STOP`) runs no handler before it: the SIGCONT that ends it
// is all coach sees, and the screen is to be drawn again all the same.
void on_continue(int) {
  const int saved_errno = errno;
  continued = 1;
  if (!in_stop) resumed.mark();
  errno = saved_errno;
}

// Ctrl-Z: the terminal as found for the shell (the paste marks off too: pasted into the shell,
// the text would come with them), then the stop itself, here (the default action,
// unblocked), so that coach's settings come back as soon as it goes on — also where the stop is
// dropped, which no SIGCONT would follow. Everything called is async-signal-safe.
void on_stop(int) {
  const int saved_errno = errno;
  in_stop = 1;
  termios session{};
  const bool known = ::tcgetattr(STDIN_FILENO, &session) == 0;
  if (known) give_terminal_back();
  continued = 0;
  const long long stopped_at = monotonic_nanoseconds();
  struct sigaction stop {};
  stop.sa_handler = SIG_DFL;
  sigemptyset(&stop.sa_mask);
  ::sigaction(SIGTSTP, &stop, nullptr);
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, SIGTSTP);
  ::raise(SIGTSTP);
  ::pthread_sigmask(SIG_UNBLOCK, &only, nullptr);  // stopped here until `fg`
  ::pthread_sigmask(SIG_BLOCK, &only, nullptr);    // as the handler was entered
  install_handler(SIGTSTP, on_stop, nullptr);
  if (known) ::tcsetattr(STDIN_FILENO, TCSANOW, &session);
  resume_paste_marks();
  const long long stopped_for = monotonic_nanoseconds() - stopped_at;
  stopped_nanoseconds += stopped_for;
  if (continued || stopped_for > kRealStopNanoseconds) resumed.mark();
  in_stop = 0;
  errno = saved_errno;
}

}  // namespace

TerminalSignals::TerminalSignals() {
  resized.open();
  resumed.open();
  install_handler(SIGWINCH, on_resize, &previous_resize);
  install_handler(SIGCONT, on_continue, &previous_continue);
  install_handler(SIGTSTP, on_stop, &previous_stop);
}

TerminalSignals::~TerminalSignals() {
  ::sigaction(SIGTSTP, &previous_stop, nullptr);
  ::sigaction(SIGCONT, &previous_continue, nullptr);
  ::sigaction(SIGWINCH, &previous_resize, nullptr);
}

int TerminalSignals::resized_fd() const {
  return resized.read_end();
}

bool TerminalSignals::take_resized() {
  return resized.take();
}

int TerminalSignals::resumed_fd() const {
  return resumed.read_end();
}

bool TerminalSignals::take_resumed() {
  return resumed.take();
}

std::chrono::steady_clock::duration time_stopped() {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::nanoseconds(stopped_nanoseconds.load()));
}

namespace {
std::atomic<bool> stops_count{false};
}  // namespace

void count_time_stopped() {
  stops_count = true;
}

std::chrono::steady_clock::time_point session_now() {
  const auto now = std::chrono::steady_clock::now();
  return stops_count ? now : now - time_stopped();
}

}  // namespace coach::cli
