// Replies from a pipe or a file: one line, one reply, so sessions can be scripted. A live status
// (a countdown) is not shown: it could not be redrawn, and scripts read this output. A SIGTERM
// or SIGHUP takes the lines that had come first (see EndingSignalWatch).
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>

#include "cli/ending_signal_watch.hpp"
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
      // A descriptor of -1 (no self-pipe) is left out by poll().
      pollfd watched[3] = {{STDIN_FILENO, POLLIN, 0},
                           {interrupts_.fd(), POLLIN, 0},
                           {ending_signal_descriptor(), POLLIN, 0}};
      if (::poll(watched, 3, -1) < 0 && errno != EINTR) return ReadStatus::end_of_input;
      if (interrupts_.take()) return ReadStatus::interrupted;
      if (watched[2].revents != 0) return take_what_came_then_end(line);
      if (watched[0].revents == 0) continue;
      char buffer[4096];
      const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
      if (count > 0) {
        pending_.append(buffer, static_cast<std::size_t>(count));
      } else if (count == 0 || (errno != EINTR && errno != EAGAIN)) {
        if (count < 0) read_error_ = errno;
        return finish(line);
      }
    }
  }

  int read_error() const override { return read_error_; }

 private:
  bool take_buffered_line(std::string& line) {
    const auto newline = pending_.find('\n');
    if (newline == std::string::npos) return false;
    line = pending_.substr(0, newline);
    pending_.erase(0, newline + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }

  // A SIGTERM or SIGHUP: the lines already sent are replies still, one by one; after them the
  // program ends. The input's end among them ends it as always (its last line counts).
  ReadStatus take_what_came_then_end(std::string& line) {
    const bool input_ended = !read_what_has_come();
    if (take_buffered_line(line)) return ReadStatus::line;
    if (input_ended) return finish(line);
    end_at_signal(pending_);
  }

  // Reads without waiting, up to the next whole line (so a file as input is not read to its end
  // in one go); false at the end of input.
  bool read_what_has_come() {
    while (pending_.find('\n') == std::string::npos) {
      pollfd input{STDIN_FILENO, POLLIN, 0};
      if (::poll(&input, 1, 0) <= 0 || input.revents == 0) return true;
      char buffer[4096];
      const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
      if (count > 0) {
        pending_.append(buffer, static_cast<std::size_t>(count));
      } else if (count == 0 || (errno != EINTR && errno != EAGAIN)) {
        if (count < 0) read_error_ = errno;
        return false;
      }
    }
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
  int read_error_ = 0;
};

}  // namespace

std::unique_ptr<LineReader> make_stream_line_reader() {
  return std::make_unique<StreamLineReader>();
}

}  // namespace coach::cli
