// The Aho–Corasick automaton against the plain definition: every occurrence of every phrase,
// found by trying each phrase at each position.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "util/phrase_automaton.hpp"

using namespace coach;

namespace {

using Occurrence = std::tuple<std::size_t, std::size_t, std::uint32_t>;  // end, begin, phrase

std::vector<Occurrence> found_by_automaton(const std::vector<std::string>& phrases,
                                           const std::string& text) {
  PhraseAutomaton automaton;
  for (const auto& phrase : phrases) automaton.add(phrase);
  automaton.build();
  std::vector<Occurrence> found;
  automaton.scan(text, [&](std::uint32_t phrase, std::size_t begin, std::size_t end) {
    found.emplace_back(end, begin, phrase);
  });
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<Occurrence> found_one_by_one(const std::vector<std::string>& phrases,
                                         const std::string& text) {
  std::vector<Occurrence> found;
  for (std::uint32_t i = 0; i < phrases.size(); ++i) {
    if (phrases[i].empty()) continue;
    for (std::size_t at = text.find(phrases[i]); at != std::string::npos;
         at = text.find(phrases[i], at + 1))
      found.emplace_back(at + phrases[i].size(), at, i);
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Pieces that share bytes: CJK characters with common lead bytes, ASCII, a lone lead byte.
std::string random_text(std::mt19937& random, std::size_t pieces) {
  static const char* const kPieces[] = {"您", "你", "好",   "抱",   "歉",
                                        "a",  "b",  "\xe6", "先生", "。"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::string text;
  for (std::size_t i = 0; i < pieces; ++i) text += kPieces[pick(random)];
  return text;
}

}  // namespace

TEST_CASE("the automaton finds what a phrase-by-phrase search finds") {
  std::mt19937 random(20261123);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> phrases;
    const int count = 1 + round % 40;
    for (int i = 0; i < count; ++i) phrases.push_back(random_text(random, 1 + i % 4));
    if (round % 7 == 0) phrases.push_back("");
    if (round % 5 == 0) phrases.push_back(phrases.front());  // the same phrase twice
    const std::string text = random_text(random, 60);
    CAPTURE(round);
    CHECK(found_by_automaton(phrases, text) == found_one_by_one(phrases, text));
  }
}

TEST_CASE("a node with many children finds each of them") {
  std::vector<std::string> phrases;
  for (int byte = 1; byte < 256; ++byte)
    phrases.push_back(std::string("x") + static_cast<char>(byte));
  std::string text;
  for (int byte = 255; byte >= 1; --byte) text += std::string("x") + static_cast<char>(byte);
  CHECK(found_by_automaton(phrases, text) == found_one_by_one(phrases, text));
  // Each pair once, and "xx" a second time where "xx" is followed by "xw".
  CHECK(found_by_automaton(phrases, text).size() == 256);
}

TEST_CASE("an automaton whose nodes have one child at most reads past its leaves") {
  // Found by fuzz_matching under UBSan: a leaf's edges were looked up in an empty edge table.
  CHECK(found_by_automaton({"ab"}, "abcab") == found_one_by_one({"ab"}, "abcab"));
  CHECK(found_by_automaton({"您好"}, "您好吗您好") == found_one_by_one({"您好"}, "您好吗您好"));
}
