#include "cli/usage_failure.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "load/yaml_files.hpp"
#include "util/closest_name.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

// CLI11's messages that a user can meet: a pattern of its English wording and coach's own words
// for it in each language, with $1… for what the pattern captured (option names, values,
// counts). The first pattern that matches is used.
struct CliMessage {
  const char* pattern;
  const char* chinese;
  const char* english;
};

constexpr CliMessage kCliMessages[] = {
    {R"(^(.+): At Most (\d+) required but received (\d+)$)", "$1 只能给 $2 次,这里给了 $3 次",
     "$1 may be given $2 time only, here it is given $3 times"},
    {R"(^(.+): At least (\d+) required but received (\d+)$)", "$1 至少要给 $2 个值,这里给了 $3 个",
     "$1 needs at least $2, here $3 given"},
    // An option with a fixed set of values names them: what to write is the help.
    {R"(^(.+): \d+ required \S*(\{.*\}) missing$)", "$1 后面缺少值,可选:$2",
     "$1 needs a value, one of $2"},
    {R"(^(.+): \d+ required \S+ missing$)", "$1 后面缺少值", "$1 needs a value"},
    {R"(^(.+): (.*) not in (\{.*\})$)", "$1 的值 `$2` 不在可选范围内:$3",
     "the value `$2` of $1 is not one of the choices: $3"},
    {R"(^The following arguments? (?:was|were) not expected: (.*)$)", "多余的参数:$1",
     "more arguments than the command takes: $1"},
    {R"(^A subcommand is required$)",
     "缺少命令:list、show、validate、check、grade、practice 或 history",
     "no command given: list, show, validate, check, grade, practice or history"},
    // Every option CLI11 converts is a switch (the others are read by coach itself).
    {R"(^Could not convert: (.+) = (.*)$)",
     "$1 是开关,值 `$2` 无法识别:不写值,或写 1/0、yes/no、on/off、true/false",
     "$1 is a switch and `$2` is not a value it takes: give no value, or 1/0, yes/no, on/off, "
     "true/false"},
    {R"(^(.+) requires (.+)$)", "$1 需要同时给出 $2", "$1 needs $2 as well"},
    {R"(^(.+) excludes (.+)$)", "$1 不能与 $2 同时使用", "$1 cannot be used with $2"},
    {R"(^(.+) is required$)", "缺少必需的参数 $1", "the required argument $1 is missing"},
};

// `words` with $1… replaced by what the pattern captured.
std::string filled(std::string_view words, const std::vector<std::string>& captured) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const char next = i + 1 < words.size() ? words[i + 1] : '\0';
    const auto group = static_cast<std::size_t>(next - '1');
    if (words[i] == '$' && next >= '1' && next <= '9' && group < captured.size()) {
      out += captured[group];
      ++i;
    } else {
      out += words[i];
    }
  }
  return out;
}

// The captures of `pattern` matching all of `text`, or nothing. RE2, not std::regex: a value of
// 100 KB given to an option (`--format xxx…`) took std::regex's recursion past the stack.
std::optional<std::vector<std::string>> captures(const char* pattern, const std::string& text) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);  // bytes: a value need not be UTF-8
  options.set_log_errors(false);
  const RE2 matcher(pattern, options);
  std::vector<std::string> captured(static_cast<std::size_t>(matcher.NumberOfCapturingGroups()));
  std::vector<RE2::Arg> args;
  for (std::string& capture : captured) args.emplace_back(&capture);
  std::vector<const RE2::Arg*> pointers;
  for (const RE2::Arg& arg : args) pointers.push_back(&arg);
  if (!RE2::FullMatchN(text, matcher, pointers.data(), static_cast<int>(pointers.size())))
    return std::nullopt;
  return captured;
}

