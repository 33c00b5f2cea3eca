#include "cli/scenario_paths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <stdexcept>

#include "load/library_file_kind.hpp"
#include "load/yaml_files.hpp"
#include "util/i18n.hpp"
#include "util/out_of_memory.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}

void add_once(std::vector<std::string>& list, std::string item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

std::string lexicons_beside(const std::string& presets_folder) {
  return (fs::path(presets_folder).parent_path() / "lexicons").string();
}

bool is_scenario_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "lexicons", ec);
}

// A folder that is not `lexicons/` or `customer-types/` is named for its scenarios, but a lexicon
// or customer types kept in it is read as when named alone: by its content. The folder itself is
// named while it holds only scenarios, so an empty one is still reported as such.
std::vector<std::string> paths_to_read(const std::vector<std::string>& chosen) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& path : chosen) {
    const bool plain_folder = fs::is_directory(path, ec) && !library_folder(path);
    const std::vector<std::string> files =
        plain_folder ? yaml_files_in(path) : std::vector<std::string>{};
    const bool mixed = std::any_of(files.begin(), files.end(), [](const std::string& file) {
      return library_file_kind(file) != LibraryFileKind::scenarios;
    });
    if (mixed)
      paths.insert(paths.end(), files.begin(), files.end());
    else
      paths.push_back(path);
  }
  return paths;
}

}  // namespace

std::string scenarios_dir(const Context& context) {
  if (!context.scenarios_dir.empty()) {
    std::error_code ec;
    if (!fs::is_directory(context.scenarios_dir, ec)) {
      const bool exists = fs::exists(context.scenarios_dir, ec);
      throw std::runtime_error(fmt::format(
          fmt::runtime(exists ? tr("{}: 不是目录:场景目录应是放场景文件的文件夹",
                                   "{}: not a directory: the scenario directory is the folder "
                                   "that holds the scenario files")
                              : tr("{}: 场景目录不存在", "{}: no such scenario directory")),
          utf8::escape_controls_in_line(context.scenarios_dir)));
    }
    return context.scenarios_dir;
  }
  const fs::path exe = executable_dir();
  for (const fs::path& candidate : {exe / ".." / "scenarios", exe / "scenarios",
                                    exe / ".." / "share" / "complaint-coach" / "scenarios",
                                    fs::path(COACH_INSTALL_SCENARIOS_DIR)}) {
    if (is_scenario_dir(candidate)) return candidate.lexically_normal().string();
  }
  throw std::runtime_error(
      std::string(tr("找不到场景目录;请用 --scenarios DIR 指定",
                     "cannot find the scenarios; name them with --scenarios DIR")));
}

std::vector<std::string> lexicon_dirs_for(const std::vector<std::string>& paths,
                                          const Context& context) {
  std::vector<std::string> dirs;
  std::error_code ec;
  for (const auto& path : paths) {
    const fs::path dir = fs::is_directory(path, ec) ? fs::path(path) : fs::path(path).parent_path();
    const fs::path lexicons = (dir.empty() ? fs::path(".") : dir) / "lexicons";
    if (!fs::is_directory(lexicons, ec)) continue;
    const std::string normal = fs::weakly_canonical(lexicons, ec).string();
    throw_if_out_of_memory(ec);
    if (std::find(dirs.begin(), dirs.end(), normal) == dirs.end()) dirs.push_back(normal);
  }
  if (dirs.empty()) dirs.push_back((fs::path(scenarios_dir(context)) / "lexicons").string());
  return dirs;
}

