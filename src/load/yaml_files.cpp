#include "load/yaml_files.hpp"

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>

#include "util/i18n.hpp"
#include "util/memory_reserve.hpp"
#include "util/natural_order.hpp"
#include "util/out_of_memory.hpp"
#include "util/system_error_text.hpp"

namespace coach {
namespace fs = std::filesystem;

bool is_yaml_name(const std::string& path) {
  // In any case: a tool on Windows saves `A.YAML`, and one skipped file is a submission lost.
  std::string extension = fs::path(path).extension().string();
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return extension == ".yaml" || extension == ".yml";
}

namespace {

// A folder one may list but not enter (mode r without x): its names are there, but every file
// in it cannot be read, and each was reported on its own (outside pass 50, finding 7).
std::error_code entry_refused(const std::string& directory) {
  if (::access(directory.c_str(), X_OK) == 0 || errno != EACCES) return {};
  return std::make_error_code(std::errc::permission_denied);
}

void sort_naturally(std::vector<std::string>& files) {
  std::sort(files.begin(), files.end(),
            [](const std::string& a, const std::string& b) { return natural_less(a, b); });
}

// Lists one folder: its YAML files into `files`, its sub-folders into `folders` when `recursive`
// (links to folders are not followed, so a link cannot loop). Paths are kept as strings: a
// std::filesystem::path holds each of its components as a path of its own, and a walk that kept
// one per level of a folder 2,000 levels deep took 185 MB.
std::error_code list_directory(const std::string& directory, bool recursive,
                               std::vector<std::string>& folders, std::vector<std::string>& files) {
  if (const std::error_code closed = entry_refused(directory)) return closed;
  std::error_code ec;
  // The iterator's error_code calls are noexcept, though they allocate.
  make_room_for_unsafe_code();
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end;
       make_room_for_unsafe_code(), it.increment(ec)) {
    std::error_code kind_ec;
    const bool folder = it->is_directory(kind_ec);
    if (folder && recursive && !it->is_symlink(kind_ec))
      folders.push_back(it->path().string());
    else if (!folder && is_yaml_name(it->path().string()))
      files.push_back(it->path().string());
  }
  return ec;
}

// Adds the YAML files of `directory` to `files`, and of its sub-folders when `recursive`. A
// sub-folder that cannot be read is reported and passed over: the walk goes on, so no file after
// it is left out unsaid.
void collect_yaml_files(const std::string& directory, bool recursive,
                        std::vector<std::string>& files, Diagnostics* diagnostics) {
  std::vector<std::string> folders;
  const std::error_code ec = list_directory(directory, recursive, folders, files);
  throw_if_out_of_memory(ec);
  if (ec && diagnostics)
    diagnostics->error(
        directory, {},
        fmt::format(fmt::runtime(tr("无法读取目录:{}", "cannot read the directory: {}")),
                    system_error_text(ec.value())));
  for (const std::string& folder : folders)
    collect_yaml_files(folder, recursive, files, diagnostics);
}
}  // namespace

std::vector<std::string> yaml_files_in(const std::string& directory) {
  std::vector<std::string> files;
  collect_yaml_files(directory, false, files, nullptr);
  sort_naturally(files);
  return files;
}

std::vector<std::string> yaml_files_under(const std::string& directory, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  collect_yaml_files(directory, true, files, &diagnostics);
  sort_naturally(files);
  return files;
}

std::string directory_problem(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  switch (status.type()) {
    case fs::file_type::directory:
      make_room_for_unsafe_code();
      ec = entry_refused(path);
      if (!ec) fs::directory_iterator(path, ec);
      if (!ec) return {};
      throw_if_out_of_memory(ec);
      return fmt::format(fmt::runtime(tr("无法读取目录:{}", "cannot read the directory: {}")),
                         system_error_text(ec.value()));
    case fs::file_type::not_found:
      if (fs::is_symlink(fs::symlink_status(path, ec)))
        return std::string(
            tr("这是一个指向不存在之处的链接,不是目录", "a link to nothing, not a directory"));
      return std::string(tr("目录不存在", "no such directory"));
    case fs::file_type::none:  // the path could not be looked at (a directory on it is locked)
      return fmt::format(fmt::runtime(tr("无法读取:{}", "cannot read: {}")),
                         system_error_text(ec.value()));
    case fs::file_type::regular:
      return std::string(tr("这是一个文件,不是目录", "a file, not a directory"));
    default:
      return std::string(
          tr("这不是目录(是管道、设备或套接字)", "not a directory (a pipe, device or socket)"));
  }
}

std::vector<std::string> expand_yaml_paths(const std::vector<std::string>& paths, bool recursive,
                                           std::string_view empty_message,
                                           Diagnostics& diagnostics) {
  std::vector<std::string> files;
  std::set<std::pair<dev_t, ino_t>> listed;
  // A file named twice (`subs/ subs/a.yaml`, or through a link) is one submission, not two.
  const auto add = [&](std::string file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) == 0 && !listed.emplace(info.st_dev, info.st_ino).second)
      return;
    files.push_back(std::move(file));
  };
  std::error_code ec;
  for (const auto& path : paths) {
    if (!fs::is_directory(path, ec)) {
      add(path);
      continue;
    }
    // A folder that cannot be read holds files nobody can see: that, not "no answers files".
    if (const std::string problem = directory_problem(path); !problem.empty()) {
      diagnostics.error(path, {}, problem);
      continue;
    }
    const std::size_t problems_before = diagnostics.reported();
    auto found = recursive ? yaml_files_under(path, diagnostics) : yaml_files_in(path);
    if (found.empty() && diagnostics.reported() == problems_before)
      diagnostics.error(path, {}, std::string(empty_message));
    for (auto& file : found) add(std::move(file));
  }
  return files;
}

}  // namespace coach
