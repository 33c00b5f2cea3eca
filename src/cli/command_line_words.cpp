#include "cli/command_line_words.hpp"

#include <algorithm>

namespace coach::cli {
namespace {

// Whether `name` (`--output`) is an option that takes a value, global or of any command: where
// it stands is CLI11's to judge, which then says the value is empty or the option unknown there.
bool takes_a_value(const CLI::App& app, const std::string& name) {
  const CLI::Option* option = app.get_option_no_throw(name);
  if (option != nullptr) return option->get_items_expected_max() > 0 && !option->get_positional();
  for (const CLI::App* command : app.get_subcommands({})) {
    if (takes_a_value(*command, name)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> words_to_parse(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> words;
  bool options_ended = false;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") options_ended = true;
    const bool empty_after_equals =
        word.size() > 3 && word.starts_with("--") && word.find('=') == word.size() - 1;
    const std::string name = word.substr(0, word.size() - 1);
    if (!options_ended && empty_after_equals && takes_a_value(app, name)) {
      words.push_back(name);
      words.emplace_back();
      continue;
    }
    words.push_back(word);
  }
  std::reverse(words.begin(), words.end());
  return words;
}

}  // namespace coach::cli
