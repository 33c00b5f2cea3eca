#pragma once
// Running out of memory, said in words wherever it is met.
#include <cerrno>
#include <exception>
#include <new>
#include <string>
#include <system_error>

namespace coach {

// The system's own calls run out of memory too (realpath, opendir, fopen): their ENOMEM is said
// as running out of memory, as std::bad_alloc is, never as a file or folder that cannot be read
// (or, where an error only means "not there", as nothing at all).
inline void throw_if_out_of_memory(const std::error_code& ec) {
  if (ec == std::errc::not_enough_memory) throw std::bad_alloc();
}

inline void throw_if_out_of_memory(int error_number) {
  if (error_number == ENOMEM) throw std::bad_alloc();
}

// What an exception says, for a warning that the work goes on after (a recording or history
// that could not be written): std::bad_alloc's own "std::bad_alloc" says nothing to a user.
std::string error_text(const std::exception& error);

}  // namespace coach
