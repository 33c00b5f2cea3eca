#include "cli/grade_log.hpp"

#include <fmt/format.h>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {
// Attempts per transaction: enough to make commits rare, few enough to keep memory small.
constexpr std::size_t kBatchSize = 200;
// While writes fail, how many attempts may wait for the next try: a few batches ride out a
// disk full for a moment without holding a cohort in memory.
constexpr std::size_t kMostWaiting = 20 * kBatchSize;
}  // namespace

void GradeLog::add(history::AttemptRecord record) {
  if (!link_->on()) return;
  waiting_.push_back(std::move(record));
  if (waiting_.size() % kBatchSize == 0) flush();
}

void GradeLog::flush() {
  if (waiting_.empty()) return;
  const bool written = link_->write([&](history::HistoryStore& store) { store.add_all(waiting_); });
  if (!written) failed_once_ = true;
  // The history turned off (a database that went unreadable) or too much waits: what waits is
  // not written this run. The reports still hold every grade.
  if (!written && (link_->on() && waiting_.size() < kMostWaiting)) return;
  if (!written) given_up_ += waiting_.size();
  waiting_.clear();
}

std::string GradeLog::closing_note() {
  flush();
  given_up_ += waiting_.size();  // not tried again once said
  waiting_.clear();
  const std::string database = utf8::show_name(link_->path());
  if (given_up_ > 0)
    return fmt::format(
        fmt::runtime(tr("coach: 练习与批改记录库 {} 缺少这次批改的 {} 份作答(无法写入,"
                        "见上方);成绩都在报告里。\n",
                        "coach: the history database {} lacks {} attempts graded "
                        "this time (it could not be written, see above); the "
                        "reports hold every grade.\n")),
        database, given_up_);
  if (failed_once_)
    return fmt::format(
        fmt::runtime(tr("coach: 练习与批改记录库 {} 又可以写入了,这次批改的作答都已记下。\n",
                        "coach: the history database {} can be written again; it now has every "
                        "attempt graded this time.\n")),
        database);
  return {};
}

}  // namespace coach::cli
