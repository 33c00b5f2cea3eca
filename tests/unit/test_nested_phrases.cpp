// A concept (or a rule's list) whose phrases nest — 嗯, 嗯嗯, 嗯嗯嗯 …; 抱歉, 很抱歉, 非常抱歉 —
// found in a reply that repeats one. Found by an outside tester (pass 36): every nested match
// was kept, read and listed, so scoring grew with the square of the reply and the evidence of a
// 1 KB reply was 14 MB. Of the phrases of one group found starting at one place only the
// longest is kept, and a rule's evidence lists each place once.
#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/phrase_matcher.hpp"
#include "engine/scorer.hpp"
#include "fixtures.hpp"
#include "text/normalizer.hpp"

using namespace coach;

namespace {

const char* kNestedLexicon = R"(concepts:
  listening:
    label: 倾听
    source: test
    phrases: [嗯, 嗯嗯, 嗯嗯嗯, 嗯嗯嗯嗯]
  apology:
    label: 道歉
    source: test
    phrases: [抱歉, 很抱歉, 非常抱歉, 非常抱歉给您添麻烦了]
  blame:
    label: 指责客户
    source: test
    phrases: [您弄错, 您弄错了, 您弄错了吧]
  nod:
    label: 应声
    source: test
    phrases: [嗯]
)";

// A one-step scenario of `rules` over the lexicon above.
struct NestedFixture : test::Fixture {
  explicit NestedFixture(const std::string& rules)
      : test::Fixture(test::scenario_with_rules(rules), kNestedLexicon) {}

  StepResult score(const std::string& reply) const {
    return score_step(rubric->steps()[0], rubric->scenario(), reply);
  }
};

// The result of a one-rule step for `reply`.
RuleResult judged(const std::string& rule, const std::string& reply) {
  const NestedFixture fixture("      - " + rule + "\n");
  REQUIRE_MESSAGE(fixture.rubric, fixture.diagnostics.to_string());
  return fixture.score(reply).rules.at(0);
}

// The evidence as the reply's text, span by span.
std::vector<std::string> evidence(const RuleResult& result, const std::string& reply) {
  std::vector<std::string> texts;
  for (const TextSpan span : result.matched)
    texts.push_back(reply.substr(span.begin, span.end - span.begin));
  return texts;
}

std::string repeated(const std::string& unit, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += unit;
  return text;
}

struct Found {
  std::size_t begin, end, source;
  bool operator==(const Found&) const = default;
};

std::vector<Found> found(const std::vector<PhraseMatch>& matches) {
  std::vector<Found> out;
  for (const PhraseMatch& match : matches)
    out.push_back({match.span.begin, match.span.end, match.source});
  return out;
}

}  // namespace

TEST_CASE("of nested phrases found at one place only the longest is kept") {
  Diagnostics diagnostics;
  const PhraseMatcher matcher({"嗯", "嗯嗯", "嗯嗯嗯"}, {}, "test", diagnostics);
  // 嗯 is three bytes: at 0 嗯嗯嗯, at 3 嗯嗯嗯, at 6 嗯嗯, at 9 嗯.
  CHECK(found(matcher.find_all(std::string_view("嗯嗯嗯嗯"))) ==
        std::vector<Found>{{0, 9, 2}, {3, 12, 2}, {6, 12, 1}, {9, 12, 0}});
  // Places apart stay apart; a phrase that nests with none is found as before.
  const PhraseMatcher mixed({"嗯嗯", "好的", "嗯"}, {}, "test", diagnostics);
  CHECK(found(mixed.find_all(std::string_view("嗯好的嗯嗯"))) ==
        std::vector<Found>{{0, 3, 2}, {3, 9, 1}, {9, 15, 0}, {12, 15, 2}});
  // The same words listed twice: found once, as the first.
  const PhraseMatcher twice({"抱歉", "抱歉"}, {}, "test", diagnostics);
  CHECK(found(twice.find_all(std::string_view("抱歉"))) == std::vector<Found>{{0, 6, 0}});
}

TEST_CASE("a phrase knows the phrases of its list it begins with") {
  Diagnostics diagnostics;
  const PhraseMatcher matcher({"嗯嗯嗯", "好的", "嗯", "嗯嗯", "嗯好", "嗯嗯"}, {}, "test",
                              diagnostics);
  // A chain down to the shortest: 嗯嗯嗯, the second 嗯嗯, the first, 嗯.
  CHECK(matcher.prefix_of(0) == 5);
  CHECK(matcher.prefix_of(5) == 3);
  CHECK(matcher.prefix_of(3) == 2);
  CHECK(matcher.prefix_of(4) == 2);  // 嗯好: 嗯
  CHECK(matcher.prefix_of(2) == PhraseMatcher::kNoPrefix);
  CHECK(matcher.prefix_of(1) == PhraseMatcher::kNoPrefix);
  CHECK(matcher.prefix_of(99) == PhraseMatcher::kNoPrefix);
  CHECK_FALSE(matcher.nests(1));  // 好的 begins none and none begins it
  for (const std::size_t nesting : {0, 2, 3, 4, 5}) CHECK(matcher.nests(nesting));
}

