#pragma once
// Text made once and shown by many results: a rule's description and feedback are the same for
// every reply the rule judges. Each result held its own copies, the largest share of the
// allocations of scoring a short reply; a SharedText is copied by sharing the one string.
// It reads as a const std::string; it cannot be changed, only given a new text.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace coach {

class SharedText {
 public:
  SharedText() = default;
  // Implicit, as a std::string is given one: result.feedback = fmt::format(…).
  SharedText(std::string text)
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}

  const std::string& str() const { return text_ ? *text_ : empty_text(); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }
  bool empty() const { return str().empty(); }

  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const SharedText& b) { return a.str() == b.str(); }

 private:
  static const std::string& empty_text() {
    static const std::string empty;
    return empty;
  }

  std::shared_ptr<const std::string> text_;  // null for the empty text
};

}  // namespace coach

template <>
struct fmt::formatter<coach::SharedText> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const coach::SharedText& text, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(text.str(), ctx);
  }
};
