// Measures how often the scorer agrees with an experienced trainer: grades the labelled
// replies and attempts of a corpus (tests/corpus/*.yaml) and prints the agreement, a confusion
// table, the agreement per kind of reply and, with --verbose, every disagreement.
//
//   agreement [--scenarios DIR] [--min-reply R] [--min-attempt A] [--verbose] CORPUS_DIR
//
// Exits 1 when agreement falls below the floors (the test suite holds them), 2 on bad input.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>

#include "engine/scorer.hpp"
#include "load/scenario_library.hpp"

namespace {

using namespace coach;

struct Tally {
  int agree = 0;
  int total = 0;
  void add(bool same) {
    total += 1;
    agree += same ? 1 : 0;
  }
  double rate() const { return total > 0 ? 100.0 * agree / total : 100.0; }
};

struct Confusion {
  int pass_accept = 0, pass_reject = 0, fail_accept = 0, fail_reject = 0;
  void add(bool passed, bool accepted) {
    (passed ? (accepted ? pass_accept : pass_reject) : (accepted ? fail_accept : fail_reject)) += 1;
  }
};

struct Report {
  Tally replies, attempts;
  Confusion reply_table, attempt_table;
  std::map<std::string, Tally> by_kind;
  std::vector<std::string> disagreements;
};

std::string verdict(bool passed) {
  return passed ? "pass" : "fail";
}

void grade_replies(const Rubric& rubric, const YAML::Node& replies, const std::string& file,
                   Report& report) {
  for (const auto& item : replies) {
    const std::string step_id = item["step"].as<std::string>();
    const CompiledStep* step = rubric.find_step(step_id);
    if (!step)
      throw std::runtime_error(
          fmt::format("{}:{}: unknown step {}", file, item.Mark().line + 1, step_id));
    const bool accepted = item["accept"].as<bool>();
    const std::string kind = item["kind"] ? item["kind"].as<std::string>() : "unlabelled";
    const std::string text = item["text"].as<std::string>();
    const bool passed = score_step(*step, rubric.scenario(), text).passed;
    report.replies.add(passed == accepted);
    report.by_kind[kind].add(passed == accepted);
    report.reply_table.add(passed, accepted);
    if (passed != accepted) {
      report.disagreements.push_back(
          fmt::format("{}:{}: [{} {}] trainer {} coach {}: {}", file, item.Mark().line + 1, step_id,
                      kind, accepted ? "accept" : "reject", verdict(passed), text));
    }
  }
}

void grade_attempts(const Rubric& rubric, const YAML::Node& attempts, const std::string& file,
                    Report& report) {
  for (const auto& item : attempts) {
    Attempt attempt;
    attempt.scenario_id = rubric.scenario().id;
    for (const auto& pair : item["responses"]) {
      attempt.responses.push_back(
          {pair.first.as<std::string>(), MarkedText{pair.second.as<std::string>(""), {}}});
    }
    const bool accepted = item["accept"].as<bool>();
    const bool passed = score_attempt(rubric, attempt, "", file).passed;
    report.attempts.add(passed == accepted);
    report.attempt_table.add(passed, accepted);
    if (passed != accepted) {
      report.disagreements.push_back(
          fmt::format("{}:{}: [attempt] trainer {} coach {}: {}", file, item.Mark().line + 1,
                      accepted ? "accept" : "reject", verdict(passed),
                      item["note"] ? item["note"].as<std::string>() : ""));
    }
  }
}

void print_table(const char* title, const Confusion& c) {
  fmt::print("{:<12} {:>16} {:>16}\n", title, "trainer accepts", "trainer rejects");
  fmt::print("{:<12} {:>16} {:>16}\n", "coach pass", c.pass_accept, c.pass_reject);
  fmt::print("{:<12} {:>16} {:>16}\n\n", "coach fail", c.fail_accept, c.fail_reject);
}

void print_report(const Report& report, std::size_t files, bool verbose) {
  fmt::print("Agreement with the trainer's labels ({} corpus files)\n", files);
  fmt::print("  replies   {:>4}/{:<4} {:5.1f} %\n", report.replies.agree, report.replies.total,
             report.replies.rate());
  fmt::print("  attempts  {:>4}/{:<4} {:5.1f} %\n\n", report.attempts.agree, report.attempts.total,
             report.attempts.rate());
  print_table("replies", report.reply_table);
  print_table("attempts", report.attempt_table);
  fmt::print("by kind of reply\n");
  for (const auto& [kind, tally] : report.by_kind) {
    fmt::print("  {:<16} {:>4}/{:<4} {:5.1f} %\n", kind, tally.agree, tally.total, tally.rate());
  }
  if (verbose) {
    fmt::print("\ndisagreements\n");
    for (const auto& line : report.disagreements) fmt::print("  {}\n", line);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Agreement of the scorer with a labelled corpus"};
  std::string corpus_dir;
  std::string scenarios_dir = COACH_SOURCE_SCENARIOS;
  double min_reply = 0;
  double min_attempt = 0;
  bool verbose = false;
  app.add_option("CORPUS_DIR", corpus_dir)->required();
  app.add_option("--scenarios", scenarios_dir);
  app.add_option("--min-reply", min_reply, "floor for reply agreement, in percent");
  app.add_option("--min-attempt", min_attempt, "floor for attempt agreement, in percent");
  app.add_flag("--verbose,-v", verbose, "list every disagreement");
  CLI11_PARSE(app, argc, argv);
  try {
    Diagnostics diagnostics;
    const auto library =
        ScenarioLibrary::load({scenarios_dir}, {scenarios_dir + "/lexicons"}, diagnostics);
    if (!diagnostics.empty()) throw std::runtime_error(diagnostics.to_string());
    Report report;
    const auto files = yaml_files_in(corpus_dir);
    for (const auto& file : files) {
      const YAML::Node corpus = YAML::LoadFile(file);
      const Rubric* rubric = library.find(corpus["scenario"].as<std::string>());
      if (!rubric) throw std::runtime_error(file + ": unknown scenario");
      grade_replies(*rubric, corpus["replies"], file, report);
      if (corpus["attempts"]) grade_attempts(*rubric, corpus["attempts"], file, report);
    }
    print_report(report, files.size(), verbose);
    if (report.replies.rate() < min_reply || report.attempts.rate() < min_attempt) {
      fmt::print(stderr,
                 "agreement below the floor (replies {:.1f} % < {}, or attempts {:.1f} % < {})\n",
                 report.replies.rate(), min_reply, report.attempts.rate(), min_attempt);
      return 1;
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "agreement: {}\n", e.what());
    return 2;
  }
  return 0;
}
