#pragma once
// Terminal emphasis as plain strings, so reporters stay free of I/O; disabled, they add nothing.
#include <string>
#include <string_view>

#include "util/i18n.hpp"

namespace coach {

class Style {
 public:
  // What an emphasis puts before and after its text. A report built piece by piece appends
  // these around the piece (add) instead of making a string of each piece.
  struct Marks {
    std::string_view before;
    std::string_view after;
  };

  explicit Style(bool enabled) : enabled_(enabled) {}
  bool enabled() const { return enabled_; }

  Marks bold_marks() const { return colour("\x1b[1m"); }
  Marks dim_marks() const { return colour("\x1b[2m"); }
  Marks good_marks() const { return colour("\x1b[32m"); }
  Marks bad_marks() const { return colour("\x1b[31m"); }
  Marks warn_marks() const { return colour("\x1b[33m"); }
  Marks customer_marks() const { return colour("\x1b[36m"); }
  // Not [ ]: the English screens use those for step ids, labels and [critical], and two
  // matches side by side would read as one more of them.
  Marks highlight_marks() const {
    if (enabled_) return colour("\x1b[4;33m");
    return {tr("【", "«"), tr("】", "»")};
  }
  // Words that broke a rule: apart from those that counted for it, also without colour (a CI
  // log, a pipe), where both were 【】 and a new hire could not tell the mistake from the praise.
  Marks mistake_marks() const {
    if (enabled_) return colour("\x1b[4;31m");
    return {tr("〖✗", "‹✗ "), tr("〗", " ›")};
  }

  std::string bold(std::string_view text) const { return marked(bold_marks(), text); }
  std::string dim(std::string_view text) const { return marked(dim_marks(), text); }
  std::string good(std::string_view text) const { return marked(good_marks(), text); }
  std::string bad(std::string_view text) const { return marked(bad_marks(), text); }
  std::string warn(std::string_view text) const { return marked(warn_marks(), text); }
  std::string customer(std::string_view text) const { return marked(customer_marks(), text); }
  std::string highlight(std::string_view text) const { return marked(highlight_marks(), text); }
  std::string mistake(std::string_view text) const { return marked(mistake_marks(), text); }

  // `text` with `marks` around it, appended to `out`.
  static void add(std::string& out, Marks marks, std::string_view text) {
    out += marks.before;
    out += text;
    out += marks.after;
  }

 private:
  Marks colour(std::string_view code) const {
    if (!enabled_) return {};
    return {code, "\x1b[0m"};
  }
  static std::string marked(Marks marks, std::string_view text) {
    std::string out;
    out.reserve(marks.before.size() + text.size() + marks.after.size());
    add(out, marks, text);
    return out;
  }
  bool enabled_;
};

}  // namespace coach
