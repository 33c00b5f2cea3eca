#include "cli/interrupts.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <pthread.h>
#include <time.h>

#include <atomic>
#include <cerrno>
#include <csignal>

namespace coach::cli {
namespace {

int interrupt_pipe[2] = {-1, -1};
struct sigaction previous_action;

// Async-signal-safe; a full pipe already holds a press, so a failed write loses nothing.
void mark_press() {
  const char byte = 1;
  [[maybe_unused]] const auto written = ::write(interrupt_pipe[1], &byte, 1);
}

void on_interrupt(int) {
  const int saved_errno = errno;
  mark_press();
  errno = saved_errno;
}

}  // namespace

InterruptCatcher::InterruptCatcher() {
  if (interrupt_pipe[0] < 0 && ::pipe(interrupt_pipe) == 0) {
    for (int fd : interrupt_pipe) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // The readers wait in poll() beside the self-pipe, so nothing needs the signal to break a
  // call off. Without SA_RESTART it did: a write blocked on a slow reader of standard output
  // failed with EINTR, and the stream stayed failed for the rest of the session.
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &previous_action);
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
  return interrupt_pipe[0];
}

bool InterruptCatcher::take() {
  char drained[64];
  bool any = false;
  while (::read(interrupt_pipe[0], drained, sizeof drained) > 0) any = true;
  return any;
}

void InterruptCatcher::post() {
  mark_press();
}

namespace {

int resized_pipe[2] = {-1, -1};
int resumed_pipe[2] = {-1, -1};
termios found_settings{};
struct sigaction previous_stop;
struct sigaction previous_continue;
struct sigaction previous_resize;
volatile sig_atomic_t continued = 0;
std::atomic<long long> stopped_nanoseconds{0};
static_assert(std::atomic<long long>::is_always_lock_free, "read and written in a handler");

// The stop took longer than this: the process was really stopped (it is not where no shell
// controls jobs, in an orphaned process group: the kernel drops the stop at once).
constexpr long long kRealStopNanoseconds = 20'000'000;

void open_pipe(int (&ends)[2]) {
  if (ends[0] >= 0) return;
  if (::pipe2(ends, O_NONBLOCK | O_CLOEXEC) != 0) ends[0] = ends[1] = -1;
}

void mark(const int (&ends)[2]) {
  const char byte = 1;
  [[maybe_unused]] const auto written = ::write(ends[1], &byte, 1);
}

bool drain(const int (&ends)[2]) {
  char drained[64];
  bool any = false;
  while (::read(ends[0], drained, sizeof drained) > 0) any = true;
  return any;
}

long long monotonic_nanoseconds() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1'000'000'000LL + now.tv_nsec;
}

void on_resize(int) {
  const int saved_errno = errno;
  mark(resized_pipe);
  errno = saved_errno;
}

void on_continue(int) {
  continued = 1;
}

// Ctrl-Z: the terminal as found for the shell, then the stop itself, here (the default action,
// unblocked), so that coach's settings come back as soon as it goes on — also where the stop is
// dropped, which no SIGCONT would follow. Everything called is async-signal-safe.
void on_stop(int) {
  const int saved_errno = errno;
  termios session{};
  const bool known = ::tcgetattr(STDIN_FILENO, &session) == 0;
  if (known) ::tcsetattr(STDIN_FILENO, TCSANOW, &found_settings);
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
  const long long stopped_for = monotonic_nanoseconds() - stopped_at;
  stopped_nanoseconds += stopped_for;
  if (continued || stopped_for > kRealStopNanoseconds) mark(resumed_pipe);
  errno = saved_errno;
}

}  // namespace

void install_handler(int signal, void (*handler)(int), struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(signal, &action, previous);
}

TerminalSignals::TerminalSignals(const termios& found) {
  found_settings = found;
  open_pipe(resized_pipe);
  open_pipe(resumed_pipe);
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
  return resized_pipe[0];
}

bool TerminalSignals::take_resized() {
  return drain(resized_pipe);
}

int TerminalSignals::resumed_fd() const {
  return resumed_pipe[0];
}

bool TerminalSignals::take_resumed() {
  return drain(resumed_pipe);
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
