#include "util/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "util/ending_note.hpp"
#include "util/i18n.hpp"
#include "util/out_of_memory.hpp"
#include "util/stale_temps.hpp"
#include "util/system_error_text.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace fs = std::filesystem;

std::string output_target(const std::string& path) {
  constexpr int kMaxLinks = 40;  // as the kernel allows before ELOOP
  fs::path at = path;
  for (int hops = 0; hops < kMaxLinks; ++hops) {
    std::error_code error;
    if (!fs::is_symlink(fs::symlink_status(at, error))) return at.string();
    const fs::path next = fs::read_symlink(at, error);
    if (error) return at.string();  // opening it will say why
    at = next.is_absolute() ? next : at.parent_path() / next;
  }
  return {};
}

namespace {

// The temporary files being written, removed when a signal ends the program first: a CI job
// cancelled in the middle of grading a cohort must not leave a report-sized hidden file
// behind. The files they would replace, where asked (grade's reports), go with them: an earlier
// run's report left in place would pass for this run's (a JUnit file published `if: always()`).
// Only signals the program leaves at their default are taken (practice handles its own), and
// the signal then does what it would have done, after one line on stderr (and the run's
// ending note, see ending_note.hpp, whose handler this one replaces).
class PendingTemps {
 public:
  static void add(const char* temp, const char* doomed_target) {
    install_once();
    for (std::size_t i = 0; i < kSlots; ++i) {
      const char* empty = nullptr;
      if (!temps_[i].compare_exchange_strong(empty, temp)) continue;
      // The earlier report as it is now: one renamed over it later (another run's, finished
      // first) is no earlier report, and stays (outside pass 49, finding 04).
      struct stat earlier {};
      const bool there = doomed_target && ::stat(doomed_target, &earlier) == 0;
      target_devices_[i].store(there ? earlier.st_dev : 0);
      target_inodes_[i].store(there ? earlier.st_ino : 0);
      targets_[i].store(there ? doomed_target : nullptr);
      return;
    }
  }
  static void remove(const char* temp) {
    for (std::size_t i = 0; i < kSlots; ++i) {
      if (temps_[i].load() != temp) continue;
      targets_[i].store(nullptr);
      temps_[i].store(nullptr);
      return;
    }
  }

