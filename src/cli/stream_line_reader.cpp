// Replies from a pipe or a file: one line, one reply, so sessions can be scripted. A live status
// (a countdown) is not shown: it could not be redrawn, and scripts read this output.
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>

#include "cli/interrupts.hpp"
#include "cli/line_reader.hpp"

namespace coach::cli {
namespace {

class StreamLineReader : public LineReader {
 public:
  ReadStatus read(const std::string& prompt, std::string& line,
                  const std::optional<LiveStatus>& /*status*/) override {
    std::cout << prompt << std::flush;
    for (;;) {
      if (take_buffered_line(line)) return ReadStatus::line;
      pollfd watched[2] = {{STDIN_FILENO, POLLIN, 0}, {interrupts_.fd(), POLLIN, 0}};
      if (::poll(watched, interrupts_.fd() >= 0 ? 2 : 1, -1) < 0 && errno != EINTR)
        return ReadStatus::end_of_input;
      if (interrupts_.take()) return ReadStatus::interrupted;
      if (watched[0].revents == 0) continue;
      char buffer[4096];
      const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
      if (count > 0) {
        pending_.append(buffer, static_cast<std::size_t>(count));
      } else if (count == 0 || (errno != EINTR && errno != EAGAIN)) {
        return finish(line);
      }
    }
  }

 private:
  bool take_buffered_line(std::string& line) {
    const auto newline = pending_.find('\n');
    if (newline == std::string::npos) return false;
    line = pending_.substr(0, newline);
    pending_.erase(0, newline + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }

  // End of input: a last line without a newline still counts.
  ReadStatus finish(std::string& line) {
    if (pending_.empty()) return ReadStatus::end_of_input;
    line = std::move(pending_);
    pending_.clear();
    return ReadStatus::line;
  }

  InterruptCatcher interrupts_;
  std::string pending_;  // bytes read past the last newline
};

}  // namespace

std::unique_ptr<LineReader> make_stream_line_reader() {
  return std::make_unique<StreamLineReader>();
}

}  // namespace coach::cli
