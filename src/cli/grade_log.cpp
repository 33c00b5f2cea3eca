#include "cli/grade_log.hpp"

namespace coach::cli {
namespace {
// Attempts per transaction: enough to make commits rare, few enough to keep memory small.
constexpr std::size_t kBatchSize = 200;
}  // namespace

void GradeLog::add(history::AttemptRecord record) {
  if (!link_->on()) return;
  waiting_.push_back(std::move(record));
  if (waiting_.size() >= kBatchSize) flush();
}

void GradeLog::flush() {
  if (!waiting_.empty()) link_->use([&](history::HistoryStore& store) { store.add_all(waiting_); });
  waiting_.clear();
}

}  // namespace coach::cli
