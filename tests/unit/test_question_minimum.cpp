// A question must ask something (000 第三步 提问: 开放式提问, 封闭式提问; 004: “用开放式的问题引导
// 顾客讲述事实、提供资料;用封闭式问题总结问题的关键”): a question word or a tag asked alone is
// none.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/questions.hpp"
#include "text/normalizer.hpp"

using namespace coach;

namespace {
std::vector<QuestionKind> kinds(const std::string& reply) {
  std::vector<QuestionKind> out;
  for (const auto& q : find_questions(normalize(reply).text)) out.push_back(q.kind);
  return out;
}
}  // namespace

TEST_CASE("a question word or a tag asked alone asks nothing") {
  // An outside tester's gather reply earned its open and closed questions with these.
  CHECK(kinds("王先生、手机号码?什么时候?对吗?查一下").empty());
  CHECK(kinds("什么时候?").empty());
  CHECK(kinds("为什么?").empty());
  CHECK(kinds("对吗?").empty());
  CHECK(kinds("什么时候😀对吗?").empty());
  CHECK(kinds("多少?是吗?").empty());
}

TEST_CASE("a question that names what it asks about still asks") {
  CHECK(kinds("什么时候发现少了钱?") == std::vector{QuestionKind::open});
  CHECK(kinds("您的手机号码是多少?") == std::vector{QuestionKind::open});
  CHECK(kinds("多少钱?") == std::vector{QuestionKind::open});
  CHECK(kinds("怎么回事?") == std::vector{QuestionKind::open});
  CHECK(kinds("满意吗?") == std::vector{QuestionKind::closed});
  CHECK(kinds("您贵姓?") == std::vector{QuestionKind::closed});
  CHECK(kinds("短信发不出去?") == std::vector{QuestionKind::closed});
  CHECK(kinds("这个月上过网?") == std::vector{QuestionKind::closed});
}

TEST_CASE("a tag confirms the statement before it, not another question") {
  // 001: 您看我这样理解对吗; 000 第二步 restating the problem.
  CHECK(kinds("您的意思是没打电话却扣了1.8元,对吧?") == std::vector{QuestionKind::closed});
  CHECK(kinds("您是5号来的,对吗?") == std::vector{QuestionKind::closed});
  CHECK(kinds("您是说没打过电话。对吗?") == std::vector{QuestionKind::closed});
  CHECK(kinds("当时显示什么?对吗?") == std::vector{QuestionKind::open});
}

TEST_CASE("a bare noun with a question mark is no closed question") {
  CHECK(kinds("手机号码?").empty());
  CHECK(kinds("订单号?").empty());
}
