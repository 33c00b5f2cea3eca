#pragma once
// Reads the trainee's replies: with line editing on a terminal (libedit: wide characters,
// history, multi-line paste as one reply), line by line from a pipe otherwise. Ctrl-C comes
// back as an answer the session can act on instead of a lost session.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace coach::cli {

enum class ReadStatus { line, end_of_input, interrupted };

// Text drawn just before the prompt and kept current while the trainee types: the countdown of
// a step with a time limit. It is redrawn at every whole second after `since`, with the
// seconds elapsed since then.
struct LiveStatus {
  std::chrono::steady_clock::time_point since;
  std::function<std::string(double elapsed_seconds)> text;
};

class LineReader {
 public:
  virtual ~LineReader() = default;
  // Shows `prompt` and reads one reply (without its final newline).
  ReadStatus read(const std::string& prompt, std::string& line) {
    return read(prompt, line, std::nullopt);
  }
  // The same with `status` before the prompt. Only a terminal that can redraw a line in place
  // shows it; a pipe shows nothing of it.
  virtual ReadStatus read(const std::string& prompt, std::string& line,
                          const std::optional<LiveStatus>& status) = 0;
  // Text typed without Enter when the last read() was interrupted (Ctrl-C), handed over once:
  // leaving then, it is not a reply, but it must not vanish unseen. Empty where the terminal
  // keeps that text itself.
  virtual std::string take_unfinished() { return {}; }
  // Why reading failed (an errno value), when the input ended because it could not be read
  // (standard input a directory, an I/O error) rather than at its end; 0 otherwise.
  virtual int read_error() const { return 0; }
  // Whether the line read last was far too long for any reply and only its start was kept: it
  // is no reply, and must be refused as one even if what was kept would fit.
  virtual bool line_cut_short() const { return false; }
};

// Line editing when both standard input and output are terminals.
std::unique_ptr<LineReader> make_line_reader();

std::unique_ptr<LineReader> make_stream_line_reader();
std::unique_ptr<LineReader> make_edit_line_reader();

}  // namespace coach::cli
