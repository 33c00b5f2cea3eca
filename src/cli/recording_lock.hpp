#pragma once
// Held for a whole session over its --record file. A second session recording to the same path
// replaced the file after each of its own replies, and both ended saying it was saved: the
// class script that gave every trainee one path kept one trainee's replies.
#include <optional>
#include <string>

namespace coach::cli {

class RecordingLock {
 public:
  // Takes the lock of `path`: an advisory lock (flock) on a hidden `.NAME.lock` beside the file
  // it names (links followed), which the kernel lets go when the process ends, however it ends.
  // In a folder that takes no new file the recording is written in place, and the lock is on
  // the recording itself. What is not a regular file (a device, written in place) takes none.
  explicit RecordingLock(const std::string& path);
  ~RecordingLock();
  RecordingLock(const RecordingLock&) = delete;
  RecordingLock& operator=(const RecordingLock&) = delete;

  // Whether another session holds the lock: this one must not record there.
  bool taken_by_another() const { return busy_; }

  // Why no lock could be taken (a folder where the lock file goes, no descriptor left): the
  // session must not start, since another could record over it unseen.
  struct Failure {
    std::string path;  // the lock file, or the recording
    int error = 0;     // errno
  };
  const std::optional<Failure>& cannot_lock() const { return cannot_lock_; }

  // Removes the lock file and lets the lock go, as the end of the session does: also where a
  // signal ends it, which runs no destructor (outside pass 49, finding 02).
  void let_go();

 private:
  void lock_without_lock_file(const std::string& target, const std::string& lock_path,
                              bool target_exists);
  bool take(int fd, const std::string& path, bool lock_file);

  std::string lock_path_;  // the lock file to remove at the end; empty when the recording is locked
  int fd_ = -1;
  bool busy_ = false;
  std::optional<Failure> cannot_lock_;
};

}  // namespace coach::cli
