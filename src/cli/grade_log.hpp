#pragma once
// A grading run's place in the history: every graded attempt, written in batches (one
// transaction per batch keeps thousands of submissions fast and the write lock short while
// other graders share the database) so the cohort is never held in memory. A batch that cannot
// be written (a disk full for a moment) waits and is written with the next one; only when too
// much waits is it given up, so memory stays bounded. What the history lacks at the end is said;
// a run ended by a signal says how many of its attempts the history has. A graded attempt is
// kept once: grading the same submission again (a CI job re-run after it was cancelled half-way)
// adds only the attempts the history lacks, so none is counted twice.
#include <cstddef>
#include <string>
#include <vector>

#include "cli/history_link.hpp"
#include "history/records.hpp"

namespace coach::cli {

// The identity under which the history keeps a graded attempt: the same bytes (`file_sha256`)
// under the same file name, the same attempt in them, the same scenario file and exam, the same
// trainee. The folder the file is in does not matter: a CI checkout lands in a new one each time.
std::string graded_attempt_identity(const std::string& file_sha256, int position,
                                    const history::AttemptRecord& record);

class GradeLog {
 public:
  explicit GradeLog(HistoryLink& link) : link_(&link) {}
  ~GradeLog() { flush(); }
  GradeLog(const GradeLog&) = delete;
  GradeLog& operator=(const GradeLog&) = delete;

  bool on() const { return link_->on(); }
  void add(history::AttemptRecord record);
  // Writes what is waiting.
  void flush();
  // What the end of the run says of the history (for stderr), after a last flush: how many
  // graded attempts it lacks, or that it caught up after failed writes. Empty when nothing went
  // wrong.
  std::string closing_note();

 private:
  HistoryLink* link_;
  std::vector<history::AttemptRecord> waiting_;
  void say_recorded_if_ended() const;

  std::size_t recorded_ = 0;  // attempts of this run the history has
  std::size_t given_up_ = 0;  // attempts dropped while the history could not be written
  bool failed_once_ = false;
};

}  // namespace coach::cli
