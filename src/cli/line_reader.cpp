#include "cli/line_reader.hpp"

#include <unistd.h>

#include <csignal>
#include <cerrno>
#include <iostream>

namespace coach::cli {
namespace {

volatile std::sig_atomic_t interrupted = 0;

void on_interrupt(int) { interrupted = 1; }

struct sigaction previous_action;

}  // namespace

LineReader::LineReader() {
  // No SA_RESTART: Ctrl-C must break the blocking read so the session can ask what to do.
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, &previous_action);
}

LineReader::~LineReader() { sigaction(SIGINT, &previous_action, nullptr); }

ReadStatus LineReader::read(const std::string& prompt, std::string& line) {
  std::cout << prompt << std::flush;
  interrupted = 0;
  for (;;) {
    if (const auto newline = pending_.find('\n'); newline != std::string::npos) {
      line = pending_.substr(0, newline);
      pending_.erase(0, newline + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return ReadStatus::line;
    }
    char buffer[4096];
    const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count > 0) {
      pending_.append(buffer, static_cast<std::size_t>(count));
      continue;
    }
    if (count < 0 && errno == EINTR) {
      if (interrupted) {
        interrupted = 0;
        return ReadStatus::interrupted;
      }
      continue;
    }
    // End of input: a last line without a newline still counts.
    if (!pending_.empty()) {
      line = std::move(pending_);
      pending_.clear();
      return ReadStatus::line;
    }
    return ReadStatus::end_of_input;
  }
}

}  // namespace coach::cli
