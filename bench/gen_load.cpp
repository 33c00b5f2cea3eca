// Generates benchmark load from the bundled scenarios (never committed: write it to a
// temporary or build directory).
//
//   gen_load answers DIR --replies N [--files F] [--long PERCENT] [--long-chars C] [--seed S]
//       F answers files (default 1) holding N replies in all: attempts of random scenarios,
//       each answering its steps in order; a file holding several attempts uses `attempts:`.
//   gen_load lines FILE --replies N [...]      the same kind of replies, one per line (for grep)
//   gen_load phrases FILE                      every lexicon phrase, normalised, one per line
//   gen_load promptfoo FILE --replies N [...]  a promptfoo config asserting six fixed checks on
//       the replies `answers DIR -n N -f 1` writes with the same options (bench/run --npm)
//
// Replies are the steps' model answers and counter-examples, as written, in traditional
// characters, with full-width punctuation, or long (see load_variants.hpp).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>

#include "load/scenario_library.hpp"
#include "load_variants.hpp"
#include "text/normalizer.hpp"

namespace {

using namespace coach;

// Answers files are read up to 16 MiB; stay clear of it.
constexpr std::size_t kMaxFileBytes = 15u << 20;

struct Pools {
  struct StepPool {
    const Step* step;
    std::vector<std::string> short_replies;
    std::vector<std::string> long_replies;
  };
  struct ScenarioPool {
    std::string id;
    std::vector<StepPool> steps;
  };
  std::vector<ScenarioPool> scenarios;
};

Pools make_pools(const ScenarioLibrary& library, std::size_t long_chars, std::uint64_t seed) {
  Pools pools;
  for (const Rubric& rubric : library.rubrics()) {
    Pools::ScenarioPool scenario{rubric.scenario().id, {}};
    for (const Step& step : rubric.scenario().steps) {
      Pools::StepPool pool{&step, bench::short_variants(step), {}};
      if (pool.short_replies.empty()) pool.short_replies.push_back("您好,请问有什么可以帮您?");
      for (int i = 0; i < 4; ++i)
        pool.long_replies.push_back(bench::long_reply(step, long_chars, seed + i));
      scenario.steps.push_back(std::move(pool));
    }
    if (!scenario.steps.empty()) pools.scenarios.push_back(std::move(scenario));
  }
  return pools;
}

// A YAML double-quoted scalar.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

struct Generator {
  const Pools& pools;
  std::mt19937_64 rng;
  int long_percent;

