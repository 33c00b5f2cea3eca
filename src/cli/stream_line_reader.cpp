// Replies from a pipe or a file: one line, one reply, so sessions can be scripted. A live status
// (a countdown) is not shown: it could not be redrawn, and scripts read this output. A SIGTERM
// or SIGHUP takes the lines that had come first (see EndingSignalWatch).
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <deque>
#include <iostream>
#include <string_view>

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
      if (watched[0].revents != 0 && !read_some()) return finish(line);
    }
  }

  // The bytes after the last newline: a line not ended when the session was left (Ctrl-C twice,
  // /quit) is no reply, but it is named, not dropped unseen (outside pass 49, finding 05).
  std::string take_unfinished() override {
    std::string unfinished = pending_.substr(partial_);
    pending_.resize(partial_);
    cut_lines_.clear();
    dropping_ = false;
    return unfinished;
  }

  int read_error() const override { return read_error_; }
  bool line_cut_short() const override { return cut_; }

 private:
  bool take_buffered_line(std::string& line) {
    const auto newline = pending_.find('\n', scanned_);
    if (newline == std::string::npos) {
      scanned_ = pending_.size();  // a long line is searched once, not again at every read
      return false;
    }
    line = pending_.substr(0, newline);
    forget_front(newline + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }

  // Bytes from the input. Past kLongestLine a line is cut there and the rest of it dropped as it
  // comes: a 100 MB line was held whole (and grew fifteenfold as it was checked) before being
  // refused as too long.
  void take_in(std::string_view bytes) {
    if (dropping_) {
      const auto newline = bytes.find('\n');
      if (newline == std::string_view::npos) return;
      dropping_ = false;
      bytes.remove_prefix(newline);  // the newline ends the part kept
    }
    if (const auto newline = bytes.rfind('\n'); newline != std::string_view::npos)
      partial_ = pending_.size() + newline + 1;
    pending_.append(bytes);
    if (pending_.size() - partial_ <= kLongestLine) return;
    pending_.resize(partial_ + kLongestLine);
    cut_lines_.push_back(partial_);
    dropping_ = true;
  }

  // The line at the front of pending_, `count` bytes with its newline, is taken.
  void forget_front(std::size_t count) {
    cut_ = !cut_lines_.empty() && cut_lines_.front() == 0;
    if (cut_) cut_lines_.pop_front();
    for (std::size_t& begin : cut_lines_) begin -= count;
    pending_.erase(0, count);
    partial_ -= count;
    scanned_ = 0;
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
    while (pending_.find('\n', scanned_) == std::string::npos) {
      scanned_ = pending_.size();
      pollfd input{STDIN_FILENO, POLLIN, 0};
      if (::poll(&input, 1, 0) <= 0 || input.revents == 0) return true;
      if (!read_some()) return false;
    }
    return true;
  }

  // One read of what standard input has; false at its end, or when it cannot be read.
  bool read_some() {
    char buffer[4096];
    const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count > 0) {
      take_in({buffer, static_cast<std::size_t>(count)});
      return true;
    }
    if (count < 0 && (errno == EINTR || errno == EAGAIN)) return true;
    if (count < 0) read_error_ = errno;
    return false;
  }

  // End of input: a last line without a newline still counts.
  ReadStatus finish(std::string& line) {
    if (pending_.empty()) return ReadStatus::end_of_input;
    cut_ = !cut_lines_.empty();
    cut_lines_.clear();
    dropping_ = false;
    line = std::move(pending_);
    pending_.clear();
    partial_ = scanned_ = 0;
    return ReadStatus::line;
  }

  // Far beyond any reply (kMaxReplyCharacters of four bytes each, with room for the controls
  // and spaces taken out), and small enough to check at once.
  static constexpr std::size_t kLongestLine = std::size_t{1} << 20;

  InterruptCatcher interrupts_;
  std::string pending_;                // bytes read and not yet taken: whole lines, then a part
  std::size_t scanned_ = 0;            // the bytes of pending_ known to hold no newline
  std::size_t partial_ = 0;            // where in pending_ the line not yet ended begins
  std::deque<std::size_t> cut_lines_;  // where in pending_ each line cut at kLongestLine begins
  bool dropping_ = false;              // the rest of a cut line is still coming
  bool cut_ = false;                   // the line read last was cut
  int read_error_ = 0;
};

}  // namespace

std::unique_ptr<LineReader> make_stream_line_reader() {
  return std::make_unique<StreamLineReader>();
}

}  // namespace coach::cli
