#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>

#include "util/byte_words.hpp"
#include "util/utf8.hpp"

using namespace coach;

namespace {

bool naive_any(std::uint64_t word, bool (*test)(unsigned char, unsigned char),
               unsigned char value) {
  for (int i = 0; i < 8; ++i) {
    if (test(static_cast<unsigned char>(word >> (8 * i)), value)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a word is said to hold a byte value exactly when one of its bytes does") {
  std::mt19937_64 random(8);
  // Bytes near the values looked for, so that words hold them, miss them by one, or straddle.
  const unsigned char near[] = {0x00, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0xC1,
                                0xC2, 0xC3, 0xE1, 0xE2, 0xE3, 0xEE, 0xEF, 0xF0, 0xF4, 0xFF};
  for (int round = 0; round < 200'000; ++round) {
    std::uint64_t word = 0;
    for (int i = 0; i < 8; ++i) {
      const std::uint64_t byte =
          random() % 2 == 0 ? near[random() % std::size(near)] : random() % 256;
      word |= byte << (8 * i);
    }
    CAPTURE(word);
    for (const unsigned char value : {0x0D, 0x7F, 0xC2, 0xE2, 0xEF}) {
      CHECK((byte_words::any_equal(word, value) != 0) ==
            naive_any(
                word, [](unsigned char b, unsigned char v) { return b == v; }, value));
    }
    CHECK((byte_words::any_below(word, 0x20) != 0) ==
          naive_any(
              word, [](unsigned char b, unsigned char v) { return b < v; }, 0x20));
    CHECK((byte_words::any_at_least(word, 0xF0) != 0) ==
          naive_any(
              word, [](unsigned char b, unsigned char v) { return b >= v; }, 0xF0));
  }
}

TEST_CASE("a rare byte is found at every place in a word and past the last whole one") {
  const std::string chinese = "您好,这是一段中文";
  for (std::size_t at = 0; at <= chinese.size(); ++at) {
    if (at < chinese.size() && (static_cast<unsigned char>(chinese[at]) & 0xC0) == 0x80) continue;
    CAPTURE(at);
    const std::string controlled = chinese.substr(0, at) + "\x01" + chinese.substr(at);
    CHECK(utf8::has_control_characters(controlled));
    const std::string c1 = chinese.substr(0, at) + "\xC2\x85" + chinese.substr(at);
    CHECK(utf8::has_control_characters(c1));
    const std::string separator = chinese.substr(0, at) + "\xE2\x80\xA8" + chinese.substr(at);
    CHECK(utf8::has_control_characters(separator));
    const std::string noncharacter = chinese.substr(0, at) + "\xEF\xBF\xBE" + chinese.substr(at);
    const auto found = utf8::find_noncharacter(noncharacter);
    REQUIRE(found);
    CHECK(found->first == at);
    const std::string astral = chinese.substr(0, at) + "\xF4\x8F\xBF\xBF" + chinese.substr(at);
    REQUIRE(utf8::find_noncharacter(astral));
    CHECK(utf8::find_noncharacter(astral)->first == at);
  }
  CHECK_FALSE(utf8::has_control_characters(chinese + "“引号”…\t\n"));
  CHECK_FALSE(utf8::find_noncharacter(chinese + "ｆｕｌｌ，"));
}
