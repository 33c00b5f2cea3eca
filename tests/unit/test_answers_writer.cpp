#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "load/answers_loader.hpp"
#include "session/answers_writer.hpp"
#include "util/utf8.hpp"

using namespace coach;

namespace {

// Characters a reply may hold, those the writer quotes by itself and those it leaves to
// yaml-cpp: quotes, backslashes, YAML's own marks, U+0085, no-break spaces, BOMs, zero-width
// spaces, combining marks, emoji and Chinese. (Controls and bidirectional marks a reply may not
// hold: practice takes them out of what is typed.)
std::string random_text(std::mt19937& random) {
  static const std::vector<char32_t> pieces = {
      U'a',      U' ',      U'"',    U'\\',     U'\'', U':',  U'#',  U'-',  U'{',
      U'[',      U'\x85',   U'\xA0', U'\xA1',   U'您', U'好', U'，', U'。', U'\u3000',
      U'\uFEFF', U'\u200B', U'😀',    U'\u0301', U'%',  U'@',  U'!',  U'&'};
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  std::string text;
  for (int n = length(random); n > 0; --n) utf8::append(text, pieces[piece(random)]);
  return text;
}

}  // namespace

// The writer lays the file out by hand (yaml-cpp's emitter took half of a long practice
// session); what it writes must read back as exactly what was recorded.
TEST_CASE("a written answers file reads back as exactly what was recorded") {
  std::mt19937 random(20261125);
  int read_back = 0;
  for (int round = 0; round < 300; ++round) {
    AnswersFile file;
    file.trainee = round % 3 == 0 ? "" : "张三 \"小张\" \\ 李";
    const int attempts = 1 + round % 3;
    for (int a = 0; a < attempts; ++a) {
      Attempt attempt;
      attempt.scenario_id = "missing-balance";
      for (const char* step : {"vent", "true", "s-2"}) {
        attempt.responses.push_back({step, {random_text(random), {}}});
        attempt.seconds.push_back({step, 3.25});
        attempt.path.push_back({step, random_text(random), 40});
      }
      attempt.earlier_tries.push_back({"vent", {random_text(random), random_text(random)}});
      file.attempts.push_back(attempt);
    }
    const std::string written = format_answers(file);
    Diagnostics diagnostics;
    const auto read = parse_answers(written, "a.yaml", diagnostics);
    CAPTURE(written);
    CAPTURE(diagnostics.to_string());
    if (!read) {
      // Only what the loader refuses in any reply may fail: controls and bidirectional marks,
      // which practice takes out of what is typed.
      const std::string problems = diagnostics.to_string();
      CHECK((problems.find("控制字符") != std::string::npos ||
             problems.find("control") != std::string::npos));
      continue;
    }
    REQUIRE(read->attempts.size() == file.attempts.size());
    CHECK(read->trainee == file.trainee);
    for (std::size_t a = 0; a < file.attempts.size(); ++a) {
      const Attempt& want = file.attempts[a];
      const Attempt& got = read->attempts[a];
      REQUIRE(got.responses.size() == want.responses.size());
      for (std::size_t r = 0; r < want.responses.size(); ++r) {
        CHECK(got.responses[r].first == want.responses[r].first);
        CHECK(got.responses[r].second.text == want.responses[r].second.text);
      }
      REQUIRE(got.earlier_tries.size() == 1);
      CHECK(got.earlier_tries.front().second == want.earlier_tries.front().second);
      CHECK(got.seconds_for("vent") == doctest::Approx(3.2));
    }
    ++read_back;
  }
  CHECK(read_back > 20);  // the test reaches files that read back
}

TEST_CASE("the layout is yaml-cpp's block style") {
  AnswersFile file;
  file.trainee = "张三";
  Attempt attempt;
  attempt.scenario_id = "fee";
  attempt.responses.push_back({"vent", {"您好\"引号\" \\ 和 #号: 冒号", {}}});
  attempt.seconds.push_back({"vent", 12});
  attempt.path.push_back({"vent", "你们怎么回事?", 40});
  attempt.earlier_tries.push_back({"vent", {"第一次\xEF\xBB\xBF"}});
  file.attempts.push_back(attempt);
  CHECK(format_answers(file) ==
        "trainee: \"张三\"\n"
        "scenario: fee\n"
        "responses:\n"
        "  vent: \"您好\\\"引号\\\" \\\\ 和 #号: 冒号\"\n"
        "seconds:\n"
        "  vent: 12.0\n"
        "path:\n"
        "  - {step: vent, customer: \"你们怎么回事?\", mood: 40}\n"
        "earlier_tries:\n"
        "  vent:\n"
        "    - \"第一次\\ufeff\"\n");
}
