#pragma once
// What the command line knows about its terminal: colours, and where diagnostics go.
#include <string>

#include "cli/context.hpp"
#include "report/style.hpp"
#include "util/diagnostic.hpp"

namespace coach::cli {

// Colour only on a terminal, and never with NO_COLOR, --no-color or TERM=dumb.
Style style_for(const Context& context, int fd);

// The widest and tallest terminal coach draws for: wider text is wrapped at this width.
constexpr std::size_t kMaxTerminalColumns = 4096;
constexpr std::size_t kMaxTerminalLines = 1024;

// The width of the terminal on `fd` (at most kMaxTerminalColumns), or 0 when it is not a
// terminal (pipes are not wrapped).
std::size_t terminal_columns(int fd);

// COLUMNS and LINES as the line editor (through terminfo) reads them when the terminal does not
// report its size (a 0×0 pseudo-terminal): a value that is not a positive number is removed, so
// the terminal type's default applies, and a huge one is brought down to the maximum above. The
// editor allocates its screen per column and row: COLUMNS=2147483647 crashed it, 999999999
// took 4 GB.
void tame_terminal_size_environment();

void print_diagnostics(const Diagnostics& diagnostics);

// Whether standard output is a pipe (or socket) whose reader has closed it (`| head`).
bool stdout_reader_left();

// Whether an --output path means stdout: empty, "-", /dev/stdout, or any other name of the
// file or pipe standard output goes to (not of a terminal or /dev/null).
bool is_stdout(const std::string& path);

// Whether a path that is not stdout names the file or pipe standard error goes to (not a
// terminal or /dev/null): a report there would replace the error messages or run into them.
bool is_stderr_file(const std::string& path);

// The style of output going to `path`: the terminal's on stdout, plain in a file.
Style output_style(const Context& context, const std::string& path);

// Writes a report to a file (atomically) or, when `path` is empty or "-", to stdout.
void write_output(const std::string& path, const std::string& content);

}  // namespace coach::cli
