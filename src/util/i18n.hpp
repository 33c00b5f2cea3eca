#pragma once
// The program speaks zh-CN first, English on request. Every user-facing string is written
// as tr("中文", "English") at the place it is used, so no message can lack a translation.
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

// Language from the locale environment (LC_ALL, LC_MESSAGES, LANG): English if it starts with
// "en", Chinese otherwise.
Language language_from_environment();

}  // namespace coach
