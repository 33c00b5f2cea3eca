#include "cli/typeahead_keeper.hpp"

#include <unistd.h>

#include <csignal>

#include "cli/signal_pipe.hpp"

namespace coach::cli {
namespace {

// Signals that end coach (SIGQUIT: Ctrl-\) or stop it (SIGTSTP: Ctrl-Z); the handlers only
// touch these, so they are async-signal-safe.
constexpr int kLeavingSignals[] = {SIGTERM, SIGHUP, SIGQUIT, SIGTSTP};
termios found_settings{};
termios keeping_settings{};
volatile sig_atomic_t keeping = 0;
struct sigaction previous_actions[NSIG];
struct sigaction previous_continue;

void on_leaving(int signal);

// The terminal as found, then the signal as it would have been without coach's handler (it is
// blocked here, so it is delivered once this returns).
void on_leaving(int signal) {
  ::tcsetattr(STDIN_FILENO, TCSANOW, &found_settings);
  ::sigaction(signal, &previous_actions[signal], nullptr);
  ::raise(signal);
}

// Back from Ctrl-Z (`fg`): the terminal is ours again, and so is the next Ctrl-Z.
void on_continue(int) {
  if (!keeping) return;
  ::tcsetattr(STDIN_FILENO, TCSANOW, &keeping_settings);
  install_handler(SIGTSTP, on_leaving, nullptr);
}

}  // namespace

TypeaheadKeeper::TypeaheadKeeper() {
  if (::tcgetattr(STDIN_FILENO, &found_settings) != 0) return;
  keeping_settings = found_settings;
  keeping_settings.c_lflag |= NOFLSH;
  for (const int signal : kLeavingSignals)
    install_handler(signal, on_leaving, &previous_actions[signal]);
  install_handler(SIGCONT, on_continue, &previous_continue);
  keeping = 1;
  ::tcsetattr(STDIN_FILENO, TCSANOW, &keeping_settings);
}

TypeaheadKeeper::~TypeaheadKeeper() {
  if (!keeping) return;
  keeping = 0;
  ::tcsetattr(STDIN_FILENO, TCSANOW, &found_settings);
  for (const int signal : kLeavingSignals) ::sigaction(signal, &previous_actions[signal], nullptr);
  ::sigaction(SIGCONT, &previous_continue, nullptr);
}

}  // namespace coach::cli
