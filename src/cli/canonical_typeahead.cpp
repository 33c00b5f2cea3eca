#include "cli/canonical_typeahead.hpp"

#include <poll.h>
#include <termios.h>
#include <unistd.h>

namespace coach::cli {
namespace {

// A terminal that has hung up reads as end of input for ever, and a script may have typed ahead
// a great deal: the reading is bounded either way.
constexpr int kMostLines = 10000;

bool is_canonical(int fd) {
  termios settings{};
  return ::tcgetattr(fd, &settings) == 0 && (settings.c_lflag & ICANON) != 0;
}

// In canonical mode a terminal is readable only once a line is complete or an end-of-file mark
// is waiting, so this never takes a line still being typed.
bool line_waiting(int fd) {
  pollfd watched{fd, POLLIN, 0};
  return ::poll(&watched, 1, 0) > 0 && (watched.revents & POLLIN) != 0;
}

}  // namespace

std::string read_canonical_typeahead(int fd) {
  std::string keys;
  if (!is_canonical(fd)) return keys;
  char buffer[4096];
  for (int lines = 0; lines < kMostLines && line_waiting(fd); ++lines) {
    const ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count < 0) break;
    if (count == 0) {
      keys += '\x04';  // Ctrl-D, as libedit will read it on an empty line: the end of input
      break;
    }
    keys.append(buffer, static_cast<std::size_t>(count));
  }
  return keys;
}

}  // namespace coach::cli
