#pragma once
// Reads the trainee's replies line by line from standard input, a terminal or a pipe, and
// turns Ctrl-C into an answer the session can act on instead of a lost session.
#include <string>

namespace coach::cli {

enum class ReadStatus { line, end_of_input, interrupted };

class LineReader {
 public:
  LineReader();
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Shows `prompt` and reads one line (without its newline).
  ReadStatus read(const std::string& prompt, std::string& line);

 private:
  std::string pending_;  // bytes read past the last newline
};

}  // namespace coach::cli
