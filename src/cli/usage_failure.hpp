#pragma once
// What a command-line mistake tells the user: CLI11's errors said in coach's own words, the same
// in both languages, with the nearest command or option for a misspelt one.
#include <CLI/CLI.hpp>
#include <string>

namespace coach::cli {

// The text for app.failure_message: the lead-in, the mistake, and where the usage is.
std::string usage_failure(const CLI::App* app, const CLI::Error& error);

}  // namespace coach::cli
