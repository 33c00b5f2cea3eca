#pragma once
// Reading input files with a size limit (output files: util/output_file.hpp).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "util/diagnostic.hpp"

namespace coach {

constexpr std::size_t kMaxInputFileBytes = 16u << 20;

// A file opened for reading only when it is a regular file, without ever waiting: it is opened
// non-blocking and looked at through its descriptor, so a pipe (which would wait for a writer)
// or a device (/dev/zero never ends) put in a file's place, even after it was checked by name,
// is refused instead of read.
class RegularFile {
 public:
  explicit RegularFile(const std::string& path);
  ~RegularFile();
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;

  // Opened and regular.
  bool readable() const { return fd_ >= 0 && regular_; }
  // Why it could not be opened (an errno value), or 0; a file opened but not regular has 0.
  int open_error() const { return open_error_; }
  // Hands each piece read to `take` until the end (true) or a read fails (false, errno set).
  template <typename Take>
  bool read_all(Take&& take) {
    constexpr std::size_t kPiece = 1 << 16;
    // On the heap: 64 KiB of stack crashed every command under a small `ulimit -s`.
    const auto buffer = std::make_unique_for_overwrite<char[]>(kPiece);
    for (;;) {
      const long got = read_some(buffer.get(), kPiece);
      if (got == 0) return true;
      if (got < 0) return false;
      if (!take(std::string_view(buffer.get(), static_cast<std::size_t>(got)))) return true;
    }
  }

 private:
  long read_some(char* buffer, std::size_t size);  // as read(2), EINTR retried

  int fd_ = -1;
  bool regular_ = false;
  int open_error_ = 0;
};

// Reads a whole file as UTF-8 text. Throws InputError naming the file (missing, a directory,
// unreadable, too large, or not valid UTF-8 with the line and column of the first bad byte).
std::string read_text_file(const std::string& path, std::size_t max_bytes = kMaxInputFileBytes);

// The two halves of read_text_file: the file's bytes, and whether they are UTF-8 text (each
// throws what read_text_file would). A reader that may not need the text, only to look for a
// word in it, checks it only when it does.
std::string read_file_bytes(const std::string& path, std::size_t max_bytes = kMaxInputFileBytes);
void check_utf8_text(const std::string& path, const std::string& content);

}  // namespace coach
