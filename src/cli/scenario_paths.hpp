#pragma once
// Where the scenarios and lexicons are: the bundled ones beside the program (in the checkout
// or installed), or what --scenarios / COACH_SCENARIOS names.
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "load/scenario_library.hpp"

namespace coach::cli {

// The scenario directory to use; throws std::runtime_error when none can be found.
std::string scenarios_dir(const Context& context);

// The lexicon directories for scenario paths: a `lexicons/` beside each, else the bundled ones.
std::vector<std::string> lexicon_dirs_for(const std::vector<std::string>& paths,
                                          const Context& context);

// Every file the library was read from, broken scenarios too: no output may replace one.
std::vector<std::string> library_files(const ScenarioLibrary& library);

// The folders every later command reads as the library: the scenario folder (when there is
// one) and the folders of every file the library was read from. A YAML file written there would
// be read back as a broken scenario or lexicon.
std::vector<std::string> library_folders(const ScenarioLibrary& library, const Context& context);

// The same folders before the library is read (or when reading it failed): the scenario folder
// and the folders of lexicons and customer types it would be read with; none without a scenario
// folder, as nothing is read then.
std::vector<std::string> library_source_folders(const Context& context);

// "No scenario with this id", for show and practice.
// "coach: unknown scenario `fe` (did you mean `fee`?)…", for an id named on the command line,
// after the library's `load_problems` were shown: when there were any and no id is near, the
// scenario may be in a file that failed to load, and the message says so.
std::string unknown_scenario_message(const std::string& id, const ScenarioLibrary& library,
                                     const Diagnostics& load_problems);

// What `paths` (default: the scenario directory) ask for, each read with what it needs:
// scenarios with the lexicons beside them; a lexicon (in `lexicons/`, or a file of `concepts:`)
// with the other lexicons of its folder, which it must not contradict, and the customer types
// beside them, which name its concepts; customer types with the lexicons beside them.
LibrarySources library_sources(const std::vector<std::string>& paths, const Context& context);

// Loads the library of `sources`. It is kept until the process ends: freeing its many small
// objects (compiled patterns, automata, every scenario's text) would only cost time at exit, a
// twentieth of `check`.
const ScenarioLibrary& load_library(const LibrarySources& sources, Diagnostics& diagnostics);

// The same for `library_sources(paths, context)`.
const ScenarioLibrary& load_library(const std::vector<std::string>& paths, const Context& context,
                                    Diagnostics& diagnostics);

}  // namespace coach::cli
