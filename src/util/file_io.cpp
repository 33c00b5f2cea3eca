#include "util/file_io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "util/i18n.hpp"
#include "util/out_of_memory.hpp"
#include "util/system_error_text.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace fs = std::filesystem;

namespace {
[[noreturn]] void fail(const std::string& path, SourceMark mark, std::string message) {
  Diagnostics diagnostics;
  diagnostics.error(path, mark, std::move(message));
  throw InputError(std::move(diagnostics));
}
// Windows editors save "Unicode" text as UTF-16, and some tools write UTF-32: a byte-order
// mark, or (for text in ASCII) NULs beside every byte. Which one, if either.
const char* wide_encoding(std::string_view content) {
  using namespace std::string_view_literals;
  const auto starts = [&](std::string_view prefix) {
    return content.substr(0, prefix.size()) == prefix;
  };
  if (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv)) return "UTF-32";
  if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv)) return "UTF-16";
  if (content.size() < 8) return nullptr;
  const auto nul = [&](std::size_t i) { return content[i] == '\0'; };
  if ((!nul(0) && nul(1) && nul(2) && nul(3) && !nul(4)) || (nul(0) && nul(1) && nul(2) && !nul(3)))
    return "UTF-32";
  if ((!nul(0) && nul(1) && nul(3)) || (nul(0) && nul(2) && !nul(1))) return "UTF-16";
  return nullptr;
}

// A link that leads nowhere is there for `ls`: "no such file" sent its owner looking for a file
// that stood in the folder (outside pass 52, finding 8).
std::string missing_file_text(const std::string& path) {
  std::error_code ec;
  const fs::path target = fs::read_symlink(path, ec);
  if (ec) return std::string(tr("文件不存在", "no such file"));
  return fmt::format(fmt::runtime(tr("这是符号链接,它指向的 {} 不存在",
                                     "a symbolic link to {}, which does not exist")),
                     utf8::show_name(target.string()));
}

}  // namespace

RegularFile::RegularFile(const std::string& path)
    : fd_(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) {
  if (fd_ < 0) {
    open_error_ = errno;
    return;
  }
  struct stat status {};
  regular_ = ::fstat(fd_, &status) == 0 && S_ISREG(status.st_mode);
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

long RegularFile::read_some(char* buffer, std::size_t size) {
  for (;;) {
    const ssize_t got = ::read(fd_, buffer, size);
    if (got >= 0 || errno != EINTR) return static_cast<long>(got);
  }
}

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
  std::string content = read_file_bytes(path, max_bytes);
  check_utf8_text(path, content);
  return content;
}

std::string read_file_bytes(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  throw_if_out_of_memory(ec);
  if (!fs::exists(status) && (!ec || ec == std::errc::no_such_file_or_directory))
    fail(path, {}, missing_file_text(path));
  if (ec)  // a symlink loop, a path through a file, a directory we may not enter …
    fail(path, {},
         fmt::format(fmt::runtime(tr("无法读取:{}", "cannot read: {}")),
                     system_error_text(ec.value())));
  if (fs::is_directory(status))
    fail(path, {}, std::string(tr("这是一个目录,不是文件", "is a directory, not a file")));
  // Opening a named pipe (or a terminal) waits for a writer: one such path would hang a batch.
  if (!fs::is_regular_file(status))
    fail(path, {},
         std::string(tr("不是普通文件(而是管道、设备或套接字)",
                        "not a regular file (a pipe, device or socket)")));
  RegularFile file(path);
  const auto cannot_read = [&](int error) {
    throw_if_out_of_memory(error);
    fail(path, {},
         fmt::format(fmt::runtime(tr("无法读取:{}", "cannot read: {}")), system_error_text(error)));
  };
  if (file.open_error() != 0) cannot_read(file.open_error());
  if (!file.readable())  // replaced by a pipe or a device since it was looked at by name
    fail(path, {},
         std::string(tr("不是普通文件(而是管道、设备或套接字)",
                        "not a regular file (a pipe, device or socket)")));
  std::string content;
  bool too_large = false;
  const bool read = file.read_all([&](std::string_view piece) {
    content.append(piece);
    too_large = content.size() > max_bytes;
    return !too_large;
  });
  if (!read) cannot_read(errno);
  if (too_large)
    fail(path, {},
         fmt::format(fmt::runtime(tr("文件太大(上限 {} MiB)", "file too large (limit {} MiB)")),
                     max_bytes >> 20));
  return content;
}

void check_utf8_text(const std::string& path, const std::string& content) {
  if (const char* encoding = wide_encoding(content)) {
    fail(path, {},
         fmt::format(fmt::runtime(tr("这是 {} 编码的文件;请另存为 UTF-8",
                                     "this file is {}; save it as UTF-8")),
                     encoding));
  }
  if (auto bad = utf8::find_invalid(content)) {
    // A Chinese trainer's file that is not UTF-8 is nearly always GBK ("ANSI" in Windows
    // editors): say how to get out of it.
    fail(path, *bad,
         std::string(
             tr("不是有效的 UTF-8 文本(多半是存成了 GBK/ANSI 编码);请把文件另存为 UTF-8 编码",
                "not valid UTF-8 text (most likely saved as GBK/ANSI); save the file as "
                "UTF-8")));
  }
}

}  // namespace coach
