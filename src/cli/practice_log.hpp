#pragma once
// A practice session's place in the history: written after every reply (so a session killed
// half-way keeps what was answered) and once more at the end, with the time it finished. A
// write that fails is made good at the next one (see SessionBacklog).
#include <cstddef>
#include <string>

#include "cli/session_backlog.hpp"
#include "engine/rubric.hpp"
#include "session/session.hpp"

namespace coach::cli {

class PracticeLog {
 public:
  PracticeLog(SessionBacklog& backlog, const Rubric& rubric);

  // Writes the session as it stands; `recording` is the answers file it is also kept in.
  // A session with no reply yet is not written.
  void save(const Session& session, const std::string& recording, bool finished);

 private:
  SessionBacklog* backlog_;
  std::size_t number_;  // the session's in the backlog
  std::string started_at_;
  std::string scenario_sha256_;
  bool saved_ = false;  // handed to the backlog at least once
};

}  // namespace coach::cli
