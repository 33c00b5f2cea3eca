#include "cli/recording_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "util/output_file.hpp"

namespace coach::cli {
namespace fs = std::filesystem;

namespace {

// Whether `fd` is still the file `path` names: a session that ends removes its lock file, and
// one that opened it just before must take the next one instead.
bool still_named(int fd, const std::string& path) {
  struct stat held {
  }, named{};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

// Readable by all: another trainee's lock left in a shared folder can still be asked whether it
// is held (flock needs only a descriptor, not write permission).
int open_lock_file(const std::string& lock_path) {
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd >= 0 || errno != EACCES) return fd;
  const int readable = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (readable < 0 && errno == ENOENT) errno = EACCES;  // none there, and none may be made
  return readable;
}

// A folder that takes no new file: the recording is then written in place (OutputFile), never
// replaced, so the recording itself can carry the lock; or no folder at all, where nothing can
// be recorded (the recording's own checks say so).
bool folder_takes_no_file(int error) {
  return error == EACCES || error == EPERM || error == EROFS || error == ENOENT || error == ENOTDIR;
}

}  // namespace

RecordingLock::RecordingLock(const std::string& path) {
  if (path.empty()) return;
  std::string target = output_target(path);
  if (target.empty()) target = path;
  // A device or a pipe is written in place, and its folder (/dev) is no place for lock files.
  struct stat info {};
  const bool exists = ::stat(target.c_str(), &info) == 0;
  if (exists && !S_ISREG(info.st_mode)) return;
  const fs::path file(target);
  const std::string lock_path =
      (file.parent_path() / ("." + file.filename().string() + ".lock")).string();
  constexpr int kTries = 5;
  for (int attempt = 0; attempt < kTries; ++attempt) {
    const int fd = open_lock_file(lock_path);
    if (fd < 0) {
      lock_without_lock_file(target, lock_path, exists);
      return;
    }
    if (take(fd, lock_path, true)) return;
  }
}

// No lock file beside the recording. Where the folder takes no new file, the recording itself
// is locked (or, when there is none, nothing can be recorded there and the recording's own
// checks say so); anything else (a folder standing where the lock file goes, no descriptor
// left) is a lock that cannot be taken, and two sessions might record over each other.
void RecordingLock::lock_without_lock_file(const std::string& target, const std::string& lock_path,
                                           bool target_exists) {
  const int error = errno;
  if (!folder_takes_no_file(error)) {
    cannot_lock_ = {lock_path, error};
    return;
  }
  if (!target_exists) return;
  const int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    cannot_lock_ = {target, errno};
    return;
  }
  take(fd, target, false);
}

// Locks `fd`, open on `path`, and keeps it; false when `path` is a lock file removed since it
// was opened (the next one must be taken). A lock file goes when the session ends.
bool RecordingLock::take(int fd, const std::string& path, bool lock_file) {
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    busy_ = errno == EWOULDBLOCK;
    if (!busy_) cannot_lock_ = {path, errno};
    ::close(fd);
    return true;
  }
  if (lock_file && !still_named(fd, path)) {
    ::close(fd);
    return false;
  }
  fd_ = fd;
  if (lock_file) lock_path_ = path;
  return true;
}

RecordingLock::~RecordingLock() {
  let_go();
}

void RecordingLock::let_go() {
  if (fd_ < 0) return;
  if (!lock_path_.empty())
    ::unlink(lock_path_.c_str());  // while held: no one takes a file about to go
  ::close(fd_);
  fd_ = -1;
}

}  // namespace coach::cli
