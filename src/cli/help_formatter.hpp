#pragma once
// `--help` as CLI11 lays it out, with its columns counted in what a terminal shows: CLI11 pads by
// bytes, so a Chinese label (文本: 6 bytes, 4 columns) pushed every description after it out of
// line. The type names CLI11 writes itself (`TEXT:{text,json}`) follow the language too.
#include <CLI/CLI.hpp>

namespace coach::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* option, bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* option) const override;
  std::string make_subcommand(const CLI::App* command) const override;

 private:
  std::string two_columns(const std::string& name, const std::string& description) const;
};

}  // namespace coach::cli
