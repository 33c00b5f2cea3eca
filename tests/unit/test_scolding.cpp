#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/questions.hpp"
#include "text/normalizer.hpp"

using namespace coach;

namespace {
std::vector<QuestionKind> kinds(const std::string& reply) {
  std::vector<QuestionKind> out;
  for (const Question& question : find_questions(normalize(reply).text))
    out.push_back(question.kind);
  return out;
}
}  // namespace

// Outside pass 35, finding 05: 您看什么看? was counted as an open question.
TEST_CASE("the same verb on both sides of 什么 scolds and asks nothing") {
  for (const std::string reply :
       {"您看什么看?", "您问什么问?", "您拍什么拍?", "吵什么吵!", "急什么急", "哭什么哭啊?",
        "笑什么笑呀", "您嚷嚷什么嚷嚷?", "您激动什么激动?", "瞅啥瞅?", "您嗑什么嗑?",
        "王先生,您瞪什么瞪?"}) {
    CAPTURE(reply);
    CHECK(kinds(reply).empty());
  }
  // Only the scolding clause is left out: the next one still asks.
  CHECK(kinds("哭什么哭啊,您是什么时候发现的?") == std::vector{QuestionKind::open});
}

TEST_CASE("questions with a verb beside 什么 still ask") {
  for (const std::string reply :
       {"您看什么时候方便?", "您想问什么问题?", "请问您说的是什么?", "您看什么地方不清楚?",
        "说什么也要帮您办好,您是什么时候发现的?", "您为什么为这事着急?", "您想说什么说啊?",
        "您要问什么问呀?", "您做了什么了?", "您想吃什么吃的?"}) {
    CAPTURE(reply);
    const std::vector<QuestionKind> asked = kinds(reply);
    REQUIRE(!asked.empty());
    CHECK(asked.back() == QuestionKind::open);
  }
  const std::vector<QuestionKind> asked = kinds("短信、电话什么什么的,您都用不了吗?");
  REQUIRE(!asked.empty());
  CHECK(asked.back() == QuestionKind::closed);
}
