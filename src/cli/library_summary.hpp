#pragma once
// What `validate` and `check` say of a library read without errors: how many files of each kind
// named were found valid.
#include "load/scenario_library.hpp"

namespace coach::cli {

// The scenario files; when only lexicons or customer types were named, those instead (a
// lexicon is read with the others of its folder, and the customer types that name its concepts).
void print_files_valid(const LibrarySources& sources, const ScenarioLibrary& library);

}  // namespace coach::cli
