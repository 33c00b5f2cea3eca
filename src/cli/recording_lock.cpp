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

}  // namespace

RecordingLock::RecordingLock(const std::string& path) {
  if (path.empty()) return;
  std::string target = output_target(path);
  if (target.empty()) target = path;
  // A device or a pipe is written in place, and its folder (/dev) is no place for lock files.
  struct stat info {};
  if (::stat(target.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) return;
  const fs::path file(target);
  const std::string lock_path =
      (file.parent_path() / ("." + file.filename().string() + ".lock")).string();
  constexpr int kTries = 5;
  for (int attempt = 0; attempt < kTries; ++attempt) {
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      busy_ = errno == EWOULDBLOCK;
      ::close(fd);
      return;
    }
    if (still_named(fd, lock_path)) {
      fd_ = fd;
      lock_path_ = lock_path;
      return;
    }
    ::close(fd);
  }
}

RecordingLock::~RecordingLock() {
  if (fd_ < 0) return;
  ::unlink(lock_path_.c_str());  // while still held: no one takes a file about to go
  ::close(fd_);
}

}  // namespace coach::cli