LibrarySources library_sources(const std::vector<std::string>& paths, const Context& context) {
  const std::vector<std::string> chosen =
      paths_to_read(paths.empty() ? std::vector<std::string>{scenarios_dir(context)} : paths);
  LibrarySources sources;
  std::vector<std::string> named_folders;  // the lexicon folders of what is named in the library
  for (const auto& path : chosen) {
    const LibraryFileKind kind = library_file_kind(path);
    const std::optional<std::string> folder = library_folder(path);
    if (kind == LibraryFileKind::scenarios)
      sources.scenarios.push_back(path);
    else if (folder)
      add_once(named_folders,
               kind == LibraryFileKind::lexicons ? *folder : lexicons_beside(*folder));
    else
      (kind == LibraryFileKind::lexicons ? sources.lexicon_files : sources.preset_files)
          .push_back(path);
  }
  // Scenarios, and customer types named on their own, find their lexicons as a scenario does.
  std::vector<std::string> readers = sources.scenarios;
  readers.insert(readers.end(), sources.preset_files.begin(), sources.preset_files.end());
  if (!readers.empty()) sources.lexicon_dirs = lexicon_dirs_for(readers, context);
  for (const auto& folder : named_folders) add_once(sources.lexicon_dirs, folder);
  // A customer-types file named on its own is read instead of the folder beside its lexicons,
  // whose types it would otherwise be taken to define again.
  if (sources.preset_files.empty() || !sources.scenarios.empty() || !named_folders.empty())
    sources.preset_dirs = preset_dirs_beside(sources.lexicon_dirs);
  return sources;
}

const ScenarioLibrary& load_library(const LibrarySources& sources, Diagnostics& diagnostics) {
  // Reachable from a static until exit, so leak checkers do not count it.
  static auto* const kept = new std::deque<ScenarioLibrary>;
  return kept->emplace_back(ScenarioLibrary::load(sources, diagnostics));
}

const ScenarioLibrary& load_library(const std::vector<std::string>& paths, const Context& context,
                                    Diagnostics& diagnostics) {
  return load_library(library_sources(paths, context), diagnostics);
}

std::string unknown_scenario_message(const std::string& id, const ScenarioLibrary& library,
                                     const Diagnostics& load_problems) {
  if (load_problems.empty() || library.file_named_after(id) || closest_scenario_id(id, library))
    return "coach: " + unknown_scenario_text(id, library) + "\n";
  // The scenario may be in a file that failed to load, named otherwise: "no such id" would send
  // the trainer looking for a typo.
  return fmt::format(fmt::runtime(tr("coach: 场景 `{}` 没有载入:场景库有上面这些错误,"
                                     "它可能就在出错的文件里\n",
                                     "coach: scenario `{}` is not loaded: the library has the "
                                     "errors above, and it may be in a file that failed\n")),
                     utf8::quote(id));
}

std::vector<std::string> library_files(const ScenarioLibrary& library) {
  std::vector<std::string> all = library.files();
  all.insert(all.end(), library.lexicon_files().begin(), library.lexicon_files().end());
  all.insert(all.end(), library.preset_files().begin(), library.preset_files().end());
  return all;
}

std::vector<std::string> library_folders(const ScenarioLibrary& library, const Context& context) {
  std::vector<std::string> folders;
  try {
    folders.push_back(scenarios_dir(context));
  } catch (const std::exception&) {
    // No scenario folder: nothing to protect there.
  }
  for (const std::string& file : library_files(library))
    folders.push_back(std::filesystem::path(file).parent_path().string());
  return folders;
}

std::vector<std::string> library_source_folders(const Context& context) {
  LibrarySources sources;
  try {
    sources = library_sources({}, context);
  } catch (const std::runtime_error&) {
    return {};  // no scenario folder
  }
  std::vector<std::string> folders = {scenarios_dir(context)};
  folders.insert(folders.end(), sources.lexicon_dirs.begin(), sources.lexicon_dirs.end());
  folders.insert(folders.end(), sources.preset_dirs.begin(), sources.preset_dirs.end());
  for (const auto* files : {&sources.lexicon_files, &sources.preset_files})
    for (const std::string& file : *files) folders.push_back(fs::path(file).parent_path().string());
  return folders;
}

}  // namespace coach::cli
