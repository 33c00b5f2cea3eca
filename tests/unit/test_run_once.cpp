// Work done once, from any thread; work that throws is tried again, and its exception never
// passes through std::call_once (util/run_once).
#include <doctest/doctest.h>

#include <atomic>
#include <new>
#include <thread>
#include <vector>

#include "util/run_once.hpp"

using namespace coach;

TEST_CASE("work run once is run once, whichever thread asks first") {
  Once once;
  std::atomic<int> runs = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&] { once.run([&] { ++runs; }); });
  for (auto& thread : threads) thread.join();
  once.run([&] { ++runs; });
  CHECK(runs == 1);
}

TEST_CASE("work that failed is left undone: the next caller tries again") {
  Once once;
  int runs = 0;
  CHECK_THROWS_AS(once.run([&] {
    ++runs;
    throw std::bad_alloc();
  }),
                  std::bad_alloc);
  once.run([&] { ++runs; });
  once.run([&] { ++runs; });
  CHECK(runs == 2);
}
