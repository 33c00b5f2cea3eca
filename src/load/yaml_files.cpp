#include "load/yaml_files.hpp"

#include <algorithm>
#include <filesystem>

#include "util/natural_order.hpp"

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

std::vector<std::string> expand_yaml_paths(const std::vector<std::string>& paths, bool recursive,
                                           std::string_view empty_message,
                                           Diagnostics& diagnostics) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& path : paths) {
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    auto found = recursive ? yaml_files_under(path) : yaml_files_in(path);
    if (found.empty()) diagnostics.error(path, {}, std::string(empty_message));
    for (auto& file : found) files.push_back(std::move(file));
  }
  return files;
}

}  // namespace coach