  const std::string& reply(const Pools::StepPool& step) {
    const bool is_long = static_cast<int>(rng() % 100) < long_percent;
    const auto& pool = is_long ? step.long_replies : step.short_replies;
    return pool[rng() % pool.size()];
  }
  const Pools::ScenarioPool& scenario() { return pools.scenarios[rng() % pools.scenarios.size()]; }
};

struct Attempt {
  const Pools::ScenarioPool* scenario;
  std::vector<std::pair<const std::string*, const std::string*>> responses;  // step id, reply
};

std::string answers_yaml(const std::vector<Attempt>& attempts, std::size_t file_index) {
  std::string out = fmt::format("trainee: 学员{:06}\n", file_index);
  if (attempts.size() == 1) {
    out += fmt::format("scenario: {}\nresponses:\n", attempts[0].scenario->id);
    for (const auto& [id, text] : attempts[0].responses)
      out += fmt::format("  {}: {}\n", *id, quoted(*text));
    return out;
  }
  out += "attempts:\n";
  for (const auto& attempt : attempts) {
    out += fmt::format("  - scenario: {}\n    responses:\n", attempt.scenario->id);
    for (const auto& [id, text] : attempt.responses)
      out += fmt::format("      {}: {}\n", *id, quoted(*text));
  }
  return out;
}

// `count` replies as attempts: random scenarios, each answering its first steps in order.
std::vector<Attempt> make_attempts(Generator& gen, std::size_t count) {
  std::vector<Attempt> attempts;
  while (count > 0) {
    const auto& scenario = gen.scenario();
    Attempt attempt{&scenario, {}};
    for (const auto& step : scenario.steps) {
      if (count == 0) break;
      attempt.responses.push_back({&step.step->id, &gen.reply(step)});
      --count;
    }
    attempts.push_back(std::move(attempt));
  }
  return attempts;
}

int write_answers(Generator& gen, const std::string& dir, std::size_t replies, std::size_t files) {
  std::filesystem::create_directories(dir);
  if (files == 0) files = 1;
  std::size_t written = 0;
  for (std::size_t i = 0; i < files; ++i) {
    const std::size_t count = replies / files + (i < replies % files ? 1 : 0);
    const std::string yaml = answers_yaml(make_attempts(gen, count), i);
    if (yaml.size() > kMaxFileBytes) {
      fmt::print(stderr,
                 "gen_load: {} replies make a file of {} MiB, over the answers-file limit; use "
                 "more files\n",
                 count, yaml.size() >> 20);
      return 2;
    }
    std::ofstream(fmt::format("{}/a{:07}.yaml", dir, i), std::ios::binary) << yaml;
    written += count;
  }
  fmt::print("{} replies in {} files in {}\n", written, files, dir);
  return 0;
}

int write_lines(Generator& gen, const std::string& file, std::size_t replies) {
  std::ofstream out(file, std::ios::binary);
  std::size_t left = replies;
  while (left > 0) {
    for (const auto& attempt : make_attempts(gen, std::min<std::size_t>(left, 4096))) {
      for (const auto& response : attempt.responses) out << *response.second << '\n';
      left -= attempt.responses.size();
    }
  }
  fmt::print("{} replies, one per line, in {}\n", replies, file);
  return 0;
}

// A concept's phrases as the grep reference looks for them: normalised, none empty.
void add_normalized_phrases(const Concept& concept_def, std::set<std::string>& phrases) {
  for (const auto& phrase : concept_def.phrases) {
    std::string normalized = normalize_phrase(phrase);
    if (!normalized.empty()) phrases.insert(std::move(normalized));
  }
}

int write_phrases(const ScenarioLibrary& library, const std::string& file) {
  std::set<std::string> phrases;
  for (const auto& [id, concept_def] : library.concepts().lexicon())
    add_normalized_phrases(concept_def, phrases);
  std::ofstream out(file, std::ios::binary);
  for (const auto& phrase : phrases) out << phrase << '\n';
  fmt::print("{} phrases in {}\n", phrases.size(), file);
  return 0;
}

// --- the npm runner reference (bench/README.md, "The npm runner reference") ---------------

// The normalised phrases of the named concepts, as in the grep reference's phrase list.
std::vector<std::string> concept_phrases(const ScenarioLibrary& library,
                                         std::initializer_list<const char*> ids) {
  std::set<std::string> phrases;
  for (const char* id : ids) {
    const auto it = library.concepts().lexicon().find(id);
    if (it == library.concepts().lexicon().end())
      throw std::runtime_error(fmt::format("the lexicon has no concept {}", id));
    add_normalized_phrases(it->second, phrases);
  }
  return {phrases.begin(), phrases.end()};
}

std::string yaml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + quoted(item);
  return out + "]";
}

// A JavaScript regular expression matching any of the phrases literally.
std::string regex_alternation(const std::vector<std::string>& phrases) {
  std::string out;
  for (const auto& phrase : phrases) {
    if (!out.empty()) out += '|';
    for (char c : phrase) {
      if (std::strchr("\\^$.|?*+()[]{}/", c) != nullptr) out += '\\';
      out += c;
    }
  }
  return out;
}

