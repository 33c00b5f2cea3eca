#pragma once
// An output file written whole or not at all, without harming what the path names.
//
// A regular file (or a new one) is written to a temporary file beside it and renamed over it
// once complete, so a crash or a kill never leaves half a report or half an answers file; it
// keeps its permissions, owner and group, and a new one gets those the umask allows, as the
// shell's `>` would. Another user's file, whose owner a new file could not keep, is written in
// place, as is a writable file in a folder one may not write.
// A symbolic link is followed: the file it names is replaced and the link stays a link.
// Anything else that can be written (a terminal, /dev/null, a FIFO, /dev/stdout) is written in
// place: renaming over it would turn the device or the pipe into a file.
// Opening a FIFO waits for its reader, as the shell's `>` does, unless told never to wait.
#include <sys/stat.h>

#include <cstdio>
#include <string>
#include <string_view>

namespace coach {

class OutputFile {
 public:
  // Whether writing in place may wait: for a FIFO's reader to open it, for a reader (or a
  // terminal stopped with Ctrl-S) to take what was written. A report waits, as the shell's `>`
  // would; a practice recording must never hold up the session, so for it a FIFO nobody reads
  // or a reader that is not keeping up is a write error like any other.
  enum class Waiting { allowed, never };
  // What ending before commit() does to the file the path names — a signal, an error, a write
  // that failed (a full disk, a file-size limit): it stays as it was, or (a report of this run,
  // which an earlier run's must not pass for) is removed. The temporary file goes either way. A
  // file written in place is left alone.
  enum class Cancelled { keeps_target, removes_target };

  // Opens `path` for writing. Throws std::runtime_error naming it (a directory, a missing or
  // unwritable directory, a loop of links …).
  explicit OutputFile(const std::string& path, Waiting waiting = Waiting::allowed,
                      Cancelled cancelled = Cancelled::keeps_target);
  // Without commit(), discards the output.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Throws std::runtime_error naming the path.
  void write(std::string_view text);
  // Writes nothing, which a device that refuses every write (/dev/full) refuses already.
  // Throws std::runtime_error naming the path.
  void write_nothing();
  // Flushes the output to the disk and puts it in place. Throws std::runtime_error naming the
  // path (a full disk, /dev/full …).
  void commit();
  // The folder the output is written in before it is put in place; empty when it is written in
  // place (a device, a pipe, a file in a folder one may not write).
  std::string temp_folder() const;
  // Gives up the output: the temporary file is removed, and with Cancelled::removes_target the
  // file the path names too. Whether such a file was there to remove.
  bool discard();

 private:
  void open_in_place(const struct stat& info, Waiting waiting);
  void open_file_in_place(Waiting waiting);
  void empty_if_first_write();
  [[noreturn]] void fail(int error) const;
  [[noreturn]] void fail(std::string_view why) const;
  void forget_temp();  // removes the temporary file, if any

  std::string path_;    // as given, for messages
  std::string target_;  // the regular file to replace: path_, or the file its links name
  std::string temp_;    // beside target_; empty when written in place
  std::FILE* stream_ = nullptr;
  bool removes_target_ = false;
  bool in_place_file_ = false;         // a regular file written in place, not yet committed
  bool empty_before_writing_ = false;  // that file, as it was: emptied at the first write
};

// The file an output to `path` replaces: `path`, with the links of its last part followed, to
// a file that may not exist yet (a link to a report not written yet is still a link to keep).
// Empty after too many links.
std::string output_target(const std::string& path);

// A stdio stream over `fd`; null when none can be made, and then `fd` is closed and errno kept.
std::FILE* stream_over(int fd, const char* mode);

// Writes `content` to `path` as an OutputFile.
void write_output_file(const std::string& path, std::string_view content,
                       OutputFile::Waiting waiting = OutputFile::Waiting::allowed);

// A path in `dir` no other file has, for a new file named `stem` + `extension` (`stem-2`,
// `stem-3` … when taken), created empty and exclusively so that no other process takes it too:
// two sessions started in the same second by the same process id (PID 1 in every container)
// must not replace each other's transcript. The first candidate when none can be created (its
// write then says why).
std::string claim_new_file(const std::string& dir, const std::string& stem,
                           std::string_view extension);

// Throws, as writing would, when `path` cannot be written, and leaves it as it was: an output
// written bit by bit (practice's recording) is refused before the work, not after it. A FIFO is
// not opened, which would wait for a reader, so writing it later is what tells.
void check_output_file(const std::string& path);

}  // namespace coach
