#include "cli/locale_charset.hpp"

#include <fmt/format.h>
#include <langinfo.h>
#include <locale.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>

#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

// The variable that decides the character set, as the C library reads them, with its value.
std::optional<std::pair<std::string, std::string>> locale_variable() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return std::pair<std::string, std::string>(name, value);
  }
  return std::nullopt;
}

// What an installed locale says; else the name's own: `GBK` of `zh_CN.GBK@modifier`.
std::string charset_of(const std::string& locale_name) {
  if (locale_t locale = newlocale(LC_CTYPE_MASK, locale_name.c_str(), nullptr)) {
    std::string charset = nl_langinfo_l(CODESET, locale);
    freelocale(locale);
    return charset;
  }
  const auto dot = locale_name.find('.');
  if (dot == std::string::npos) return {};
  return locale_name.substr(dot + 1, locale_name.find('@', dot) - dot - 1);
}

bool is_utf8_or_ascii(std::string charset) {
  std::transform(charset.begin(), charset.end(), charset.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  charset.erase(std::remove(charset.begin(), charset.end(), '-'), charset.end());
  return charset.empty() || charset == "utf8" || charset == "ansi_x3.41968" || charset == "ascii" ||
         charset == "usascii";
}

}  // namespace

std::optional<std::string> non_utf8_charset() {
  const auto variable = locale_variable();
  if (!variable) return std::nullopt;
  const std::string charset = charset_of(variable->second);
  if (is_utf8_or_ascii(charset)) return std::nullopt;
  return charset;
}

std::string charset_warning(const std::string& charset, Shown shown) {
  const auto variable = locale_variable();
  const std::string setting =
      variable ? fmt::format("{}={}", variable->first, utf8::quote(variable->second)) : "";
  const std::string_view harm =
      shown == Shown::while_typing
          ? tr("coach 的中文会显示成乱码,输入的回答也无法识别(不会被评分或记录)",
               "coach's Chinese will show as garbage and replies typed in it cannot be read (they "
               "are neither scored nor recorded)")
          : tr("coach 的中文会显示成乱码(写入文件的报告不受影响)",
               "coach's Chinese will show as garbage (reports written to files are not affected)");
  // The Chinese is followed by English: a terminal that is not UTF-8 shows only ASCII right.
  return fmt::format(
      fmt::runtime(
          tr("coach: 警告:终端的字符编码是 {0}({1}),不是 UTF-8:{2}。请把终端(或 SSH 客户端)"
             "的字符编码设为 UTF-8,例如 LANG=zh_CN.UTF-8。\n"
             "(Warning: the terminal's character set is {0} ({1}), not UTF-8: set it to "
             "UTF-8.)\n",
             "coach: warning: the terminal's character set is {} ({}), not UTF-8: {}. "
             "Set the terminal (or SSH client) to UTF-8, e.g. LANG=zh_CN.UTF-8.\n")),
      utf8::quote(charset), setting, harm);
}

}  // namespace coach::cli
