#pragma once
// Held for a whole session over its --record file. A second session recording to the same path
// replaced the file after each of its own replies, and both ended saying it was saved: the
// class script that gave every trainee one path kept one trainee's replies.
#include <string>

namespace coach::cli {

class RecordingLock {
 public:
  // Takes the lock of `path`: an advisory lock (flock) on a hidden `.NAME.lock` beside the file
  // it names (links followed), which the kernel lets go when the process ends, however it ends.
  // Where no lock file can be made (a read-only folder, no descriptor left), and for what is not
  // a regular file (a device, written in place), none is taken: the recording's own checks say
  // whether it can be written.
  explicit RecordingLock(const std::string& path);
  ~RecordingLock();
  RecordingLock(const RecordingLock&) = delete;
  RecordingLock& operator=(const RecordingLock&) = delete;

  // Whether another session holds the lock: this one must not record there.
  bool taken_by_another() const { return busy_; }

 private:
  std::string lock_path_;
  int fd_ = -1;
  bool busy_ = false;
};

}  // namespace coach::cli
