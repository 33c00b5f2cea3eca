#pragma once
// What a file or folder named to `validate` or `check` holds. A trainer who has just edited a
// lexicon names that lexicon; read as a scenario it would be "missing id, title, steps …".
#include <optional>
#include <string>

namespace coach {

enum class LibraryFileKind { scenarios, lexicons, customer_types };

// By the folder it is in, or is: `lexicons/`, `customer-types/`; else, for a file, by its
// top-level key (`concepts:` for a lexicon, `types:` for customer types, neither beside a
// scenario's `id:` or `steps:`). Anything else, a file that cannot be read included, is read as
// scenarios, whose loader reports what is wrong with it.
LibraryFileKind library_file_kind(const std::string& path);

// The `lexicons/` or `customer-types/` folder that `path` is, or is in (made absolute, so one
// folder named two ways is one), or nothing.
std::optional<std::string> library_folder(const std::string& path);

}  // namespace coach
