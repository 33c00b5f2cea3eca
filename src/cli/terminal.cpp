#include "cli/terminal.hpp"

#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>

#include "util/output_file.hpp"

namespace coach::cli {

namespace {

// TERM=dumb says the terminal understands no escape sequence (Emacs' shell buffer, some CI log
// viewers on a pseudo-terminal): colours would show as `^[[1m`.
bool dumb_terminal() {
  const char* term = std::getenv("TERM");
  return term != nullptr && std::string_view(term) == "dumb";
}

}  // namespace

Style style_for(const Context& context, int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  const bool disabled =
      context.no_color || (no_color != nullptr && *no_color != '\0') || dumb_terminal();
  return Style(!disabled && ::isatty(fd) == 1);
}

std::size_t terminal_columns(int fd) {
  if (::isatty(fd) != 1) return 0;
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col != 0)
    return std::min<std::size_t>(size.ws_col, kMaxTerminalColumns);
  // A terminal that reports no size (a 0×0 pseudo-terminal, a serial console) leaves it to
  // COLUMNS, tamed at start to a positive number within kMaxTerminalColumns, or unset.
  const char* columns = std::getenv("COLUMNS");
  std::size_t number = 0;
  if (columns == nullptr ||
      std::from_chars(columns, columns + std::strlen(columns), number).ec != std::errc())
    return 0;
  return std::min<std::size_t>(number, kMaxTerminalColumns);
}

namespace {

void tame_size_variable(const char* name, std::size_t most) {
  const char* value = std::getenv(name);
  if (value == nullptr) return;
  const std::string_view text(value);
  unsigned long long number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  const bool digits_only = error != std::errc::invalid_argument && end == text.data() + text.size();
  if (!digits_only || (error == std::errc() && number == 0)) {
    ::unsetenv(name);
  } else if (error == std::errc::result_out_of_range || number > most) {
    ::setenv(name, std::to_string(most).c_str(), 1);
  }
}

}  // namespace

void tame_terminal_size_environment() {
  tame_size_variable("COLUMNS", kMaxTerminalColumns);
  tame_size_variable("LINES", kMaxTerminalLines);
}

void print_diagnostics(const Diagnostics& diagnostics) {
  std::cerr << diagnostics.to_string() << std::flush;
}

// Linux and the BSDs report POLLERR on the writing end once the last reader has gone; asked
// at the end, since the EPIPE of the write that failed may be long overwritten.
bool stdout_reader_left() {
  pollfd out{STDOUT_FILENO, POLLOUT, 0};
  return ::poll(&out, 1, 0) == 1 && (out.revents & POLLERR) != 0;
}

namespace {

bool is_stdout_spelling(const std::string& path) {
  return path.empty() || path == "-" || path == "/dev/stdout" || path == "/dev/fd/1" ||
         path == "/proc/self/fd/1";
}

// Whether `path` is the file, pipe or socket `fd` writes to, however it is spelled
// (`/dev//stdout`, a link to /dev/stdout, the file `>` redirects to): the same device and
// inode. A character device is left out: a terminal or /dev/null takes any number of outputs.
bool names_stream_file(const std::string& path, int fd) {
  struct stat stream {};
  struct stat named {};
  if (::fstat(fd, &stream) != 0 || S_ISCHR(stream.st_mode)) return false;
  return ::stat(path.c_str(), &named) == 0 && named.st_dev == stream.st_dev &&
         named.st_ino == stream.st_ino;
}

}  // namespace

// /dev/stdout names whatever standard output is: opened anew it would truncate the file a
// `>>` appends to (or be followed to that file and replaced), so it is written as stdout.
bool is_stdout(const std::string& path) {
  return is_stdout_spelling(path) || names_stream_file(path, STDOUT_FILENO);
}

bool is_stderr_file(const std::string& path) {
  return !is_stdout(path) && names_stream_file(path, STDERR_FILENO);
}

Style output_style(const Context& context, const std::string& path) {
  return is_stdout(path) ? style_for(context, 1) : Style(false);
}

void write_output(const std::string& path, const std::string& content) {
  if (is_stdout(path)) {
    std::cout << content << std::flush;
    return;
  }
  write_output_file(path, content);
}

}  // namespace coach::cli
