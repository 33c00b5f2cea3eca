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
#include "util/i18n.hpp"

using namespace coach;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  fs::path dir = fs::temp_directory_path() / ("coach-grade-log-" + std::to_string(::getpid()));
  TempFolder() { fs::create_directories(dir); }
  ~TempFolder() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

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
  TempFolder folder;
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
  TempFolder folder;
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
