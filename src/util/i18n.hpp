#pragma once
// The program speaks zh-CN first, English on request. Every user-facing string is written
// as tr("中文", "English") at the place it is used, so no message can lack a translation.
#include <optional>
#include <string>
#include <string_view>

namespace coach {

enum class Language { zh, en };

void set_language(Language language);
Language language();

// Picks the text for the current language.
std::string_view tr(std::string_view zh, std::string_view en);

// The subject of a message written "{}应是…": in Chinese a space sets `code` off from the
// words after it (`responses` 应是映射) but not one Chinese word from the next (每个回答应是
// 文本); in English the message's own space does.
std::string subject(std::string_view what);

// A count with its words: "3 份作答" in Chinese (which has no plural), "1 attempt" or
// "3 attempts" in English, so no message reads "1 attempts" or "file(s)".
std::string counted(long long n, std::string_view zh_words, std::string_view en_one,
                    std::string_view en_many);

// 2000198 as "2,000,198": a number this long is read at a glance only in groups, and every
// message writes its numbers one way ("10,000", never "10000" beside "2,000").
std::string grouped(long long n);

// Language from the environment, as gettext chooses: the locale is the first set of LC_ALL,
// LC_MESSAGES and LANG; unless it is the C locale (unset, C, POSIX, C.*), the first language of
// LANGUAGE's list (`fr:en`) that coach speaks wins; else English for a locale `en…`, Chinese for
// any other.
Language language_from_environment();

// The language a tag names (`--lang`, an entry of LANGUAGE): `zh`, `en`, or either with a region
// or script (`zh-CN`, `zh_CN`, `en-US`, `en_GB.UTF-8`), in any case. None for another language.
std::optional<Language> language_named(std::string_view tag);

}  // namespace coach
