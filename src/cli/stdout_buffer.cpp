#include "cli/stdout_buffer.hpp"

#include <cerrno>
#include <cstdio>
#include <iostream>

namespace coach::cli {

// Unbuffered here: stdout's own buffer holds the text, so what std::cout and stdio print keeps
// its order, as with the standard library's buffer synchronised with stdio.
std::streambuf::int_type StdoutBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char byte = traits_type::to_char_type(c);
  return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
}

std::streamsize StdoutBuffer::xsputn(const char* text, std::streamsize size) {
  const std::size_t written = std::fwrite(text, 1, static_cast<std::size_t>(size), stdout);
  if (written < static_cast<std::size_t>(size)) keep(errno);
  return static_cast<std::streamsize>(written);
}

int StdoutBuffer::sync() {
  if (std::fflush(stdout) == 0) return 0;
  keep(errno);
  return -1;
}

void StdoutBuffer::keep(int error) {
  if (first_error_ == 0) first_error_ = error;
}

StdoutBuffer& stdout_buffer() {
  // Never destroyed: std::cout is flushed at exit, after static objects are gone.
  static auto* const buffer = [] {
    auto* made = new StdoutBuffer;
    std::cout.rdbuf(made);
    return made;
  }();
  return *buffer;
}

}  // namespace coach::cli
