// Natural order of file names: which attempt an exam counts first depends on it.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "util/natural_order.hpp"

using coach::natural_less;

TEST_CASE("numbered files sort by their numbers") {
  std::vector<std::string> names = {"a/x-10.yaml", "a/x-2.yaml", "a/x-1.yaml", "b/x-1.yaml",
                                    "a/x-02.yaml", "a/x.yaml",   "a/y-1.yaml"};
  std::sort(names.begin(), names.end(), natural_less);
  CHECK(names == std::vector<std::string>{"a/x-1.yaml", "a/x-02.yaml", "a/x-2.yaml", "a/x-10.yaml",
                                          "a/x.yaml", "a/y-1.yaml", "b/x-1.yaml"});
}

TEST_CASE("natural order is a strict weak order") {
  const std::vector<std::string> names = {"",   "0",   "00", "1", "01", "a",     "a0",    "a00",
                                          "a1", "a10", "10", "9", "b",  "学员2", "学员10"};
  for (const auto& a : names) {
    CHECK_FALSE(natural_less(a, a));
    for (const auto& b : names) {
      if (a != b) CHECK(natural_less(a, b) != natural_less(b, a));
      for (const auto& c : names) {
        if (natural_less(a, b) && natural_less(b, c)) CHECK(natural_less(a, c));
      }
    }
  }
  CHECK(natural_less("学员2", "学员10"));
}
