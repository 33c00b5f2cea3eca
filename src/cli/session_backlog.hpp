#pragma once
// The practice sessions of one command (one scenario, or every scenario of an exam) on their
// way into the history. A session is written after every reply; when a write fails (a disk full
// for a moment) the session as it stands waits here, and everything waiting is written in one
// transaction at the next chance — the next reply, or one in the exam's next scenario — so the
// history ends up with every reply, as the recording does. What still waits when the command
// ends is said, with the answers file that holds its replies; so is a database removed or
// replaced while the command ran, whose writes went into a file no path names any more.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cli/history_link.hpp"
#include "history/records.hpp"

namespace coach::cli {

class SessionBacklog {
 public:
  explicit SessionBacklog(HistoryLink& link) : link_(&link) {}

  bool on() const { return link_->on(); }
  // A number for a new session, under which save() keeps it.
  std::size_t open_session();
  // `session` as it stands replaces what session `number` had waiting; then everything waiting
  // is written.
  void save(std::size_t number, history::AttemptRecord session);
  // One more try at what waits, when the command is ended before its next write.
  void retry();
  // What the end of the command says of the history (for stderr): each session it lacks, or
  // lacks the last replies of, and the file holding them; or, after failed writes, that it has
  // caught up. Empty when nothing went wrong. `every_reply_taken` is false when coach was ended
  // without taking the replies typed ahead: then it claims no file holds every reply.
  std::string closing_note(bool every_reply_taken = true) const;

 private:
  void write_waiting();
  std::string gone_note() const;

  HistoryLink* link_;
  std::vector<std::int64_t> ids_;  // per session number: its row, 0 until first written
  std::map<std::size_t, history::AttemptRecord> waiting_;  // by session number, oldest first
  std::vector<std::string> recordings_;  // per session number: the file holding its replies
  bool failed_once_ = false;
};

}  // namespace coach::cli
