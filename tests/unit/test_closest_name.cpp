// "Did you mean …?" for misspelt ids and keys.
#include <doctest/doctest.h>

#include "util/closest_name.hpp"

using namespace coach;

TEST_CASE("a typo finds the name it was meant to be") {
  const std::vector<std::string_view> concepts = {"apology", "empathy", "explain", "blame"};
  CHECK(closest_name("empaty", concepts) == "empathy");    // one left out
  CHECK(closest_name("emapthy", concepts) == "empathy");   // neighbours swapped
  CHECK(closest_name("appology", concepts) == "apology");  // one doubled
  CHECK(closest_name("blam", concepts) == "blame");
  CHECK_FALSE(closest_name("weather", concepts));  // nothing near
  CHECK_FALSE(closest_name("empathy", concepts));  // known already
  CHECK_FALSE(closest_name("", concepts));
  CHECK_FALSE(closest_name("ab", {"xy"}));  // a short word is near only at distance 1
  CHECK(closest_name("ab", {"xb"}) == "xb");
}

TEST_CASE("the suggestion is worded for the message it ends") {
  CHECK(did_you_mean("pionts", {"points", "critical"}) == "(是不是 `points`?)");
  CHECK(did_you_mean("zzz", {"points", "critical"}).empty());
}
