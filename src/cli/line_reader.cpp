#include "cli/line_reader.hpp"

#include <unistd.h>

namespace coach::cli {

std::unique_ptr<LineReader> make_line_reader() {
  if (::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1) return make_edit_line_reader();
  return make_stream_line_reader();
}

}  // namespace coach::cli