 private:
  static void on_signal(int signal) {
    bool dropped_any = false;
    for (std::size_t i = 0; i < kSlots; ++i) {
      if (const char* target = targets_[i].load(); target && still_the_earlier(i, target))
        dropped_any |= ::unlink(target) == 0;
      if (const char* temp = temps_[i].load()) ::unlink(temp);
    }
    if (dropped_any) (void)!::write(STDERR_FILENO, dropped_note_.data(), dropped_note_size_);
    write_ending_note();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
  // stat() may be called from a signal handler (POSIX lists it as async-signal-safe).
  static bool still_the_earlier(std::size_t slot, const char* target) {
    struct stat now {};
    return ::stat(target, &now) == 0 && now.st_dev == target_devices_[slot].load() &&
           now.st_ino == target_inodes_[slot].load();
  }
  static void install_once() {
    static const bool installed = [] {
      // Said from the signal handler, where nothing may be formatted or allocated.
      const std::string_view note = tr("coach: 已中断:未写完的报告已删除,没有留下上一次的报告\n",
                                       "coach: interrupted: the unfinished reports are removed, "
                                       "and no earlier run's report is left in their place\n");
      dropped_note_size_ = std::min(note.size(), dropped_note_.size());
      std::copy_n(note.data(), dropped_note_size_, dropped_note_.data());
      take_ending_signals(on_signal);
      return true;
    }();
    (void)installed;
  }

  static constexpr std::size_t kSlots = 32;  // reports of one run, with room to spare
  static inline std::array<std::atomic<const char*>, kSlots> temps_{};
  static inline std::array<std::atomic<const char*>, kSlots> targets_{};
  static inline std::array<std::atomic<std::uint64_t>, kSlots> target_devices_{};
  static inline std::array<std::atomic<std::uint64_t>, kSlots> target_inodes_{};
  static inline std::array<char, 256> dropped_note_{};
  static inline std::size_t dropped_note_size_ = 0;
};

// What opening a file to write in place does to what it holds: emptied at once, as the shell's
// `>` does, or kept until the first write (a regular file, see open_file_in_place).
enum class Contents { emptied, kept };

// Opens `path` as the shell's `>` would; with Waiting::never also O_NONBLOCK, so a FIFO with no
// reader fails at once (ENXIO) instead of waiting in open(), and a write the reader does not
// take fails (EAGAIN) instead of waiting in write(). A regular file is not affected by it.
std::FILE* open_stream(const std::string& path, OutputFile::Waiting waiting,
                       Contents contents = Contents::emptied) {
  const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (contents == Contents::emptied ? O_TRUNC : 0) |
                    (waiting == OutputFile::Waiting::never ? O_NONBLOCK : 0);
  const int fd = ::open(path.c_str(), flags, 0666);
  return fd < 0 ? nullptr : stream_over(fd, "wb");
}

// A temporary file beside `temp` (a mkstemp template, filled in), registered for removal, with
// the target it would replace where that goes too (null: it stays).
int make_registered_temp(std::string& temp, const char* doomed_target) {
  // Held while the file is created and registered: a signal between the two would leave the
  // file behind (a CI job cancelled just then).
  const EndingSignalsHeld held;
  const int fd = ::mkstemp(temp.data());
  if (fd >= 0) PendingTemps::add(temp.c_str(), doomed_target);
  return fd;
}

mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

OutputFile::OutputFile(const std::string& path, Waiting waiting, Cancelled cancelled)
    : path_(path), removes_target_(cancelled == Cancelled::removes_target) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    open_in_place(info, waiting);
    return;
  }
  target_ = output_target(path);
  if (target_.empty()) fail(ELOOP);
  const bool exists = ::stat(target_.c_str(), &info) == 0;
  // A write-protected file is not replaced behind its protection, as the shell would not.
  if (exists && ::access(target_.c_str(), W_OK) != 0) fail(errno);
  // A fixed short name, not the target's with a suffix: a target whose name is near NAME_MAX
  // (85 Chinese characters) must still have a temporary file beside it.
  const fs::path target(target_);
  const std::string temp_name = temp_file_template();
  remove_stale_temps(target.parent_path().string());
  temp_ = target.has_parent_path() ? (target.parent_path() / temp_name).string() : temp_name;
  const int fd = make_registered_temp(
      temp_, cancelled == Cancelled::removes_target ? target_.c_str() : nullptr);
  if (fd < 0) {
    const int error = errno;
    temp_.clear();
    // A file one may write in a directory one may not (a shared report in a locked folder):
    // written in place, as the shell's `>` would, since it cannot be replaced.
    if (!exists || (error != EACCES && error != EPERM)) fail(error);
    open_file_in_place(waiting);
    return;
  }
  ::fchmod(fd, exists ? (info.st_mode & 07777) : new_file_mode());
  // Replacing a file keeps its owner and group. Where they cannot be kept (another user's
  // report in a shared or sticky folder, which one may write but not own), renaming over it
  // took it from its owner, or was refused in a sticky folder: it is written in place instead,
  // as the shell's `>` would (outside pass 50, finding 2).
  if (exists && ::fchown(fd, info.st_uid, info.st_gid) != 0) {
    ::close(fd);
    forget_temp();
    open_file_in_place(waiting);
    return;
  }
  stream_ = stream_over(fd, "wb");
  if (!stream_) {
    const int error = errno;
    forget_temp();
    fail(error);
  }
}

// The file is emptied at the first write (a report is spooled and written at its end), not
// when it is opened: a run killed outright leaves it as it was (outside pass 51, finding 5).
// Ended before commit() (a signal, a write that failed), a report of this run
// (Cancelled::removes_target) takes it along, as it takes a replaced file: an earlier report,
// whole or half overwritten, must not stay to pass for this run's, and is never left without a
// word.
void OutputFile::open_file_in_place(Waiting waiting) {
  stream_ = open_stream(target_, waiting, Contents::kept);
  if (!stream_) fail(errno);
  in_place_file_ = true;
  empty_before_writing_ = true;
  if (removes_target_) PendingTemps::add(target_.c_str(), target_.c_str());
}

void OutputFile::empty_if_first_write() {
  if (!std::exchange(empty_before_writing_, false)) return;
  if (std::fflush(stream_) != 0 || ::ftruncate(::fileno(stream_), 0) != 0) fail(errno);
}

