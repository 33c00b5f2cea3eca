#include "cli/grade_output.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <stdexcept>

#include "cli/terminal.hpp"
#include "util/i18n.hpp"
#include "util/output_file.hpp"
#include "util/system_error_text.hpp"

namespace coach::cli {
namespace {

[[noreturn]] void fail(std::string_view what, const std::string& path) {
  throw std::runtime_error(fmt::format("{}: {}: {}", path, what, system_error_text(errno)));
}

void write_all(std::FILE* out, std::string_view text, const std::string& path) {
  if (!text.empty() && std::fwrite(text.data(), 1, text.size(), out) != text.size())
    fail(tr("写入失败", "cannot write"), path);
}

}  // namespace

ReportSpool::ReportSpool(const std::string& path) : spool_(std::tmpfile()) {
  if (!spool_) fail(tr("无法创建临时文件", "cannot create a temporary file"), "tmpfile");
  if (!is_stdout(path)) out_ = std::make_unique<OutputFile>(path);
}

void ReportSpool::append(std::string_view part) {
  write_all(spool_.get(), part, "tmpfile");
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
    if (errno != EPIPE) fail(tr("写入失败", "cannot write"), "stdout");
    reader_left = true;
  };
  write(head);
  copy(write);
  write(tail);
  std::fflush(stdout);  // a failure is the command's to report, once (app.cpp)
}

void ReportSpool::finish(std::string_view head, std::string_view tail) {
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
