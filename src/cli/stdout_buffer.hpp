#pragma once
// std::cout's writes, handed to stdout as the standard library's own buffer hands them, but with
// the reason of the first one that failed kept. A write that fails in the middle of a long
// listing leaves std::cout failed and writes nothing more, and by the time the command ends
// errno says something else: `coach list > /dev/full` could only say that stdout could not be
// written, never that the device was full.
#include <streambuf>

namespace coach::cli {

class StdoutBuffer : public std::streambuf {
 public:
  // The errno of the first write or flush to stdout that failed; 0 while none has.
  int first_error() const { return first_error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize size) override;
  int sync() override;

 private:
  void keep(int error);

  int first_error_ = 0;
};

// Puts a StdoutBuffer under std::cout, once; the one in place from then on.
StdoutBuffer& stdout_buffer();

}  // namespace coach::cli
