#include "cli/grade_output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "cli/terminal.hpp"
#include "util/i18n.hpp"
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

ReportSpool::ReportSpool() : spool_(std::tmpfile()) {
  if (!spool_) fail(tr("无法创建临时文件", "cannot create a temporary file"), "tmpfile");
}

void ReportSpool::append(std::string_view part) {
  write_all(spool_.get(), part, "tmpfile");
}

void ReportSpool::copy_to(std::FILE* out) {
  std::rewind(spool_.get());
  char buffer[1 << 16];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, spool_.get())) > 0)
    write_all(out, std::string_view(buffer, read), "report");
}

void ReportSpool::finish(const std::string& path, std::string_view head, std::string_view tail) {
  if (is_stdout(path)) {
    write_all(stdout, head, "stdout");
    copy_to(stdout);
    write_all(stdout, tail, "stdout");
    std::fflush(stdout);
    return;
  }
  const std::filesystem::path target(path);
  std::string temp =
      (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
  if (target.parent_path().empty()) temp = "." + target.filename().string() + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(tr("无法写入", "cannot write"), path);
  std::unique_ptr<std::FILE, Closer> out(::fdopen(fd, "wb"));
  try {
    write_all(out.get(), head, path);
    copy_to(out.get());
    write_all(out.get(), tail, path);
    if (std::fflush(out.get()) != 0 || ::fsync(fd) != 0) fail(tr("写入失败", "cannot write"), path);
    out.reset();
    if (std::rename(temp.c_str(), path.c_str()) != 0) fail(tr("写入失败", "cannot write"), path);
  } catch (...) {
    std::remove(temp.c_str());
    throw;
  }
}

}  // namespace coach::cli
