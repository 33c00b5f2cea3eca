#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/leftmost_search.hpp"
#include "engine/phrase_matcher.hpp"

using namespace coach;

namespace {

std::optional<TextSpan> unanchored(const RE2& regex, std::string_view text, std::size_t start,
                                   std::size_t to) {
  re2::StringPiece match;
  const re2::StringPiece whole(text.data(), text.size());
  if (!regex.Match(whole, start, to, RE2::UNANCHORED, &match, 1)) return std::nullopt;
  const auto begin = static_cast<std::size_t>(match.data() - text.data());
  return TextSpan{begin, begin + match.size()};
}

std::vector<std::size_t> character_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t at = 0; at <= text.size(); ++at) {
    if (at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80)
      starts.push_back(at);
  }
  return starts;
}

// Every part of every text, as `search` finds it (a fresh one each time when null: tries only) and
// as RE2's unanchored search does.
void check_same_matches(const std::string& source, const LeftmostSearch* search) {
  CAPTURE(source);
  RE2::Options options = pattern_options();
  options.set_never_capture(false);
  const RE2 regex(source, options);
  REQUIRE(regex.ok());
  for (const std::string_view text :
       {"", "我来帮您处理,您别急.我会跟进!", "不是我们的问题,是您的问题吗?是的,是我们的问题",
        "您好,所以这个月的话费,因此多扣了。结果还是没办法", "ab 我 a我 b,a", "之所以这样,所以"}) {
    CAPTURE(text);
    const std::vector<std::size_t> starts = character_starts(text);
    for (const std::size_t start : starts) {
      for (const std::size_t to : starts) {
        if (to < start) continue;
        CAPTURE(start);
        CAPTURE(to);
        const LeftmostSearch fresh;
        const LeftmostSearch& used = search != nullptr ? *search : fresh;
        CHECK(used.find(regex, text, start, to) == unanchored(regex, text, start, to));
      }
    }
  }
}

constexpr const char* kPatterns[] = {"我",
                                     "我们?的问题",
                                     "(^|[^之])(所以|因此|结果)",
                                     "(?P<before>^|[^不]|[^不]是)我们",
                                     "问题$|^我",
                                     "[^,.!?;]{1,4}问题",
                                     "\\b[a-z]+",
                                     "(不是|是)(我们|您)(的)?问题",
                                     "(a|ab)(c|bcd)?|b"};

}  // namespace

TEST_CASE("a pattern's tries find the match RE2's unanchored search finds") {
  for (const char* source : kPatterns) check_same_matches(source, nullptr);
}

TEST_CASE("after its tries a pattern searches as RE2 does, and finds the same") {
  const RE2 worn_out("x", pattern_options());
  for (const char* source : kPatterns) {
    LeftmostSearch search;
    const std::string text(LeftmostSearch::kMaxTries, 'a');
    REQUIRE(search.find(worn_out, text + "x", 0, text.size() + 1) ==
            TextSpan{text.size(), text.size() + 1});
    check_same_matches(source, &search);
  }
}
