#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "engine/phrase_matcher.hpp"
#include "engine/plain_pattern.hpp"

using namespace coach;

namespace {

// What the load asks of RE2 (engine/trainer_pattern): the parse alone, on a budget too small
// for any program, so only a syntax error is an error.
bool re2_accepts(const std::string& pattern) {
  RE2::Options options = pattern_options();
  options.set_max_mem(300);
  const RE2 parsed(pattern, options);
  return parsed.ok() || parsed.error_code() == RE2::ErrorPatternTooLarge;
}

}  // namespace

TEST_CASE("the patterns trainers write are read without RE2's parser") {
  for (const std::string pattern :
       {"您(好|早)", "(这|那)(笔|个)?([^,.!?;是]|\\d\\.\\d){0,8}(是|属于)", "[^,.!?;]*?所以",
        "gotohell([^a-z]|$)", "(^|[,.!?;])滚([,.!?;]|$)", "\\p{Han}{2,4}先生", "1\\.80?([^0-9]|$)",
        "(?:您|你)(们)?要", "(?P<before>^|[^不])是(?P<after>[^吗]|$)", "[-+]?\\d+元",
        "a{2}(b{10}){100}", "(|您)好", "\\pL{0,15}但"}) {
    CAPTURE(pattern);
    CHECK(parses_as_plain_pattern(pattern));
    CHECK(re2_accepts(pattern));
  }
}

TEST_CASE("what RE2 refuses, or syntax left to it, is never taken as plain") {
  const std::vector<std::string> refused_or_left = {
      "(您好",        "您好)",         "*您",
      "您**",         "您+*",          "a{2}{3}",
      "(a{100}){11}", "a{1001}",       "a{3,2}",
      "[z-a]",        "[\\d-z]",       "[]",
      "[^]",          "[abc",          "\\1",
      "(?i)您",       "(?P<x>您)",     "(?P<before>a)(?P<before>b)",
      "[[:alpha:]]",  "\\p{Nonsense}", "\\x{41}",
      "\\Q*\\E",      "您\\",          "|*",
      "(*)",          "(|*)",          "a|+",
      "^*",           "\\b+",          "您}",
      "您{",          "a{,3}",         "a{01}",
      "\\n",          "a\tb"};
  for (const std::string& pattern : refused_or_left) {
    CAPTURE(pattern);
    CHECK_FALSE(parses_as_plain_pattern(pattern));
  }
}

// The reading must never vouch for a pattern RE2 refuses: random patterns built from the pieces
// of both syntaxes, refused ones among them, are checked against RE2 itself.
TEST_CASE("every pattern read as plain is one RE2 accepts") {
  static const std::vector<std::string> pieces = {
      "a",        "Z",         "您",      "好",     ".",   "(",   "(?:",      ")",        "|",
      "*",        "+",         "?",       "??",     "*?",  "{2}", "{0,3}",    "{2,}",     "{10}",
      "{100}",    "{1000}",    "{1001}",  "{3,2}",  "{",   "}",   "[",        "]",        "[^",
      "-",        "^",         "$",       "\\",     "\\d", "\\D", "\\s",      "\\w",      "\\b",
      "\\B",      "\\A",       "\\z",     "\\.",    "\\-", "\\]", "\\p{Han}", "\\pL",     "\\PN",
      "\\p{Foo}", "\\1",       "\\x{41}", "\\Q",    "\\E", ",",   "!",        "[^,.!?;]", "[a-z]",
      "[z-a]",    "[:alpha:]", "(?i)",    "(?P<n>", "\\n", " "};
  std::mt19937 random(20261125);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 14);
  int plain = 0;
  for (int i = 0; i < 300'000; ++i) {
    std::string pattern;
    for (int n = length(random); n > 0; --n) pattern += pieces[piece(random)];
    if (!parses_as_plain_pattern(pattern)) continue;
    ++plain;
    CAPTURE(pattern);
    REQUIRE(re2_accepts(pattern));
  }
  CHECK(plain > 20'000);  // the test reaches well into what is read as plain
}
