#pragma once
// A practice session's place in the history: written after every reply (so a session killed
// half-way keeps what was answered) and once more at the end, with the time it finished.
#include <cstdint>
#include <string>

#include "cli/history_link.hpp"
#include "engine/rubric.hpp"
#include "session/session.hpp"

namespace coach::cli {

class PracticeLog {
 public:
  PracticeLog(HistoryLink& link, const Rubric& rubric);

  // Writes the session as it stands; `recording` is the answers file it is also kept in.
  // A session with no reply yet is not written.
  void save(const Session& session, const std::string& recording, bool finished);

 private:
  HistoryLink* link_;
  std::string started_at_;
  std::string scenario_sha256_;
  std::int64_t id_ = 0;  // the session's row, once written
};

}  // namespace coach::cli
