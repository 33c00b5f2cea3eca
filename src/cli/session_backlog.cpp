#include "cli/session_backlog.hpp"

#include <fmt/format.h>

#include <utility>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

// A session never written, or written up to a reply before the last.
std::string what_is_missing(const history::AttemptRecord& session) {
  if (session.id == 0)
    return fmt::format(
        fmt::runtime(tr("没有记下场景 {} 的这次练习", "does not have this session of {}")),
        session.scenario_id);
  return fmt::format(fmt::runtime(tr("没有记下场景 {} 最后的回答,只记到更早的一句,没有结束时间:"
                                     "coach history 把它列为未完成,不计入任何分数",
                                     "does not have the last replies of {}, only those up to an "
                                     "earlier one and no finishing time: coach history lists it "
                                     "as unfinished and counts it in no figure")),
                     session.scenario_id);
}

// `every_reply_taken`: false when coach was ended without waiting for replies typed ahead
// (EndingSignalWatch), which the file may then lack.
std::string missing_session_note(const std::string& database, const history::AttemptRecord& session,
                                 bool every_reply_taken) {
  if (session.source_file.empty())
    return fmt::format(fmt::runtime(tr("coach: 练习与批改记录库 {} {}(无法写入,见上方);"
                                       "这些回答也没能存进任何文件。\n",
                                       "coach: the history database {} {} (it could not be "
                                       "written, see above); those replies are in no file "
                                       "either.\n")),
                       database, what_is_missing(session));
  if (!every_reply_taken)
    return fmt::format(fmt::runtime(tr("coach: 练习与批改记录库 {} {}(无法写入,见上方);"
                                       "已保存的回答在:{}\n",
                                       "coach: the history database {} {} (it could not be "
                                       "written, see above); the replies saved are in: {}\n")),
                       database, what_is_missing(session), utf8::show_name(session.source_file));
  return fmt::format(fmt::runtime(tr("coach: 练习与批改记录库 {} {}(无法写入,见上方);"
                                     "全部回答在:{}\n",
                                     "coach: the history database {} {} (it could not be "
                                     "written, see above); every reply is in: {}\n")),
                     database, what_is_missing(session), utf8::show_name(session.source_file));
}

// The database was removed (or another file put in its place) while sessions were written to it.
std::string removed_database_note(const std::string& database, const std::string& recording) {
  if (recording.empty())
    return fmt::format(fmt::runtime(tr("coach: 练习与批改记录库 {} 在练习期间被删除或换掉了,"
                                       "这次练习没有记入任何记录库,回答也没能存进任何文件。\n",
                                       "coach: the history database {} was removed or replaced "
                                       "during the session, so no history holds this session, "
                                       "and its replies are in no file either.\n")),
                       database);
  return fmt::format(fmt::runtime(tr("coach: 练习与批改记录库 {} 在练习期间被删除或换掉了,"
                                     "这次练习没有记入任何记录库;全部回答在:{}\n",
                                     "coach: the history database {} was removed or replaced "
                                     "during the session, so no history holds this session; "
                                     "every reply is in: {}\n")),
                     database, utf8::show_name(recording));
}

}  // namespace

std::size_t SessionBacklog::open_session() {
  recordings_.emplace_back();
  ids_.push_back(0);
  return ids_.size() - 1;
}

void SessionBacklog::save(std::size_t number, history::AttemptRecord session) {
  recordings_[number] = session.source_file;
  waiting_[number] = std::move(session);
  write_waiting();
}

void SessionBacklog::retry() {
  if (!waiting_.empty()) write_waiting();
}

void SessionBacklog::write_waiting() {
  std::vector<history::AttemptRecord> batch;
  for (auto& [waiting_number, waiting] : waiting_) {
    waiting.id = ids_[waiting_number];
    batch.push_back(waiting);
  }
  std::vector<std::int64_t> written;
  if (!link_->write([&](history::HistoryStore& store) { written = store.save_sessions(batch); })) {
    failed_once_ = true;
    return;
  }
  std::size_t next = 0;
  for (const auto& entry : waiting_) ids_[entry.first] = written[next++];
  waiting_.clear();
}

// Every session written went with the file: each is named, with the file holding its replies.
std::string SessionBacklog::gone_note() const {
  std::string note;
  const std::string database = utf8::show_name(link_->path());
  for (std::size_t number = 0; number < ids_.size(); ++number) {
    if (ids_[number] != 0 || waiting_.count(number))
      note += removed_database_note(database, recordings_[number]);
  }
  return note;
}

std::string SessionBacklog::closing_note(bool every_reply_taken) const {
  if (!link_->still_at_path()) return gone_note();
  if (!failed_once_) return {};
  const std::string database = utf8::show_name(link_->path());
  if (waiting_.empty() && !every_reply_taken)
    return fmt::format(
        fmt::runtime(tr("coach: 练习与批改记录库 {} 又可以写入了,已保存的回答都已记下。\n",
                        "coach: the history database {} can be written again; "
                        "it now has every reply saved.\n")),
        database);
  if (waiting_.empty())
    return fmt::format(
        fmt::runtime(tr("coach: 练习与批改记录库 {} 又可以写入了,这次的回答都已记下。\n",
                        "coach: the history database {} can be written again; "
                        "it now has every reply given this time.\n")),
        database);
  std::string note;
  for (const auto& entry : waiting_)
    note += missing_session_note(database, entry.second, every_reply_taken);
  return note;
}

}  // namespace coach::cli
