// Speed of the scoring core alone: replies scored per second by score_step over replies held
// in memory (single thread, no files, no YAML, no report), for short and long replies, and
// normalisation alone. Replies come from the bundled scenarios (see load_variants.hpp).
//
//   bench_core [--scenarios DIR] [--min-seconds S | --count N] [--only NAME]
//
// Prints one `name value` line per measurement (replies/s), then the sizes of the pools.
// For a profile: valgrind --tool=callgrind --toggle-collect='*measure_*' bench_core --count 2000
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>

#include "engine/scorer.hpp"
#include "load/scenario_library.hpp"
#include "load_variants.hpp"
#include "text/normalizer.hpp"

namespace {

using namespace coach;
using Clock = std::chrono::steady_clock;

struct Sample {
  const CompiledStep* step;
  const Scenario* scenario;
  std::string reply;
};

struct Pools {
  std::vector<Sample> short_replies;
  std::vector<Sample> long_replies;
};

Pools make_pools(const ScenarioLibrary& library, std::size_t long_chars) {
  Pools pools;
  std::uint64_t seed = 1;
  for (const Rubric& rubric : library.rubrics()) {
    for (const CompiledStep& step : rubric.steps()) {
      for (auto& text : bench::short_variants(*step.step))
        pools.short_replies.push_back({&step, &rubric.scenario(), std::move(text)});
      for (int i = 0; i < 2; ++i)
        pools.long_replies.push_back(
            {&step, &rubric.scenario(), bench::long_reply(*step.step, long_chars, seed++)});
    }
  }
  return pools;
}

// Results are folded into this so that nothing can be optimised away.
volatile std::size_t g_sink = 0;

[[gnu::noinline]] void measure_score(const std::vector<Sample>& pool, std::size_t count) {
  std::size_t sink = 0;
  for (std::size_t i = 0, at = 0; i < count; ++i, at = at + 1 == pool.size() ? 0 : at + 1) {
    const Sample& s = pool[at];
    const StepResult result = score_step(*s.step, *s.scenario, std::string_view(s.reply));
    sink += static_cast<std::size_t>(result.score) + (result.passed ? 1 : 0);
  }
  g_sink = g_sink + sink;
}

[[gnu::noinline]] void measure_normalize(const std::vector<Sample>& pool, std::size_t count) {
  std::size_t sink = 0;
  for (std::size_t i = 0, at = 0; i < count; ++i, at = at + 1 == pool.size() ? 0 : at + 1)
    sink += normalize(pool[at].reply).text.size();
  g_sink = g_sink + sink;
}

using Measure = void (*)(const std::vector<Sample>&, std::size_t);

// Not timed: fills the caches every run would have warm (the character folder's cache).
[[gnu::noinline]] void warm_up(const std::vector<Sample>& pool) {
  for (const Sample& s : pool)
    g_sink = g_sink + score_step(*s.step, *s.scenario, std::string_view(s.reply)).max;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Replies per second: `count` iterations if given, else as many as fill `min_seconds`.
double run(Measure measure, const std::vector<Sample>& pool, std::size_t count,
           double min_seconds) {
  if (count > 0) {
    const auto start = Clock::now();
    measure(pool, count);
    return count / seconds_since(start);
  }
  std::size_t n = 64;
  for (;;) {
    const auto start = Clock::now();
    measure(pool, n);
    const double elapsed = seconds_since(start);
    if (elapsed >= min_seconds) return n / elapsed;
    // Aim a little past the minimum so the next round is the last.
    const double factor = elapsed > 0 ? 1.2 * min_seconds / elapsed : 100.0;
    n = static_cast<std::size_t>(n * std::clamp(factor, 2.0, 100.0));
  }
}

double average_characters(const std::vector<Sample>& pool) {
  std::size_t total = 0;
  for (const auto& s : pool) total += utf8::count_code_points(s.reply);
  return pool.empty() ? 0.0 : static_cast<double>(total) / pool.size();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Replies per second of the scoring core"};
  std::string scenarios_dir = COACH_SOURCE_SCENARIOS;
  double min_seconds = 1.0;
  std::size_t count = 0;
  std::size_t long_chars = 1000;
  std::string only;
  app.add_option("--scenarios", scenarios_dir, "scenario directory (lexicons/ inside)");
  app.add_option("--min-seconds", min_seconds, "time each measurement at least this long");
  app.add_option("--count", count,
                 "score exactly this many replies per measurement (for profiling)");
  app.add_option("--long-chars", long_chars, "characters in a long reply")
      ->check(CLI::Range(1, 9000));
  app.add_option("--only", only,
                 "one measurement: score_short, score_long, normalize_short, normalize_long");
  CLI11_PARSE(app, argc, argv);
  try {
    Diagnostics diagnostics;
    const auto library =
        ScenarioLibrary::load({scenarios_dir}, {scenarios_dir + "/lexicons"}, diagnostics);
    if (!diagnostics.empty()) throw std::runtime_error(diagnostics.to_string());
    const Pools pools = make_pools(library, long_chars);
    if (pools.short_replies.empty()) throw std::runtime_error("no replies in " + scenarios_dir);
    warm_up(pools.short_replies);
    warm_up(pools.long_replies);
    const struct {
      const char* name;
      Measure measure;
      const std::vector<Sample>& pool;
    } measurements[] = {
        {"score_short", measure_score, pools.short_replies},
        {"score_long", measure_score, pools.long_replies},
        {"normalize_short", measure_normalize, pools.short_replies},
        {"normalize_long", measure_normalize, pools.long_replies},
    };
    for (const auto& m : measurements) {
      if (!only.empty() && only != m.name) continue;
      fmt::print("{} {:.0f}\n", m.name, run(m.measure, m.pool, count, min_seconds));
      std::fflush(stdout);
    }
    fmt::print("short_pool {} replies, {:.1f} characters on average\n", pools.short_replies.size(),
               average_characters(pools.short_replies));
    fmt::print("long_pool {} replies, {:.1f} characters on average\n", pools.long_replies.size(),
               average_characters(pools.long_replies));
  } catch (const std::exception& e) {
    fmt::print(stderr, "bench_core: {}\n", e.what());
    return 2;
  }
  return 0;
}
