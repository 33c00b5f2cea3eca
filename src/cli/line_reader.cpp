#include "cli/line_reader.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <iostream>

namespace coach::cli {
namespace {

// The self-pipe trick: the handler writes a byte that poll() sees, so a Ctrl-C pressed at any
// moment (even between two reads) is noticed and never lost.
int interrupt_pipe[2] = {-1, -1};

void on_interrupt(int) {
  const int saved_errno = errno;
  const char byte = 1;
  [[maybe_unused]] const auto written = ::write(interrupt_pipe[1], &byte, 1);
  errno = saved_errno;
}

bool take_interrupt() {
  char drained[64];
  bool any = false;
  while (::read(interrupt_pipe[0], drained, sizeof drained) > 0) any = true;
  return any;
}

struct sigaction previous_action;

}  // namespace

LineReader::LineReader() {
  if (interrupt_pipe[0] < 0 && ::pipe(interrupt_pipe) == 0) {
    for (int fd : interrupt_pipe) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
  // No SA_RESTART: Ctrl-C must break the blocking read so the session can ask what to do.
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(SIGINT, &action, &previous_action);
  // A parent may have left SIGINT blocked (the mask survives exec); Ctrl-C must reach us.
  sigset_t interrupt_only;
  sigemptyset(&interrupt_only);
  sigaddset(&interrupt_only, SIGINT);
  sigprocmask(SIG_UNBLOCK, &interrupt_only, nullptr);
}

LineReader::~LineReader() {
  sigaction(SIGINT, &previous_action, nullptr);
}

ReadStatus LineReader::read(const std::string& prompt, std::string& line) {
  std::cout << prompt << std::flush;
  for (;;) {
    if (const auto newline = pending_.find('\n'); newline != std::string::npos) {
      line = pending_.substr(0, newline);
      pending_.erase(0, newline + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return ReadStatus::line;
    }
    pollfd watched[2] = {{STDIN_FILENO, POLLIN, 0}, {interrupt_pipe[0], POLLIN, 0}};
    if (::poll(watched, interrupt_pipe[0] >= 0 ? 2 : 1, -1) < 0 && errno != EINTR)
      return ReadStatus::end_of_input;
    if (take_interrupt()) return ReadStatus::interrupted;
    if (watched[0].revents == 0) continue;
    char buffer[4096];
    const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count > 0) {
      pending_.append(buffer, static_cast<std::size_t>(count));
      continue;
    }
    if (count < 0 && (errno == EINTR || errno == EAGAIN)) continue;
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
