#pragma once
// What the command line knows about its terminal: colours, and where diagnostics go.
#include <string>

#include "cli/context.hpp"
#include "report/style.hpp"
#include "util/diagnostic.hpp"

namespace coach::cli {

// Colour only on a terminal, and never with NO_COLOR or --no-color.
Style style_for(const Context& context, int fd);

// The width of the terminal on `fd`, or 0 when it is not a terminal (pipes are not wrapped).
std::size_t terminal_columns(int fd);

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