// CLI11 words its errors in English for programmers: those it has words for are said in coach's
// (the rest stay as CLI11 wrote them).
std::string cli_message(const std::string& english) {
  for (const auto& [pattern, chinese, own_english] : kCliMessages) {
    if (const auto captured = captures(pattern, english))
      return filled(tr(chinese, own_english), *captured);
  }
  return english;
}

// CLI11 says "a subcommand is required" of `coach lsit` too: the word given was the command,
// misspelt, and saying so (with the nearest command) is what helps.
std::optional<std::string> unknown_command_text(const CLI::App* app, const CLI::Error& error) {
  if (!app || app->get_parent() || !dynamic_cast<const CLI::RequiredError*>(&error) ||
      !app->get_subcommands().empty())
    return std::nullopt;
  const std::vector<std::string> given = app->remaining();
  if (given.empty() || given.front().starts_with("-")) return std::nullopt;
  std::vector<std::string_view> commands;
  std::string listed;
  for (const CLI::App* command : app->get_subcommands({})) {
    commands.push_back(command->get_name());
    if (!listed.empty()) listed += tr("、", ", ");
    listed += command->get_name();
  }
  return fmt::format(fmt::runtime(tr("未知的命令 `{}`{};命令有:{}",
                                     "unknown command `{}`{}; the commands are: {}")),
                     utf8::quote(given.front()), did_you_mean(given.front(), commands), listed);
}

// The option names a word could have meant where it stood: the global ones and those of the
// command given (of every command when none was).
std::vector<std::string> known_option_names(const CLI::App& app) {
  std::vector<const CLI::App*> scopes{&app};
  for (const CLI::App* command : app.get_subcommands()) scopes.push_back(command);
  if (scopes.size() == 1) {
    for (const CLI::App* command : app.get_subcommands({})) scopes.push_back(command);
  }
  std::vector<std::string> names;
  for (const CLI::App* scope : scopes) {
    for (const CLI::Option* option : scope->get_options()) {
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
      for (const std::string& name : option->get_snames()) names.push_back("-" + name);
    }
  }
  return names;
}

// CLI11 calls `--formt` an argument "not expected", as it does an extra file: an unknown option
// is named as one, with the option it is nearest to (`--format`).
std::optional<std::string> unknown_option_text(const CLI::App* app, const CLI::Error& error) {
  // `coach grade -x.yaml`: the one file, read as an option, left the command "without" its file.
  if (!app || (!dynamic_cast<const CLI::ExtrasError*>(&error) &&
               !dynamic_cast<const CLI::RequiredError*>(&error)))
    return std::nullopt;
  const std::vector<std::string> extras = app->remaining(true);
  const auto option = std::find_if(extras.begin(), extras.end(), [](const std::string& word) {
    return word.starts_with("-") && word != "-";
  });
  if (option == extras.end()) return std::nullopt;
  const std::string& word = *option;
  const std::string name = word.substr(0, word.find('='));
  const std::vector<std::string> names = known_option_names(*app);
  const std::vector<std::string_view> known(names.begin(), names.end());
  std::string text = fmt::format(fmt::runtime(tr("未知的选项 `{}`{}", "unknown option `{}`{}")),
                                 utf8::quote(name), did_you_mean(name, known));
  if (name == word && is_yaml_name(word))
    text += fmt::format(fmt::runtime(tr(";文件名以 - 开头的文件写作 ./{0} 或放在 -- 之后",
                                        "; a file whose name starts with - is written ./{0} or "
                                        "after --")),
                        utf8::quote(word));
  return text;
}

}  // namespace

std::string usage_failure(const CLI::App* app, const CLI::Error& error) {
  auto mistake = unknown_command_text(app, error);
  if (!mistake) mistake = unknown_option_text(app, error);
  if (!mistake) mistake = utf8::escape_controls(cli_message(error.what()));
  return fmt::format(fmt::runtime(tr("命令行有误:{}\n用 --help 查看用法。\n",
                                     "command-line error: {}\nUse --help to see the usage.\n")),
                     *mistake);
}

}  // namespace coach::cli
