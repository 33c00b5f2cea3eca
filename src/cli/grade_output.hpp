#pragma once
// Where a streamed report goes. The attempts' parts are spooled to a temporary file as they
// are graded, so a cohort's report is never held in memory; the head and tail, known only at the
// end, are written around them. The spool lies beside the report's file, or for stdout in
// TMPDIR (or /tmp).
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/output_file.hpp"

namespace coach::cli {

class ReportSpool {
 public:
  // A report to `path` (an OutputFile: whole or not at all) or to stdout when `path` is empty
  // or "-". The file is opened at once, so a report that cannot be written fails before the
  // cohort is graded, not after. Throws std::runtime_error.
  explicit ReportSpool(const std::string& path);
  // A part the spool cannot take (a full disk, a file-size limit) fails this report alone, at
  // finish(): the grading and the other reports go on.
  void append(std::string_view part);
  // Writes head, the spooled parts and tail. Throws std::runtime_error naming the report.
  void finish(std::string_view head, std::string_view tail);

 private:
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  void spool_failed();
  void flush_spool();
  template <typename Write>
  void copy(Write&& write);
  void finish_on_stdout(std::string_view head, std::string_view tail);
  [[noreturn]] void fail_file(const std::string& why);

  std::string name_;  // for messages
  std::unique_ptr<std::FILE, Closer> spool_;
  std::unique_ptr<OutputFile> out_;         // null for stdout
  std::optional<std::string> spool_error_;  // why a part could not be spooled
};

// Removes `file`, where an earlier run's report is (output_target of the report's path), as a
// report that cannot be written removes it: a regular file that may be replaced, never a device
// or a pipe. Allocates nothing: it is for a run that ran out of memory before opening its reports.
void remove_earlier_report(const std::string& file);

}  // namespace coach::cli
