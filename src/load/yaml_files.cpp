#include "load/yaml_files.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "util/i18n.hpp"
#include "util/natural_order.hpp"
#include "util/system_error_text.hpp"

namespace coach {
namespace fs = std::filesystem;

namespace {
bool is_yaml(const fs::path& path) {
  return path.extension() == ".yaml" || path.extension() == ".yml";
}

template <typename Iterator>
std::vector<std::string> yaml_files(const std::string& directory) {
  std::vector<std::string> files;
  std::error_code ec;
  for (Iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_yaml(it->path()) && !it->is_directory(ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end(),
            [](const std::string& a, const std::string& b) { return natural_less(a, b); });
  return files;
}
}  // namespace

std::vector<std::string> yaml_files_in(const std::string& directory) {
  return yaml_files<fs::directory_iterator>(directory);
}

std::vector<std::string> yaml_files_under(const std::string& directory) {
  return yaml_files<fs::recursive_directory_iterator>(directory);
}

std::string directory_problem(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  switch (status.type()) {
    case fs::file_type::directory:
      if (fs::directory_iterator(path, ec); !ec) return {};
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
    auto found = recursive ? yaml_files_under(path) : yaml_files_in(path);
    if (found.empty()) diagnostics.error(path, {}, std::string(empty_message));
    for (auto& file : found) add(std::move(file));
  }
  return files;
}

}  // namespace coach
