#include "load/library_file_kind.hpp"

#include <filesystem>
#include <optional>
#include <utility>
#include <variant>

#include "load/yaml_parser.hpp"
#include "load/yaml_reader.hpp"
#include "util/diagnostic.hpp"
#include "util/file_io.hpp"
#include "util/out_of_memory.hpp"

namespace coach {
namespace fs = std::filesystem;

namespace {

const char* folder_name(LibraryFileKind kind) {
  return kind == LibraryFileKind::lexicons ? "lexicons" : "customer-types";
}

// The folder `path` is, or the folder a file is in; `lexicons/` is `lexicons`. Links to folders
// are followed, so a link to `lexicons/` is that folder; a linked file keeps the folder it is
// named in.
fs::path folder_of(const std::string& path) {
  std::error_code ec;
  const fs::path named = fs::path(path).lexically_normal();
  const fs::path trimmed = named.has_filename() ? named : named.parent_path();
  const fs::path folder = fs::is_directory(named, ec) ? trimmed : trimmed.parent_path();
  const fs::path resolved = fs::canonical(folder.empty() ? "." : folder, ec);
  throw_if_out_of_memory(ec);
  return ec ? folder : resolved;
}

std::optional<LibraryFileKind> kind_of_folder(const fs::path& folder) {
  for (const LibraryFileKind kind : {LibraryFileKind::lexicons, LibraryFileKind::customer_types}) {
    if (folder.filename() == folder_name(kind)) return kind;
  }
  return std::nullopt;
}

// Problems are left to the loader the file is then read with: they are not reported twice.
// Only a text that spells `concepts` or `types` can be a lexicon or customer types, so most
// scenarios are not parsed here: parsing each of them twice cost `list`, `check` and `grade` an
// eighth of their start-up. Nor are their bytes checked to be UTF-8 unless they may be another
// kind (2 % of `list`): a file that is not UTF-8 text is read as a scenario whatever it spells,
// and the scenario loader says why. (A key written with escapes, "\x74ypes", is read as a
// scenario.)
LibraryFileKind kind_of_content(const std::string& path) {
  try {
    const std::string content = read_file_bytes(path);
    const bool may_be_other =
        content.find("concepts") != std::string::npos || content.find("types") != std::string::npos;
    if (!may_be_other) return LibraryFileKind::scenarios;
    check_utf8_text(path, content);
    const auto parsed = parse_yaml(content);
    const auto* tree = std::get_if<YamlNode>(&parsed);
    if (!tree) return LibraryFileKind::scenarios;
    return library_file_kind_by_keys(*tree).value_or(LibraryFileKind::scenarios);
  } catch (const InputError&) {
    return LibraryFileKind::scenarios;
  }
}

}  // namespace

std::optional<LibraryFileKind> library_file_kind_by_keys(const YamlNode& root) {
  if (!root.is_map()) return std::nullopt;
  const auto has = [&](const char* key) { return YamlReader::child(root, key).is_defined(); };
  if (has("id") || has("steps")) return LibraryFileKind::scenarios;
  if (has("concepts")) return LibraryFileKind::lexicons;
  if (has("types")) return LibraryFileKind::customer_types;
  return std::nullopt;
}

LibraryFileKind library_file_kind(const std::string& path) {
  if (const auto kind = kind_of_folder(folder_of(path))) return *kind;
  std::error_code ec;
  return fs::is_directory(path, ec) ? LibraryFileKind::scenarios : kind_of_content(path);
}

std::optional<std::string> library_folder(const std::string& path) {
  const fs::path folder = folder_of(path);
  if (!kind_of_folder(folder)) return std::nullopt;
  std::error_code ec;
  const fs::path absolute = fs::weakly_canonical(folder.empty() ? "." : folder, ec);
  throw_if_out_of_memory(ec);
  return (ec ? folder : absolute).string();
}

}  // namespace coach
