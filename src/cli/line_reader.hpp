#pragma once
// Reads the trainee's replies: with line editing on a terminal (libedit: wide characters,
// history, multi-line paste as one reply), line by line from a pipe otherwise. Ctrl-C comes
// back as an answer the session can act on instead of a lost session.
#include <memory>
#include <string>

namespace coach::cli {

enum class ReadStatus { line, end_of_input, interrupted };

class LineReader {
 public:
  virtual ~LineReader() = default;
  // Shows `prompt` and reads one reply (without its final newline).
  virtual ReadStatus read(const std::string& prompt, std::string& line) = 0;
};

// Line editing when both standard input and output are terminals.
std::unique_ptr<LineReader> make_line_reader();

std::unique_ptr<LineReader> make_stream_line_reader();
std::unique_ptr<LineReader> make_edit_line_reader();

}  // namespace coach::cli