void OutputFile::open_in_place(const struct stat& info, Waiting waiting) {
  if (S_ISDIR(info.st_mode)) fail(EISDIR);
  stream_ = open_stream(path_, waiting);
  if (stream_) return;
  if (errno == ENXIO && S_ISFIFO(info.st_mode))
    fail(tr("没有程序在读取这个管道", "no program is reading this pipe"));
  fail(errno);
}

OutputFile::~OutputFile() {
  discard();
}

std::string OutputFile::temp_folder() const {
  if (temp_.empty()) return {};
  const fs::path folder = fs::path(temp_).parent_path();
  return folder.empty() ? std::string(".") : folder.string();
}

bool OutputFile::discard() {
  if (stream_) std::fclose(std::exchange(stream_, nullptr));
  if (std::exchange(in_place_file_, false) && removes_target_) {
    PendingTemps::remove(target_.c_str());
    // In a folder that may not be written (or a sticky one), emptied is as far as it goes.
    return ::unlink(target_.c_str()) == 0 || ::truncate(target_.c_str(), 0) == 0;
  }
  if (temp_.empty()) return false;  // committed, or written in place
  const bool dropped = removes_target_ && ::unlink(target_.c_str()) == 0;
  forget_temp();
  return dropped;
}

void OutputFile::forget_temp() {
  if (temp_.empty()) return;
  ::unlink(temp_.c_str());
  PendingTemps::remove(temp_.c_str());
  temp_.clear();
}

void OutputFile::write(std::string_view text) {
  if (text.empty()) return;
  empty_if_first_write();
  if (std::fwrite(text.data(), 1, text.size(), stream_) != text.size()) fail(errno);
}

void OutputFile::write_nothing() {
  if (::write(::fileno(stream_), "", 0) < 0) fail(errno);
}

void OutputFile::commit() {
  empty_if_first_write();  // an output of nothing replaces the file all the same
  std::FILE* stream = std::exchange(stream_, nullptr);
  // Only a file of our own is synced: a terminal or a pipe cannot be (EINVAL).
  const bool flushed =
      std::fflush(stream) == 0 && (temp_.empty() || ::fsync(::fileno(stream)) == 0);
  const int flush_error = errno;
  const bool closed = std::fclose(stream) == 0;
  if (!flushed || !closed) fail(flushed ? errno : flush_error);
  if (std::exchange(in_place_file_, false) && removes_target_)
    PendingTemps::remove(target_.c_str());
  if (temp_.empty()) return;
  {
    // A signal between the two would remove the report just put in place.
    const EndingSignalsHeld held;
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno);
    PendingTemps::remove(temp_.c_str());
  }
  temp_.clear();
}

void OutputFile::fail(int error) const {
  throw_if_out_of_memory(error);
  if (error == EAGAIN)  // EWOULDBLOCK too, on Linux
    fail(tr("读取方没有及时取走写入的内容", "its reader is not taking what is written"));
  fail(system_error_text(error));
}

void OutputFile::fail(std::string_view why) const {
  throw std::runtime_error(fmt::format("{}: {}: {}", utf8::escape_controls_in_line(path_),
                                       tr("无法写入", "cannot write"), why));
}

std::FILE* stream_over(int fd, const char* mode) {
  std::FILE* stream = ::fdopen(fd, mode);
  if (!stream) {
    const int error = errno;
    ::close(fd);
    errno = error;
  }
  return stream;
}

void write_output_file(const std::string& path, std::string_view content,
                       OutputFile::Waiting waiting) {
  OutputFile out(path, waiting);
  out.write(content);
  out.commit();
}

void check_output_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && S_ISFIFO(info.st_mode)) return;
  OutputFile out(path);
  out.write_nothing();
}

std::string claim_new_file(const std::string& dir, const std::string& stem,
                           std::string_view extension) {
  const std::filesystem::path folder(dir);
  const std::string first = (folder / (stem + std::string(extension))).string();
  constexpr int kTries = 1000;
  for (int n = 1; n <= kTries; ++n) {
    const std::string path =
        n == 1 ? first : (folder / fmt::format("{}-{}{}", stem, n, extension)).string();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return path;
    }
    if (errno != EEXIST) break;
  }
  return first;
}

}  // namespace coach
