#pragma once
// Where a command may write (grade's reports, practice's recording): never over a file it
// reads (a trainee's submission, the exam, a scenario), never over one of the history
// database or the files SQLite keeps beside it (and deletes on closing), and never two outputs to
// one file, where the second would silently replace the first, and never two to standard output,
// where the second would run on from the first, nor one onto the file standard error goes to. Paths
// are compared by what they name (`/dev//stdout`, a link to it), not by how they are spelled.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace coach::cli {

// What is wrong with writing to `output_paths` (empty or "-": stdout) while reading `inputs`
// and keeping the history in `database` (which need not exist yet), in the current language;
// nothing when all is well. Devices such as /dev/null may take any number of outputs, standard
// output only one.
std::optional<std::string> output_paths_problem(const std::vector<std::string>& output_paths,
                                                const std::vector<std::string>& inputs,
                                                const std::optional<std::string>& database);

// The first of `folders` that the file `output` would be written in, or in a folder below,
// however either is spelled (links followed); nothing for an output that replaces no file
// (a device, a pipe).
std::optional<std::filesystem::path> folder_holding_output(
    const std::string& output, const std::vector<std::filesystem::path>& folders);

// Why a YAML file may not be written at `output`: in one of `folders` (the scenarios, lexicons
// and customer types, the folders of submissions graded) it would be read back as a broken
// scenario or submission by every later run (exit 2 until someone finds it). It is the file
// written that counts: a link `summary.md` to `submissions/new.yaml` writes new.yaml there.
// Nothing for any other name or place.
std::optional<std::string> read_back_problem(const std::string& output,
                                             const std::vector<std::string>& folders);

}  // namespace coach::cli
