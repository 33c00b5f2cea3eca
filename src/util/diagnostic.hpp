#pragma once
// A problem found in an input file, reported as `file:line:column: message`.
#include <stdexcept>
#include <string>
#include <unordered_map>
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
// hundred. A file lists at most kMaxListedPerFile problems, then how many more it has: a
// million wrong keys would otherwise be a million lines and a gigabyte.
class Diagnostics {
 public:
  void error(const std::string& file, SourceMark mark, std::string message);
  void append(const Diagnostics& other);
  bool empty() const { return items_.empty(); }
  // The lines listed: the problems, and a "… and N more" line for each file that had too many.
  std::size_t size() const { return items_.size(); }
  // The problems, those left unlisted included (a "… and N more" line is none): what a summary
  // counts.
  std::size_t problems() const;
  // Every problem reported, repeats included: how a loader tells whether a part of the file
  // it read added any.
  std::size_t reported() const { return reported_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::string to_string() const;

  static constexpr std::size_t kMaxListedPerFile = 100;

 private:
  struct Unlisted {
    std::size_t item;  // the "… and N more" line in items_
    std::size_t count;
  };
  void note_unlisted(const std::string& file, std::size_t count);

  std::vector<Diagnostic> items_;
  std::unordered_set<std::string> listed_;  // items_ as text
  std::unordered_map<std::string, std::size_t> listed_per_file_;
  std::unordered_map<std::string, Unlisted> unlisted_;
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
