#pragma once
// A problem found in an input file, reported as `file:line:column: message`.
#include <stdexcept>
#include <string>
#include <unordered_set>
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

// Collects every problem of a file so a trainer sees them all at once. The same problem at
// the same place is listed once: a YAML alias used a hundred times is one mistake, not a
// hundred.
class Diagnostics {
 public:
  void error(const std::string& file, SourceMark mark, std::string message);
  void append(const Diagnostics& other);
  bool empty() const { return items_.empty(); }
  // The problems listed.
  std::size_t size() const { return items_.size(); }
  // Every problem reported, repeats included: how a loader tells whether a part of the file
  // it read added any.
  std::size_t reported() const { return reported_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::string to_string() const;

 private:
  std::vector<Diagnostic> items_;
  std::unordered_set<std::string> listed_;  // items_ as text
  std::size_t reported_ = 0;
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
