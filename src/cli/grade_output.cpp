#include "cli/grade_output.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <stdexcept>

#include "cli/terminal.hpp"
#include "util/i18n.hpp"
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

}  // namespace

ReportSpool::ReportSpool(const std::string& path)
    : name_(report_name(path)), spool_(std::tmpfile()) {
  if (!spool_) fail(tr("无法创建临时文件", "cannot create a temporary file"), "tmpfile");
  if (!is_stdout(path))
    out_ = std::make_unique<OutputFile>(path, OutputFile::Waiting::allowed,
                                        OutputFile::Cancelled::removes_target);
}

void ReportSpool::append(std::string_view part) {
  if (spool_error_ || part.empty()) return;
  if (std::fwrite(part.data(), 1, part.size(), spool_.get()) == part.size()) return;
  spool_error_ = system_error_text(errno);
  spool_.reset();  // gives its room back to the other reports
}

template <typename Write>
void ReportSpool::copy(Write&& write) {
  std::rewind(spool_.get());
  char buffer[1 << 16];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, spool_.get())) > 0)
    write(std::string_view(buffer, read));
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
  if (spool_error_) {
    out_.reset();  // its temporary file is removed: the path stays as it was
    throw std::runtime_error(fmt::format(
        "{}: {}: {}", name_, tr("无法写入", "cannot write"),
        fmt::format(fmt::runtime(tr("暂存报告的临时文件写不下({})",
                                    "the temporary file it is spooled to cannot take it ({})")),
                    *spool_error_)));
  }
  if (!out_) {
    finish_on_stdout(head, tail);
    return;
  }
  const auto write = [&](std::string_view text) { out_->write(text); };
  write(head);
  copy(write);
  write(tail);
  out_->commit();
}

}  // namespace coach::cli
