#include "cli/saved_terminal.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <string_view>

namespace coach::cli {
namespace {

constexpr std::string_view kMarkPastes = "\x1b[?2004h";
constexpr std::string_view kStopMarkingPastes = "\x1b[?2004l";

termios found_settings{};
std::atomic<bool> remembered{false};
std::atomic<bool> marking{false};
static_assert(std::atomic<bool>::is_always_lock_free, "read in a signal handler");

// write(2) alone: this runs in signal handlers, where stdio may be in the middle of a write.
void send(std::string_view sequence) {
  (void)!::write(STDOUT_FILENO, sequence.data(), sequence.size());
}

// A crash of coach's own (a fault, an abort) gives the terminal back too: the shell was left
// with no echo. The handler that was there before (the default, or a sanitizer's) then acts:
// a fault taken again where it happened, a signal sent by another process sent again.
constexpr std::array<int, 5> kCrashSignals = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
std::array<struct sigaction, kCrashSignals.size()> before_crash{};

void on_crash(int signal, siginfo_t* info, void*) {
  give_terminal_back();
  for (std::size_t i = 0; i < kCrashSignals.size(); ++i)
    if (kCrashSignals[i] == signal) ::sigaction(signal, &before_crash[i], nullptr);
  // A fault recurs when the handler returns; a signal from kill() or raise() does not, so it is
  // raised again (blocked until the handler returns, then delivered to the handler put back).
  if (info->si_code <= 0) ::raise(signal);
}

void give_terminal_back_at_a_crash() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  struct sigaction crash {};
  crash.sa_sigaction = on_crash;
  crash.sa_flags = SA_SIGINFO;
  sigemptyset(&crash.sa_mask);
  for (std::size_t i = 0; i < kCrashSignals.size(); ++i)
    ::sigaction(kCrashSignals[i], &crash, &before_crash[i]);
}

}  // namespace

void remember_terminal(const termios& found) {
  found_settings = found;
  remembered = true;
  give_terminal_back_at_a_crash();
}

void forget_terminal() {
  remembered = false;
}

void mark_pastes(bool on) {
  if (marking == on) return;
  std::fflush(stdout);  // after the prompt's text, not inside it
  marking = on;
  send(on ? kMarkPastes : kStopMarkingPastes);
}

void give_terminal_back() {
  if (marking) send(kStopMarkingPastes);
  if (remembered) ::tcsetattr(STDIN_FILENO, TCSANOW, &found_settings);
}

void resume_paste_marks() {
  if (marking) send(kMarkPastes);
}

}  // namespace coach::cli
