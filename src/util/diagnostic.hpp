#pragma once
// A problem found in an input file, reported as `file:line:column: message`.
#include <stdexcept>
#include <string>
#include <vector>

namespace coach {

struct SourceMark {
  int line = 0;  // 1-based; 0 when the problem concerns the whole file
  int column = 0;
};

struct Diagnostic {
  std::string file;
  SourceMark mark;
  std::string message;

  std::string to_string() const;
};

// Collects every problem of a file so a trainer sees them all at once.
class Diagnostics {
 public:
  void error(const std::string& file, SourceMark mark, std::string message);
  void append(const Diagnostics& other);
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::string to_string() const;

 private:
  std::vector<Diagnostic> items_;
};

// Thrown at the library boundary when input cannot be used at all.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostics diagnostics);
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

}  // namespace coach
