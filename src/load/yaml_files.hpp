#pragma once
// Finding the YAML files a command works on: the files named, and those inside directories.
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.hpp"

namespace coach {

// Whether a file's name says it is YAML (*.yaml, *.yml, in any case: *.YAML too): what a
// directory listing here takes.
bool is_yaml_name(const std::string& path);

// The YAML files (*.yaml, *.yml) directly inside a directory, in natural order (2 before 10).
std::vector<std::string> yaml_files_in(const std::string& directory);

// The same at any depth (a cohort is often one folder per trainee), paths in natural order. A
// sub-folder that cannot be read is reported, and the rest still listed.
std::vector<std::string> yaml_files_under(const std::string& directory, Diagnostics& diagnostics);

// Why `path` cannot be listed as a directory (missing, a file, a link to nothing, a pipe,
// unreadable), or empty when it can.
std::string directory_problem(const std::string& path);

// Files stay as named (a missing one is reported when it is read); a directory becomes its
// YAML files, and one with none is reported with `empty_message`: an empty folder must not
// pass for an empty, successful run. A file reached twice is listed once.
std::vector<std::string> expand_yaml_paths(const std::vector<std::string>& paths, bool recursive,
                                           std::string_view empty_message,
                                           Diagnostics& diagnostics);

}  // namespace coach
