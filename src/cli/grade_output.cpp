#include "cli/grade_output.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "cli/terminal.hpp"
#include "util/i18n.hpp"
#include "util/out_of_memory.hpp"
#include "util/output_file.hpp"
#include "util/system_error_text.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

[[noreturn]] void fail(std::string_view what, const std::string& name) {
  throw std::runtime_error(fmt::format("{}: {}: {}", name, what, system_error_text(errno)));
}

std::string report_name(const std::string& path) {
  return is_stdout(path) ? std::string("stdout") : utf8::escape_controls_in_line(path);
}

// Reported here, once: the error mark is cleared so that app.cpp's last look at stdout, which
// catches what no report wrote, does not report it again.
[[noreturn]] void stdout_failed(const std::string& name) {
  const int error = errno;
  std::clearerr(stdout);
  errno = error;
  fail(tr("写入失败", "cannot write"), name);
}

// Where a report may be spooled, in order: beside the file it goes to, where it will be written
// anyway, so a read-only or full /tmp stops no report to a file; then (for stdout, a pipe, a
// device, or a folder that takes no new file) TMPDIR or /tmp.
std::vector<std::string> spool_directories(const OutputFile* out) {
  std::vector<std::string> directories;
  if (out && !out->temp_folder().empty()) directories.push_back(out->temp_folder());
  const char* tmpdir = std::getenv("TMPDIR");
  directories.push_back(tmpdir && *tmpdir ? std::string(tmpdir) : std::string("/tmp"));
  return directories;
}

// A nameless file in `directory`, gone when closed; null with errno when none can be made.
std::FILE* open_spool(const std::string& directory) {
  int fd = ::open(directory.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR)) {  // a file system without O_TMPFILE
    std::string name = (std::filesystem::path(directory) / ".coach-spool-XXXXXX").string();
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(name.c_str());
  }
  return fd < 0 ? nullptr : stream_over(fd, "w+b");
}

}  // namespace

// The report's file is opened first: a path that cannot be written is named as such.
ReportSpool::ReportSpool(const std::string& path) : name_(report_name(path)) {
  if (!is_stdout(path))
    out_ = std::make_unique<OutputFile>(path, OutputFile::Waiting::allowed,
                                        OutputFile::Cancelled::removes_target);
  std::string directory;
  for (const std::string& candidate : spool_directories(out_.get())) {
    directory = candidate;
    spool_.reset(open_spool(directory));
    // No descriptor left is no fault of the folder: another would fail alike, and be blamed.
    if (spool_ || errno == EMFILE || errno == ENFILE) break;
  }
  if (!spool_) {
    const int error = errno;
    throw_if_out_of_memory(error);
    throw std::runtime_error(fmt::format(
        "{}: {}", name_,
        fmt::format(fmt::runtime(tr("无法在 {} 创建暂存报告的临时文件:{}{}",
                                    "cannot create the temporary file the report is spooled to "
                                    "in {}: {}{}")),
                    utf8::escape_controls_in_line(directory), system_error_text(error),
                    is_stdout(path) ? tr("(可用环境变量 TMPDIR 指定别的目录)",
                                         " (set TMPDIR to use another directory)")
                                    : "")));
  }
}

void ReportSpool::append(std::string_view part) {
  if (spool_error_ || part.empty()) return;
  if (std::fwrite(part.data(), 1, part.size(), spool_.get()) == part.size()) return;
  spool_failed();
}

void ReportSpool::spool_failed() {
  spool_error_ = system_error_text(errno);
  spool_.reset();  // gives its room back to the other reports
}

// What stdio still holds is written now: a report smaller than its buffer meets the disk (or
// `ulimit -f`) only here, and rewind() would drop the failure without a word.
void ReportSpool::flush_spool() {
  if (!spool_error_ && std::fflush(spool_.get()) != 0) spool_failed();
}

template <typename Write>
void ReportSpool::copy(Write&& write) {
  std::rewind(spool_.get());
  std::vector<char> buffer(1 << 16);  // not on the stack: a small `ulimit -s` must not crash
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), spool_.get())) > 0)
    write(std::string_view(buffer.data(), read));
  if (std::ferror(spool_.get()))
    fail_file(fmt::format("{}: {}: {}", name_,
                          tr("无法读回暂存的报告", "cannot read back the spooled report"),
                          system_error_text(errno)));
}

// A reader that stopped early (`| head`, EPIPE) has what it wanted: the rest is dropped, and
// the other reports are still written.
void ReportSpool::finish_on_stdout(std::string_view head, std::string_view tail) {
  bool reader_left = false;
  const auto write = [&](std::string_view text) {
    if (reader_left || text.empty()) return;
    if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size()) return;
    if (errno != EPIPE) stdout_failed(name_);
    reader_left = true;
  };
  write(head);
  copy(write);
  write(tail);
  // A report smaller than stdio's buffer is written only here: `> /dev/full` or a closed stdout
  // fails now, and glibc drops what it held, so a later flush would find nothing wrong.
  if (!reader_left && std::fflush(stdout) != 0 && errno != EPIPE) stdout_failed(name_);
}

void ReportSpool::finish(std::string_view head, std::string_view tail) {
  flush_spool();
  if (spool_error_) {
    fail_file(fmt::format(
        "{}: {}: {}", name_, tr("无法写入", "cannot write"),
        fmt::format(fmt::runtime(tr("暂存报告的临时文件写不下({})",
                                    "the temporary file it is spooled to cannot take it ({})")),
                    *spool_error_)));
  }
  if (!out_) {
    finish_on_stdout(head, tail);
    return;
  }
  try {
    const auto write = [&](std::string_view text) { out_->write(text); };
    write(head);
    copy(write);
    write(tail);
    out_->commit();
  } catch (const std::runtime_error& e) {
    fail_file(e.what());
  }
}

void remove_earlier_report(const std::string& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return;
  // A write-protected report is not replaced (OutputFile), so it is not removed either.
  if (::access(file.c_str(), W_OK) == 0) ::unlink(file.c_str());
}

// An earlier run's report left at the path would pass for this run's (a JUnit file published
// `if: always()`): it goes, and the message says so.
void ReportSpool::fail_file(const std::string& why) {
  const bool dropped = out_ && out_->discard();
  throw std::runtime_error(why + (dropped ? std::string(tr(";上一次运行留下的这份报告已删除",
                                                           "; the earlier run's report there "
                                                           "is removed"))
                                          : std::string()));
}

}  // namespace coach::cli
