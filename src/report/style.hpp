#pragma once
// Terminal emphasis as plain strings, so reporters stay free of I/O; disabled, they add nothing.
#include <string>
#include <string_view>

#include "util/i18n.hpp"

namespace coach {

class Style {
 public:
  explicit Style(bool enabled) : enabled_(enabled) {}
  bool enabled() const { return enabled_; }

  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string good(std::string_view text) const { return wrap("32", text); }
  std::string bad(std::string_view text) const { return wrap("31", text); }
  std::string warn(std::string_view text) const { return wrap("33", text); }
  std::string customer(std::string_view text) const { return wrap("36", text); }
  std::string highlight(std::string_view text) const {
    if (enabled_) return wrap("4;33", text);
    // Not [ ]: the English screens use those for step ids, labels and [critical], and two
    // matches side by side would read as one more of them.
    return std::string(tr("【", "«")) + std::string(text) + std::string(tr("】", "»"));
  }
  // Words that broke a rule: apart from those that counted for it, also without colour (a CI
  // log, a pipe), where both were 【】 and a new hire could not tell the mistake from the praise.
  std::string mistake(std::string_view text) const {
    if (enabled_) return wrap("4;31", text);
    return std::string(tr("〖✗", "‹✗ ")) + std::string(text) + std::string(tr("〗", " ›"));
  }

 private:
  std::string wrap(std::string_view code, std::string_view text) const {
    if (!enabled_) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
  bool enabled_;
};

}  // namespace coach
