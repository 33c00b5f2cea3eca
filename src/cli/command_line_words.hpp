#pragma once
// The words of the command line as CLI11 is to read them.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace coach::cli {

// argv[1…] in the reverse order CLI11's parse takes, with `--opt=` (an empty value after `=`,
// `--output=$OUT` with OUT unset) given as `--opt ""` for every option that takes a value: CLI11
// read it as `--opt` alone, which took the next word as its value (a submission became the
// report's path). Words after `--` are left as they are.
std::vector<std::string> words_to_parse(const CLI::App& app, int argc, char** argv);

}  // namespace coach::cli
