#include <doctest/doctest.h>
#include <stdlib.h>

#include <initializer_list>
#include <utility>

#include "util/i18n.hpp"

using coach::Language;
using coach::language_from_environment;
using coach::language_named;

namespace {

// The locale variables set to `values` (the others unset) for one check.
Language language_with(std::initializer_list<std::pair<const char*, const char*>> values) {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}) ::unsetenv(name);
  for (const auto& [name, value] : values) ::setenv(name, value, 1);
  const Language chosen = language_from_environment();
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}) ::unsetenv(name);
  return chosen;
}

}  // namespace

TEST_CASE("--lang names Chinese or English with any region, script or case") {
  CHECK(language_named("en") == Language::en);
  CHECK(language_named("EN") == Language::en);
  CHECK(language_named("en-US") == Language::en);
  CHECK(language_named("en_GB.UTF-8") == Language::en);
  CHECK(language_named("zh") == Language::zh);
  CHECK(language_named("zh_CN") == Language::zh);
  CHECK(language_named("ZH-Hans") == Language::zh);
  CHECK_FALSE(language_named("fr"));
  CHECK_FALSE(language_named("english"));
  CHECK_FALSE(language_named(""));
}

TEST_CASE("the language follows the environment as gettext reads it") {
  CHECK(language_with({}) == Language::zh);
  CHECK(language_with({{"LANG", "en_US.UTF-8"}}) == Language::en);
  CHECK(language_with({{"LANG", "C"}}) == Language::zh);
  CHECK(language_with({{"LANG", "fr_FR.UTF-8"}}) == Language::zh);
  CHECK(language_with({{"LC_ALL", "en_US.UTF-8"}, {"LANG", "zh_CN.UTF-8"}}) == Language::en);
  CHECK(language_with({{"LC_MESSAGES", "en_US.UTF-8"}, {"LANG", "zh_CN.UTF-8"}}) == Language::en);
  CHECK(language_with({{"LC_ALL", ""}, {"LANG", "en_US.UTF-8"}}) == Language::en);
  // LANGUAGE, a priority list, wins over the locale unless that is the C locale.
  CHECK(language_with({{"LANGUAGE", "en"}, {"LANG", "zh_CN.UTF-8"}}) == Language::en);
  CHECK(language_with({{"LANGUAGE", "fr:de:en_GB"}, {"LANG", "zh_CN.UTF-8"}}) == Language::en);
  CHECK(language_with({{"LANGUAGE", "zh_CN:en"}, {"LANG", "en_US.UTF-8"}}) == Language::zh);
  CHECK(language_with({{"LANGUAGE", "fr"}, {"LANG", "en_US.UTF-8"}}) == Language::en);
  CHECK(language_with({{"LANGUAGE", "en"}}) == Language::zh);
  CHECK(language_with({{"LANGUAGE", "en"}, {"LANG", "C.UTF-8"}}) == Language::zh);
  CHECK(language_with({{"LANGUAGE", "en"}, {"LANG", "POSIX"}}) == Language::zh);
}
