#include "util/i18n.hpp"

#include <cstdlib>
#include <string>

namespace coach {
namespace {
Language current_language = Language::zh;

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The language part of a tag or locale name (`en` of `en_US.UTF-8`, `EN-us`, `en@euro`),
// lower-case.
std::string language_part(std::string_view tag) {
  std::string part;
  for (const char c : tag) {
    if (c == '_' || c == '-' || c == '.' || c == '@') break;
    part += lower(c);
  }
  return part;
}

// The language of a locale name: English for `en…`, Chinese for any other (a trainee's machine
// set to another language still gets the program's first language).
Language locale_language(std::string_view locale) {
  return language_part(locale) == "en" ? Language::en : Language::zh;
}

// gettext reads no LANGUAGE in the C locale (unset, `C`, `POSIX`, `C.UTF-8`): the priority list
// is for a user who chose a locale.
bool is_c_locale(std::string_view locale) {
  return locale.empty() || locale == "POSIX" || locale == "C" || locale.starts_with("C.");
}

// The first of LANGUAGE's colon-separated languages that coach speaks, as gettext reads it.
std::optional<Language> first_spoken(std::string_view list) {
  while (!list.empty()) {
    const std::size_t colon = list.find(':');
    if (auto spoken = language_named(list.substr(0, colon))) return spoken;
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::string_view environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string_view() : std::string_view(value);
}

}  // namespace

void set_language(Language language) {
  current_language = language;
}
Language language() {
  return current_language;
}

std::string_view tr(std::string_view zh, std::string_view en) {
  return current_language == Language::en ? en : zh;
}

std::optional<Language> language_named(std::string_view tag) {
  // The language part whole: `english` or `zhongwen` is no tag.
  const std::string part = language_part(tag);
  if (part == "en") return Language::en;
  if (part == "zh") return Language::zh;
  return std::nullopt;
}

Language language_from_environment() {
  std::string_view locale;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    locale = environment(name);
    if (!locale.empty()) break;
  }
  if (!is_c_locale(locale)) {
    if (auto spoken = first_spoken(environment("LANGUAGE"))) return *spoken;
  }
  return locale_language(locale);
}

std::string subject(std::string_view what) {
  if (language() == Language::en) return std::string(what);
  const bool ends_in_ascii = !what.empty() && static_cast<unsigned char>(what.back()) < 0x80;
  return std::string(what) + (ends_in_ascii ? " " : "");
}

std::string counted(long long n, std::string_view zh_words, std::string_view en_one,
                    std::string_view en_many) {
  const std::string_view words =
      current_language == Language::zh ? zh_words : (n == 1 ? en_one : en_many);
  return grouped(n) + " " + std::string(words);
}

std::string grouped(long long n) {
  std::string digits = std::to_string(n);
  const std::size_t first_digit = n < 0 ? 1 : 0;
  for (std::size_t at = digits.size(); at > first_digit + 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

}  // namespace coach
