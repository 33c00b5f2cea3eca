#pragma once
// An answers file written anew, whole, after every reply: practice's --record, the session's
// copy in the sessions directory, an exam's submission. The session matters more than the
// file: a write that fails (a full disk) is said once and the session goes on. The next reply
// tries again, so the file is whole again as soon as the disk has room, and the end of the
// session knows whether it holds every reply.
#include <string>

namespace coach::cli {

class AnswersRecording {
 public:
  AnswersRecording() = default;  // none
  explicit AnswersRecording(std::string path);

  const std::string& path() const { return path_; }
  // Whether there is a file and it holds the answers saved last.
  bool up_to_date() const { return !path_.empty() && up_to_date_; }

  // Writes `answers`. Never waits (for a FIFO's reader …): it runs with SIGTERM and SIGHUP held
  // back, and a wait there could not be ended but by SIGKILL. A failure goes to stderr, once
  // until a write succeeds again.
  void save(const std::string& answers);

 private:
  std::string path_;
  bool up_to_date_ = true;
  bool failure_said_ = false;
};

// What the end of a session says of its recording: saved, or else not whole and where every
// reply is kept instead (`complete_copy`; empty when no file holds them all).
std::string recording_note(const AnswersRecording& recording, const std::string& complete_copy);

// What the end of an exam says of a submission that is not whole (`transcripts`: the directory
// holding every scenario's replies; empty when it does not).
std::string unfinished_submission_note(const AnswersRecording& submission,
                                       const std::string& transcripts);

}  // namespace coach::cli
