#include "cli/typed_command.hpp"

#include <algorithm>

#include "text/nfkc.hpp"
#include "util/utf8.hpp"

namespace coach::cli {
namespace {

// Longer than any command, with the blanks an input method may commit around it: a longer line
// starting with `、` is a reply, and is not folded whole.
constexpr std::size_t kLongestCommandBytes = 64;

// The first character that is not whitespace, folded; empty when there is none.
std::string first_folded_character(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::decode(text, pos);
    if (cp == utf8::kInvalid) return {};
    if (!utf8::is_whitespace(cp)) return nfkc_casefold(cp);
  }
  return {};
}

}  // namespace

std::string trimmed_reply(std::string_view line) {
  std::size_t first = line.size();
  std::size_t end = 0;
  for (std::size_t pos = 0; pos < line.size();) {
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(line, pos);
    if (cp != utf8::kInvalid && utf8::is_whitespace(cp)) continue;
    first = std::min(first, start);
    end = pos;
  }
  return first < end ? std::string(line.substr(first, end - first)) : std::string();
}

std::string folded_choice(std::string_view typed) {
  std::string folded;
  for (std::size_t pos = 0; pos < typed.size();) {
    const char32_t cp = utf8::decode(typed, pos);
    // Bytes that are not UTF-8 stay something no command or choice is.
    if (cp == utf8::kInvalid) {
      folded += "\uFFFD";
    } else {
      // Any whitespace (the ideographic space an input method commits) is trimmed as ' ' is.
      folded += utf8::is_whitespace(cp) ? std::string(" ") : nfkc_casefold(cp);
    }
  }
  return trimmed_reply(folded);
}

std::optional<std::string> typed_command(std::string_view line) {
  // Only a line that starts with a slash is folded whole: replies may be 10,000 characters.
  const std::string first = first_folded_character(line);
  if (first == "/") return folded_choice(line);
  // With Chinese punctuation on (the default of the common pinyin input methods), the `/` key
  // types `、`: `、quit` is a command typed so, never a reply to a customer.
  if (first != "、" || line.size() > kLongestCommandBytes) return std::nullopt;
  std::string folded = folded_choice(line);
  const std::string_view word = std::string_view(folded).substr(first.size());
  const bool letters = !word.empty() && std::all_of(word.begin(), word.end(),
                                                    [](char c) { return c >= 'a' && c <= 'z'; });
  if (!letters) return std::nullopt;
  return "/" + std::string(word);
}

}  // namespace coach::cli
