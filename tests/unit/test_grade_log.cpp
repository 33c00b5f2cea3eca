// The grading run's batches into the history, when a write fails for a while (a disk full for a
// moment: here a file-size limit on this process).
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/grade_log.hpp"
#include "temp_folder.hpp"
#include "util/i18n.hpp"

using namespace coach;
namespace fs = std::filesystem;

namespace {

// While alive, no file of this process may grow past `bytes`; the signal that would end it is
// ignored, as coach ignores it, so the write fails instead.
struct FileSizeLimit {
  rlimit before{};
  explicit FileSizeLimit(rlim_t bytes) {
    std::signal(SIGXFSZ, SIG_IGN);
    ::getrlimit(RLIMIT_FSIZE, &before);
    const rlimit limit{bytes, before.rlim_max};
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() { ::setrlimit(RLIMIT_FSIZE, &before); }
};

struct InEnglish {
  Language before = language();
  InEnglish() { set_language(Language::en); }
  ~InEnglish() { set_language(before); }
};

// Captures what is written to std::cerr meanwhile.
struct CapturedErrors {
  std::ostringstream text;
  std::streambuf* before = std::cerr.rdbuf(text.rdbuf());
  ~CapturedErrors() { std::cerr.rdbuf(before); }
};

history::AttemptRecord graded(int number) {
  history::AttemptRecord record;
  record.kind = history::AttemptKind::grade;
  record.trainee = "trainee " + std::to_string(number);
  record.scenario_id = "fee";
  record.started_at = "2026-11-24T10:00:00Z";
  record.finished_at = record.started_at;
  history::StepRecord step;
  step.step_id = "vent";
  step.answered = true;
  step.reply = std::string(200, 'x');  // enough for a batch to outgrow the limit below
  record.steps.push_back(step);
  return record;
}

std::size_t attempts_in(const std::string& path) {
  std::size_t count = 0;
  history::HistoryStore(path).for_each_attempt({}, [&](const auto&) { ++count; });
  return count;
}

}  // namespace

TEST_CASE("a batch the history cannot take waits and is written with the next one") {
  const InEnglish english;
  test::TempFolder folder;
  const std::string path = (folder.dir / "history.sqlite3").string();
  CapturedErrors errors;
  std::string note;
  {
    cli::HistoryLink link(path);
    cli::GradeLog log(link);
    {
      const FileSizeLimit full(3000);
      for (int i = 0; i < 200; ++i) log.add(graded(i));  // the first batch: not written
    }
    for (int i = 200; i < 450; ++i) log.add(graded(i));  // the second: both written
    note = log.closing_note();
  }
  CHECK(attempts_in(path) == 450);
  CHECK(errors.text.str().find("cannot be written") != std::string::npos);
  CHECK(note.find("can be written again; it now has every attempt graded this time") !=
        std::string::npos);
}

TEST_CASE("what the history still lacks at the end of a grading run is said") {
  const InEnglish english;
  test::TempFolder folder;
  const std::string path = (folder.dir / "history.sqlite3").string();
  CapturedErrors errors;
  std::string note;
  {
    cli::HistoryLink link(path);
    cli::GradeLog log(link);
    for (int i = 0; i < 10; ++i) log.add(graded(i));
    log.flush();
    const FileSizeLimit full(3000);
    for (int i = 10; i < 30; ++i) log.add(graded(i));
    note = log.closing_note();
  }
  CHECK(attempts_in(path) == 10);
  CHECK(note.find("lacks 20 attempts graded this time") != std::string::npos);
  CHECK(note.find("the reports hold every grade") != std::string::npos);
}

TEST_CASE("the same submission graded again is recorded once") {
  // A CI job cancelled half-way and run again: the attempts the first run recorded are not
  // counted twice, the rest are added (finding 03 of outside pass 41).
  test::TempFolder folder;
  const std::string db = (folder.dir / "h.sqlite3").string();
  const auto with_identity = [](int number, const std::string& file_sha256) {
    history::AttemptRecord record = graded(number);
    record.identity = cli::graded_attempt_identity(file_sha256, 0, record);
    return record;
  };
  {
    cli::HistoryLink link(db);
    cli::GradeLog log(link);
    for (int number = 0; number < 3; ++number) log.add(with_identity(number, "aa"));
  }
  {
    cli::HistoryLink link(db);
    cli::GradeLog log(link);
    for (int number = 0; number < 5; ++number) log.add(with_identity(number, "aa"));
    log.add(with_identity(0, "bb"));  // other bytes: another submission
    log.add(graded(0));               // no identity: always added
    CHECK(log.closing_note().empty());
  }
  CHECK(attempts_in(db) == 7);
}

TEST_CASE("a graded attempt's identity is its bytes, place, scenario, exam and trainee") {
  history::AttemptRecord record = graded(1);
  const std::string first = cli::graded_attempt_identity("aa", 0, record);
  CHECK(first != cli::graded_attempt_identity("aa", 1, record));
  CHECK(first != cli::graded_attempt_identity("ab", 0, record));
  record.source_file = "/here/a.yaml";
  const std::string here = cli::graded_attempt_identity("aa", 0, record);
  CHECK(here != first);                      // a file of another name: another submission
  record.source_file = "/elsewhere/a.yaml";  // a CI checkout in another folder
  CHECK(here == cli::graded_attempt_identity("aa", 0, record));
  record.scenario_sha256 = "changed";
  CHECK(here != cli::graded_attempt_identity("aa", 0, record));
  CHECK(cli::graded_attempt_identity("", 0, record).empty());
}
