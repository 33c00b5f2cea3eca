#include "util/ending_note.hpp"

#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>

namespace coach {
namespace {

std::array<char, 1024> note_buffer{};
std::atomic<std::size_t> note_size{0};

void on_ending_signal(int signal) {
  write_ending_note();
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void install_once() {
  static const bool installed = [] {
    take_ending_signals(on_ending_signal);
    return true;
  }();
  (void)installed;
}

}  // namespace

EndingSignalsHeld::EndingSignalsHeld() {
  sigset_t held;
  sigemptyset(&held);
  for (const int signal : kEndingSignals) sigaddset(&held, signal);
  pthread_sigmask(SIG_BLOCK, &held, &before_);
}

EndingSignalsHeld::~EndingSignalsHeld() {
  pthread_sigmask(SIG_SETMASK, &before_, nullptr);
}

void set_ending_note(std::string_view note) {
  install_once();
  const EndingSignalsHeld held;  // no handler reads the note half-written
  const std::size_t size = std::min(note.size(), note_buffer.size());
  std::copy_n(note.data(), size, note_buffer.data());
  note_size.store(size);
}

void clear_ending_note() {
  const EndingSignalsHeld held;
  note_size.store(0);
}

void write_ending_note() {
  const std::size_t size = note_size.load();
  if (size > 0) (void)!::write(STDERR_FILENO, note_buffer.data(), size);
}

void take_ending_signals(void (*handler)(int)) {
  for (const int signal : kEndingSignals) {
    struct sigaction current {};
    if (::sigaction(signal, nullptr, &current) != 0 ||
        (current.sa_handler != SIG_DFL && current.sa_handler != on_ending_signal))
      continue;
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal, &action, nullptr);
  }
}

}  // namespace coach
