#include "util/inner_quotes.hpp"

#include <string_view>

#include "util/i18n.hpp"

namespace coach {

std::string with_inner_quotes(std::string text) {
  const auto replace_all = [&](std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  };
  if (language() == Language::zh) {
    replace_all("「", "『");
    replace_all("」", "』");
  } else {
    replace_all("“", "‘");
    replace_all("”", "’");
  }
  return text;
}

}  // namespace coach
