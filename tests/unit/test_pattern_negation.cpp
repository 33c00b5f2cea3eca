// A negation inside a pattern's match, in a gap between the words it requires (outside pass 16,
// finding 04).
#include <doctest/doctest.h>

#include <string>

#include "engine/pattern_negation.hpp"
#include "engine/pattern_shape.hpp"
#include "text/normalizer.hpp"

using namespace coach;

namespace {

// How the negation reads for a match of `pattern` covering all of `text` after `before`.
Negation read(const std::string& pattern, const std::string& before, const std::string& text) {
  const std::string whole = before + text;
  return read_pattern_negation(whole, {before.size(), whole.size()}, pattern_requirements(pattern));
}

const std::string kBlame = "(你|您)(肯定|一定|应该)(是)?[^,.!?;我]{0,8}(记错|弄错|按错|充错)";
const std::string kPromise =
    "(保证|打包票)[^,.!?;]{0,4}(永远|一辈子)(都)?不会(再)?(出)?(问题|掉线)";

}  // namespace

TEST_CASE("a negation in a gap that governs the next required words turns the match round") {
  CHECK(read(kBlame, "", "您一定不是记错").denied);
  CHECK(read(kBlame, "", "您肯定没有记错").denied);
  CHECK(read(kBlame, "", "您肯定不是自己按错").denied);
  CHECK(read(kPromise, "我们也", "保证不了永远不会出问题").denied);
}

TEST_CASE("a negation of something else in the gap, or one the pattern asks for, does not") {
  CHECK_FALSE(read(kBlame, "", "您一定是没仔细看就充错").denied);
  CHECK_FALSE(read(kBlame, "", "您肯定是记错").negated);
  CHECK_FALSE(read(kPromise, "我", "保证永远不会出问题").negated);
  CHECK_FALSE(read(kPromise, "我", "保证不管怎样永远不会再出问题").denied);
}

TEST_CASE("a gap before the first required words is read too") {
  // A trainer's pattern with a gap in front (outside pass 16): 我们不会道歉 is no apology.
  CHECK(read("[^,.!?]{0,4}(道歉|致歉)", "", "我们不会道歉").negated);
  CHECK(read("(真是|实在)?[^,.!?]{0,2}给您添麻烦了", "我们", "没有给您添麻烦了").negated);
  CHECK_FALSE(read("[^,.!?]{0,4}(道歉|致歉)", "", "我们向您道歉").negated);
  // An optional word the pattern lists is no negation of its own (别着急 is a word).
  CHECK_FALSE(read("(别|不要)?(着急|担心)", "您", "别着急").negated);
}

TEST_CASE("a negation before the match still reads as it does for a phrase") {
  CHECK(read(kBlame, "我们不会说", "您肯定记错").denied);
  CHECK(read("(您|你)弄错", "我没说", "您弄错").denied);  // one requirement: no gap to read
}
