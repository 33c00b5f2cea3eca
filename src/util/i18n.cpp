#include "util/i18n.hpp"

#include <cstdlib>
#include <string>

namespace coach {
namespace {
Language current_language = Language::zh;
}

void set_language(Language language) {
  current_language = language;
}
Language language() {
  return current_language;
}

std::string_view tr(std::string_view zh, std::string_view en) {
  return current_language == Language::en ? en : zh;
}

Language language_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return std::string(value).rfind("en", 0) == 0 ? Language::en : Language::zh;
  }
  return Language::zh;
}

std::string subject(std::string_view what) {
  if (language() == Language::en) return std::string(what);
  const bool ends_in_ascii = !what.empty() && static_cast<unsigned char>(what.back()) < 0x80;
  return std::string(what) + (ends_in_ascii ? " " : "");
}

}  // namespace coach
