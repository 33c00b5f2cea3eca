#include "cli/grade_log.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "util/ending_note.hpp"
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

std::string graded_attempt_identity(const std::string& file_sha256, int position,
                                    const history::AttemptRecord& record) {
  if (file_sha256.empty()) return {};
  return fmt::format("grade\n{}\n{}\n{}\n{}\n{}\n{}\n{}", file_sha256,
                     std::filesystem::path(record.source_file).filename().string(), position,
                     record.scenario_id, record.scenario_sha256, record.exam_id, record.trainee);
}

void GradeLog::add(history::AttemptRecord record) {
  if (!link_->on()) return;
  waiting_.push_back(std::move(record));
  if (waiting_.size() % kBatchSize == 0) flush();
}

void GradeLog::flush() {
  if (waiting_.empty()) return;
  // A signal waits for the batch and the count of what is recorded, which it then says: a
  // kill between the two made the count short by a batch.
  const EndingSignalsHeld not_now;
  const bool written = link_->write([&](history::HistoryStore& store) { store.add_all(waiting_); });
  if (!written) failed_once_ = true;
  if (written) {
    recorded_ += waiting_.size();
    say_recorded_if_ended();
  }
  // The history turned off (a database that went unreadable) or too much waits: what waits is
  // not written this run. The reports still hold every grade.
  if (!written && (link_->on() && waiting_.size() < kMostWaiting)) return;
  if (!written) given_up_ += waiting_.size();
  waiting_.clear();
}

// A signal ends the run before its reports are written: the CI job must know the history
// already has part of the cohort, and that the rerun will not count it again.
void GradeLog::say_recorded_if_ended() const {
  set_ending_note(fmt::format(
      fmt::runtime(tr("coach: 练习与批改记录库 {} 已记下这次批改的 {} 份作答;再批改同样的答卷"
                      "只补记缺少的,不会重复计入。\n",
                      recorded_ == 1
                          ? "coach: the history database {} has {} attempt graded by this run; "
                            "grading the same answers files again records only those it lacks, "
                            "none twice.\n"
                          : "coach: the history database {} has {} attempts graded by this run; "
                            "grading the same answers files again records only those it lacks, "
                            "none twice.\n")),
      utf8::show_name(link_->path()), recorded_));
}

std::string GradeLog::closing_note() {
  flush();
  clear_ending_note();
  given_up_ += waiting_.size();  // not tried again once said
  waiting_.clear();
  const std::string database = utf8::show_name(link_->path());
  if (given_up_ > 0)
    return fmt::format(
        fmt::runtime(tr("coach: 练习与批改记录库 {} 缺少这次批改的 {} 份作答(无法写入,"
                        "见上方);成绩都在报告里。\n",
                        given_up_ == 1 ? "coach: the history database {} lacks {} attempt graded "
                                         "this time (it could not be written, see above); the "
                                         "reports hold every grade.\n"
                                       : "coach: the history database {} lacks {} attempts graded "
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
