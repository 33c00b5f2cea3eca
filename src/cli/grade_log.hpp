#pragma once
// A grading run's place in the history: every graded attempt, written in batches (one
// transaction per batch keeps thousands of submissions fast and the write lock short while
// other graders share the database) so the cohort is never held in memory.
#include <string>
#include <vector>

#include "cli/history_link.hpp"
#include "history/records.hpp"

namespace coach::cli {

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

 private:
  HistoryLink* link_;
  std::vector<history::AttemptRecord> waiting_;
};

}  // namespace coach::cli