// The six assertions every reply gets (promptfoo's defaultTest), from the lexicon's phrases.
std::string runner_assertions(const ScenarioLibrary& library) {
  const auto assertion = [](const char* type, const char* what, const std::string& value) {
    return fmt::format("    - type: {}  # {}\n      value: {}\n", type, what, value);
  };
  return "defaultTest:\n  assert:\n" +
         assertion("icontains-any", "apologises (concept apology)",
                   yaml_list(concept_phrases(library, {"apology"}))) +
         assertion("icontains-any", "restates the problem (concept restate)",
                   yaml_list(concept_phrases(library, {"restate"}))) +
         assertion(
             "regex", "a next step or a time (concepts callback, time_commitment)",
             quoted(regex_alternation(concept_phrases(library, {"callback", "time_commitment"})))) +
         assertion("not-icontains-any", "no blame (concept blame)",
                   yaml_list(concept_phrases(library, {"blame"}))) +
         assertion("not-icontains-any", "no insult (concept abuse)",
                   yaml_list(concept_phrases(library, {"abuse"}))) +
         assertion("javascript", "15 to 10,000 characters",
                   quoted("[...output].length >= 15 && [...output].length <= 10000"));
}

// The reply is the `text` of an object variable: promptfoo renders a text variable as a Nunjucks
// template (`{{ 1+1 }}` becomes 2), an object's fields it passes through as they are.
std::string runner_tests(const std::vector<Attempt>& attempts) {
  std::string out = "tests:\n";
  for (const auto& attempt : attempts)
    for (const auto& [id, text] : attempt.responses)
      out += fmt::format("  - description: {} {}\n    vars:\n      reply:\n        text: {}\n",
                         attempt.scenario->id, *id, quoted(*text));
  return out;
}

int write_promptfoo(const ScenarioLibrary& library, Generator& gen, const std::string& file,
                    std::size_t replies) {
  std::ofstream out(file, std::ios::binary);
  out << "# Written by gen_load promptfoo (bench/run --npm; see bench/README.md).\n"
      << "prompts:\n  - \"{{ reply.text }}\"\nproviders:\n  - echo\n"
      << runner_assertions(library) << runner_tests(make_attempts(gen, replies));
  fmt::print("{} replies, six assertions each, in {}\n", replies, file);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Benchmark load from the bundled scenarios"};
  std::string scenarios_dir = COACH_SOURCE_SCENARIOS;
  std::size_t replies = 1;
  std::size_t files = 1;
  int long_percent = 10;
  std::size_t long_chars = 1000;
  std::uint64_t seed = 1;
  std::string target;
  app.add_option("--scenarios", scenarios_dir, "scenario directory (lexicons/ inside)");
  auto* answers = app.add_subcommand("answers", "answers files in a directory");
  answers->add_option("DIR", target)->required();
  auto* lines = app.add_subcommand("lines", "replies one per line");
  lines->add_option("FILE", target)->required();
  auto* phrases = app.add_subcommand("phrases", "lexicon phrases, normalised, one per line");
  phrases->add_option("FILE", target)->required();
  auto* promptfoo = app.add_subcommand("promptfoo", "a promptfoo config over the replies");
  promptfoo->add_option("FILE", target)->required();
  for (auto* cmd : {answers, lines, promptfoo}) {
    cmd->add_option("--replies,-n", replies, "replies in all");
    cmd->add_option("--long", long_percent, "percentage of long replies")
        ->check(CLI::Range(0, 100));
    cmd->add_option("--long-chars", long_chars, "characters in a long reply")
        ->check(CLI::Range(1, 9000));
    cmd->add_option("--seed", seed);
  }
  answers->add_option("--files,-f", files, "answers files to spread them over");
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  try {
    Diagnostics diagnostics;
    const auto library =
        ScenarioLibrary::load({scenarios_dir}, {scenarios_dir + "/lexicons"}, diagnostics);
    if (!diagnostics.empty()) throw std::runtime_error(diagnostics.to_string());
    if (*phrases) return write_phrases(library, target);
    const Pools pools = make_pools(library, long_chars, seed);
    if (pools.scenarios.empty()) throw std::runtime_error("no scenarios in " + scenarios_dir);
    Generator gen{pools, std::mt19937_64(seed), long_percent};
    if (*answers) return write_answers(gen, target, replies, files);
    if (*promptfoo) return write_promptfoo(library, gen, target, replies);
    return write_lines(gen, target, replies);
  } catch (const std::exception& e) {
    fmt::print(stderr, "gen_load: {}\n", e.what());
    return 2;
  }
}
