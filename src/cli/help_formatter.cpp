#include "cli/help_formatter.hpp"

#include "util/display_width.hpp"
#include "util/i18n.hpp"

namespace coach::cli {

std::string HelpFormatter::make_option(const CLI::Option* option, bool is_positional) const {
  return two_columns(make_option_name(option, is_positional) + make_option_opts(option),
                     make_option_desc(option));
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  std::string opts = CLI::Formatter::make_option_opts(option);
  // A validator's values make a type name of their own (`TEXT:{text,json}`), which no label
  // translates.
  constexpr std::string_view kText = " TEXT:";
  if (language() == Language::zh && opts.starts_with(kText))
    opts.replace(0, kText.size(), " " + get_label("TEXT") + ":");
  return opts;
}

std::string HelpFormatter::make_subcommand(const CLI::App* command) const {
  return two_columns(command->get_display_name(true), command->get_description());
}

// As CLI11's format_help, padded by display columns: the name, then the description from the
// column on (on a line of its own when the name leaves less than two spaces before it), its
// later lines indented alike.
std::string HelpFormatter::two_columns(const std::string& name,
                                       const std::string& description) const {
  const std::string left = "  " + name;
  if (description.empty()) return left + "\n";
  const std::string indent(column_width_, ' ');
  std::string out = display_width(left) + 2 > column_width_ ? left + "\n" + indent
                                                            : pad_right(left, column_width_);
  for (const char c : description) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out + "\n";
}

}  // namespace coach::cli
