#include "cli/saved_terminal.hpp"

#include <unistd.h>

#include <atomic>
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

}  // namespace

void remember_terminal(const termios& found) {
  found_settings = found;
  remembered = true;
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
