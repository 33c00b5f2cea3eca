// An exam sat without --record, read back from the sessions folder: each attempt counted once,
// from its transcript or, when that lacks replies, from the exam's submission.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "history/exam_sittings.hpp"
#include "load/answers_loader.hpp"
#include "temp_folder.hpp"

using namespace coach;
using history::ExamSittings;

namespace {

const char* kVent = "王先生您好,您的心情我很理解";
const char* kApology = "真的非常抱歉,给您添麻烦了";

struct SessionsFolder {
  test::TempFolder folder;

  std::string write(const std::string& name, const std::string& text) const {
    const std::string path = (folder.dir / name).string();
    std::ofstream(path) << text;
    return path;
  }
  // An exam's submission: its trainee and one attempt of scenario `fee`, its steps answered.
  std::string submission(const std::string& name, const std::string& trainee,
                         const std::vector<std::string>& replies) const {
    return write(name, "trainee: " + trainee + "\nattempts:\n  - scenario: fee\n    responses:\n" +
                           responses(replies, "      "));
  }
  // A scenario's transcript, as practice writes it beside the submission.
  std::string transcript(const std::string& name, const std::string& trainee,
                         const std::vector<std::string>& replies) const {
    return write(
        name, "trainee: " + trainee + "\nscenario: fee\nresponses:\n" + responses(replies, "  "));
  }

 private:
  // `fee`'s steps in order, as many as there are replies.
  static std::string responses(const std::vector<std::string>& replies, const std::string& indent) {
    const char* steps[] = {"vent", "apology"};
    std::string text;
    for (std::size_t i = 0; i < replies.size(); ++i)
      text += indent + steps[i] + ": " + replies[i] + "\n";
    return text;
  }
};

Attempt attempt_in(const std::string& transcript) {
  Diagnostics diagnostics;
  auto answers = load_answers_file(transcript, diagnostics);
  REQUIRE(answers);
  return answers->attempts.at(0);
}

}  // namespace

TEST_CASE("an exam's attempt held by its transcript and its submission is counted once") {
  SessionsFolder sessions;
  const auto exam =
      sessions.submission("exam-basic-20261126-100000-42.yaml", "Ann", {kVent, kApology});
  const auto kept = sessions.transcript("20261126-100000-42-fee.yaml", "Ann", {kVent, kApology});
  ExamSittings sittings({exam, kept});
  REQUIRE(sittings.submission(exam) != nullptr);
  CHECK(sittings.submission(kept) == nullptr);
  CHECK_FALSE(sittings.counted_from_submission(kept, "Ann", attempt_in(kept)));
  CHECK(sittings.counted_from_transcript(exam, 0));
}

TEST_CASE("a transcript that lost its last reply is counted from the fuller submission") {
  SessionsFolder sessions;
  const auto exam =
      sessions.submission("exam-basic-20261126-100000-42.yaml", "Ann", {kVent, kApology});
  const auto kept = sessions.transcript("20261126-100000-42-fee.yaml", "Ann", {kVent});
  ExamSittings sittings({exam, kept});
  CHECK(sittings.counted_from_submission(kept, "Ann", attempt_in(kept)));
  CHECK_FALSE(sittings.counted_from_transcript(exam, 0));
}

TEST_CASE("a sitting is matched by trainee, replies and a sitting begun no later") {
  SessionsFolder sessions;
  const auto kept = sessions.transcript("20261126-100000-42-fee.yaml", "Ann", {kVent, kApology});
  SUBCASE("another trainee's submission") {
    const auto exam = sessions.submission("exam-basic-20261126-100000-42.yaml", "Bob", {kVent});
    ExamSittings sittings({exam, kept});
    CHECK_FALSE(sittings.counted_from_submission(kept, "Ann", attempt_in(kept)));
    CHECK_FALSE(sittings.counted_from_transcript(exam, 0));
  }
  SUBCASE("other replies") {
    const auto exam =
        sessions.submission("exam-basic-20261126-100000-42.yaml", "Ann", {"您好", kApology});
    ExamSittings sittings({exam, kept});
    CHECK_FALSE(sittings.counted_from_submission(kept, "Ann", attempt_in(kept)));
    CHECK_FALSE(sittings.counted_from_transcript(exam, 0));
  }
  SUBCASE("a later sitting under a reused process id") {
    const auto exam = sessions.submission("exam-basic-20261127-090000-42.yaml", "Ann", {kVent});
    ExamSittings sittings({exam, kept});
    CHECK_FALSE(sittings.counted_from_submission(kept, "Ann", attempt_in(kept)));
    CHECK_FALSE(sittings.counted_from_transcript(exam, 0));
  }
  SUBCASE("the last of two earlier sittings, its name taken with -2") {
    const auto older = sessions.submission("exam-basic-20261126-080000-42.yaml", "Ann", {kVent});
    const auto newer = sessions.submission("exam-basic-20261126-100000-42-2.yaml", "Ann", {kVent});
    ExamSittings sittings({older, newer, kept});
    CHECK_FALSE(sittings.counted_from_submission(kept, "Ann", attempt_in(kept)));
    CHECK(sittings.counted_from_transcript(newer, 0));
    CHECK_FALSE(sittings.counted_from_transcript(older, 0));
  }
}

TEST_CASE("files not named as practice names them are not read as sittings") {
  SessionsFolder sessions;
  const auto renamed = sessions.submission("my-exam.yaml", "Ann", {kVent});
  const auto kept = sessions.transcript("fee-copy.yaml", "Ann", {kVent});
  ExamSittings sittings({renamed, kept});
  CHECK(sittings.submission(renamed) == nullptr);
  CHECK_FALSE(sittings.counted_from_submission(kept, "Ann", attempt_in(kept)));
  CHECK_FALSE(sittings.counted_from_transcript(renamed, 0));
}