TEST_CASE("the one-pass scan keeps the longest phrase of each concept at each place") {
  const NestedFixture fixture("      - {concept: listening}\n");
  REQUIRE(fixture.rubric);
  const ConceptIndex& concepts = *fixture.concepts;
  for (const std::string& text :
       {repeated("嗯", 40), std::string("嗯嗯,非常抱歉给您添麻烦了,很抱歉,您弄错了吧"),
        std::string("我没有很抱歉,嗯嗯嗯嗯嗯。抱歉抱歉")}) {
    CAPTURE(text);
    const NormalizedText reply = normalize(text);
    const ReplyScan scan = concepts.scan(reply);
    for (const auto& [id, compiled] : concepts.all()) {
      CAPTURE(id);
      const auto matches = scan.of(compiled.index);
      CHECK(std::vector<PhraseMatch>(matches.begin(), matches.end()) ==
            compiled.matcher->find_all(reply));
      for (std::size_t i = 1; i < matches.size(); ++i)
        CHECK(matches[i].span.begin > matches[i - 1].span.begin);  // one per place
    }
  }
  // Each concept keeps its own: 嗯 of `nod` is not hidden by 嗯嗯 of `listening`.
  const NormalizedText reply = normalize("嗯嗯");
  const ReplyScan scan = concepts.scan(reply);
  CHECK(scan.of(concepts.find("listening")->index).size() == 2);
  CHECK(scan.of(concepts.find("nod")->index).size() == 2);
  CHECK(scan.of(concepts.find("listening")->index)[0].span.end == 6);
}

TEST_CASE("a reply that repeats a nested phrase is evidence once, however long") {
  const std::string reply = repeated("嗯", 10000);
  const RuleResult present = judged("{concept: listening, points: 1}", reply);
  CHECK(present.ok);
  CHECK(present.matched == std::vector<TextSpan>{{0, reply.size()}});
  const RuleResult forbidden = judged("{forbid: listening, points: 1}", reply);
  CHECK_FALSE(forbidden.ok);
  CHECK(forbidden.matched == std::vector<TextSpan>{{0, reply.size()}});
  // The message quotes what was said at the first place, not the whole run.
  CHECK(forbidden.detail == "不要说「倾听」类的话:“嗯嗯嗯嗯”。");
  const RuleResult listed = judged("{none_of: [嗯, 嗯嗯, 嗯嗯嗯], points: 1}", reply);
  CHECK_FALSE(listed.ok);
  CHECK(listed.matched == std::vector<TextSpan>{{0, reply.size()}});
  CHECK(listed.detail == "不要说:“嗯嗯嗯”。");
}

TEST_CASE("evidence keeps places apart and each overlapping place once") {
  const std::string reply = "嗯嗯,好的,嗯嗯嗯";
  CHECK(evidence(judged("{concept: listening}", reply), reply) ==
        std::vector<std::string>{"嗯嗯", "嗯嗯嗯"});
  const std::string sorry = "非常抱歉给您添麻烦了,真的很抱歉。抱歉抱歉";
  CHECK(evidence(judged("{concept: apology}", sorry), sorry) ==
        std::vector<std::string>{"非常抱歉给您添麻烦了", "很抱歉", "抱歉", "抱歉"});
}

TEST_CASE("nested-phrase concepts are judged as before") {
  CHECK(judged("{concept: apology}", "非常抱歉").ok);
  CHECK(judged("{concept: apology}", "王先生,很抱歉让您久等了").ok);
  CHECK_FALSE(judged("{concept: apology}", "王先生,让您久等了").ok);
  CHECK(judged("{forbid: blame}", "我帮您查一下").ok);
  const RuleResult blamed = judged("{forbid: blame}", "您弄错了吧");
  CHECK_FALSE(blamed.ok);
  CHECK(blamed.detail == "不要说「指责客户」类的话:“您弄错了吧”。");
  // A rule's list still needs each phrase said: a longer one says the ones it begins with.
  CHECK(judged("{all_of: [抱歉, 抱歉给您, 抱歉给您添麻烦了]}", "抱歉给您添麻烦了").ok);
  CHECK(judged("{all_of: [嗯, 嗯嗯, 嗯嗯嗯]}", "嗯嗯嗯").ok);
  const RuleResult short_of = judged("{all_of: [嗯, 嗯嗯, 嗯嗯嗯]}", "嗯嗯,好的");
  CHECK_FALSE(short_of.ok);
  CHECK(short_of.missing == std::vector<std::string>{"嗯嗯嗯"});
  CHECK(judged("{any_of: [很抱歉, 很抱歉给您]}", "很抱歉给您添麻烦了").ok);
  CHECK(judged("{order: [apology, listening]}", "非常抱歉,嗯嗯").ok);
  CHECK_FALSE(judged("{order: [apology, listening]}", "嗯嗯,非常抱歉").ok);
}

TEST_CASE("negation still governs a nested phrase") {
  // The wide reading: a required phrase after 不 is not said, nor the phrases inside it.
  const RuleResult denied = judged("{concept: apology}", "我不觉得非常抱歉");
  CHECK_FALSE(denied.ok);
  CHECK(denied.matched.empty());
  CHECK_FALSE(judged("{concept: apology}", "我不觉得非常抱歉给您添麻烦了").ok);
  CHECK(judged("{concept: apology}", "我们没有办法,很抱歉").ok);  // another clause
  CHECK(judged("{concept: apology}", "没通知您很抱歉").ok);       // 很 ends the negation
  // The narrow reading: a forbidden phrase is excused where a negation plainly governs it.
  CHECK(judged("{forbid: blame}", "我们不会说您弄错了").ok);
  CHECK_FALSE(judged("{forbid: blame}", "系统查不出问题您弄错了吧").ok);
  CHECK_FALSE(judged("{all_of: [抱歉, 很抱歉]}", "我不觉得很抱歉").ok);
}
