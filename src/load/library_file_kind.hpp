#pragma once
// What a file or folder named to `validate` or `check` holds. A trainer who has just edited a
// lexicon names that lexicon; read as a scenario it would be "missing id, title, steps …".
#include <optional>
#include <string>

namespace coach {

class YamlNode;

enum class LibraryFileKind { scenarios, lexicons, customer_types };

// By the folder it is in, or is: `lexicons/`, `customer-types/`; else, for a file, by its
// top-level key (`concepts:` for a lexicon, `types:` for customer types, neither beside a
// scenario's `id:` or `steps:`). Anything else, a file that cannot be read included, is read as
// scenarios, whose loader reports what is wrong with it.
LibraryFileKind library_file_kind(const std::string& path);

// The same by a parsed file's top-level keys alone: `id:` or `steps:` a scenario, else
// `concepts:` a lexicon, `types:` customer types; nothing when it has none of them.
std::optional<LibraryFileKind> library_file_kind_by_keys(const YamlNode& root);

// The `lexicons/` or `customer-types/` folder that `path` is, or is in (made absolute, so one
// folder named two ways is one), or nothing.
std::optional<std::string> library_folder(const std::string& path);

}  // namespace coach
