// How far a pattern's matches can reach, and that running a pattern clause by clause finds
// what running it over the whole reply finds.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <algorithm>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "engine/lexicon_scanner.hpp"
#include "engine/pattern_shape.hpp"
#include "engine/phrase_matcher.hpp"
#include "engine/trainer_pattern.hpp"
#include "load/scenario_library.hpp"

using namespace coach;

TEST_CASE("patterns of words and bounded gaps stay within a clause") {
  CHECK(pattern_reach("负责到底") == PatternReach::clause);
  CHECK(pattern_reach("(我|由我)(来|会)*(帮|给)?(您|你)?(负责|跟进)") == PatternReach::clause);
  CHECK(pattern_reach("让(您|你)(们)?(受|吃)(了)?[^,.!?;]{0,6}(委屈|气)") == PatternReach::clause);
  CHECK(pattern_reach("工号(是|为)?:?\\d+") == PatternReach::clause);
  CHECK(pattern_reach("我叫\\p{Han}{1,3}") == PatternReach::clause);
  CHECK(pattern_reach("(?i)vip(?:客户|会员)(?P<n>\\d+)") == PatternReach::clause);
  CHECK(pattern_reach("[a-z]+号") == PatternReach::clause);
  CHECK(pattern_reach("\\bok\\b") == PatternReach::clause);
}

TEST_CASE("a gap that allows commas stays within a sentence") {
  CHECK(pattern_reach("(没有|没带)(身份证|证件)[^.!?;]{0,12}(不能|无法)") ==
        PatternReach::sentence);
  CHECK(pattern_reach("先生,您好") == PatternReach::sentence);
  CHECK(pattern_reach("好[,、]的") == PatternReach::sentence);
  CHECK(pattern_reach("\\,") == PatternReach::sentence);
}

TEST_CASE("anything not understood may reach anywhere") {
  CHECK(pattern_reach("如果您愿意.*告诉") == PatternReach::text);
  CHECK(pattern_reach("\\p{Han},(对吧|对吗)(\\?|$)") == PatternReach::text);
  CHECK(pattern_reach("[^,]{0,6}好") == PatternReach::text);
  CHECK(pattern_reach("(^|[^说讲道称是])(已经|已)转交") == PatternReach::text);  // [^说] matches 。
  CHECK(pattern_reach("[^,。]好") == PatternReach::text);  // full-width marks are not folded here
  CHECK(pattern_reach("\\W好") == PatternReach::text);
  CHECK(pattern_reach("\\x2e好") == PatternReach::text);
  CHECK(pattern_reach("\\p{P}好") == PatternReach::text);
  CHECK(pattern_reach("[[:punct:]]好") == PatternReach::text);
  CHECK(pattern_reach("[!-/]好") == PatternReach::text);  // the range holds , and .
  CHECK(pattern_reach("[\\!-/]好") == PatternReach::text);
  CHECK(pattern_reach("好{,6}") == PatternReach::sentence);  // not a repetition: a literal comma
  // RE2 refuses leading zeros in a count: these braces, commas and all, are literal text.
  CHECK(pattern_reach("a{01,}b") == PatternReach::sentence);
  CHECK(pattern_reach("好a{1,02}") == PatternReach::sentence);
  CHECK(pattern_reach("a{1,2,3}") == PatternReach::sentence);
  CHECK(pattern_reach("a{0,2}b") == PatternReach::clause);
  CHECK(pattern_reach("好{1,}x{2}") == PatternReach::clause);
  CHECK(pattern_reach("\\Q.\\E") == PatternReach::text);
  CHECK(pattern_reach("[好") == PatternReach::text);
  CHECK(pattern_reach("好\\") == PatternReach::text);
}

namespace {

// The words a pattern is looked for by, sorted.
Words pattern_anchors(std::string_view pattern) {
  Words anchors = anchors_of(pattern_requirements(pattern));
  std::sort(anchors.begin(), anchors.end());
  return anchors;
}

}  // namespace

TEST_CASE("anchors: words one of which every match contains") {
  CHECK(pattern_anchors("负责到底") == Words{"负责到底"});
  // Characters and groups next to each other join into longer words (让您, 让你).
  CHECK(pattern_anchors("让(您|你)(受|吃)") == Words{"让你受", "让你吃", "让您受", "让您吃"});
  CHECK(pattern_anchors("(我|由我)(来|会)*(帮|给)?(您|你)?(负责|跟进|处理)") ==
        Words{"处理", "负责", "跟进"});
  CHECK(pattern_anchors("给(您|你)(们)?添(了)?(很多|这么多)?麻烦") ==
        Words{"给你们添", "给你添", "给您们添", "给您添"});
  CHECK(pattern_anchors("工号(是|为)?:?\\d+") == Words{"工号"});
  CHECK(pattern_anchors("我叫\\p{Han}{1,3}") == Words{"我叫"});
  CHECK(pattern_anchors("补(卡|一张|张)") == Words{"补一张", "补卡", "补张"});
  CHECK(pattern_anchors("VIP(客户|会员)") == Words{"vip会员", "vip客户"});
  CHECK(pattern_anchors("VIP卡") == Words{"vip卡"});
  CHECK(pattern_anchors("(?i:好的)+|行吧") == Words{"好的", "行吧"});
  CHECK(pattern_anchors("(?P<who>您|你)(好|行)") == Words{"你好", "你行", "您好", "您行"});
  CHECK(pattern_anchors("好{2}吗呢") == Words{"吗呢"});  // 好好 is not read as one word
  CHECK(pattern_anchors("(非常)+抱歉您") == Words{"抱歉您"});
  CHECK(pattern_anchors("(非常|十分)+抱") == Words{"十分", "非常"});
}

TEST_CASE("requirements: one word of each chain and of each group a match passes through") {
  // An optional character or group joins as itself or as nothing; of 让您受 and 让您受了 only the
  // shorter need be looked for.
  CHECK(pattern_requirements("让(您|你)(们)?(受|吃)(了)?[^,.!?;]{0,6}(委屈|气|罪|苦)") ==
        Requirements{{"让你们受", "让你们吃", "让你受", "让你吃", "让您们受", "让您们吃", "让您受",
                      "让您吃"},
                     {"委屈", "气", "罪", "苦"}});
  CHECK(pattern_requirements("给(您|你)(们)?添(了)?(很多|这么多)?麻烦") ==
        Requirements{{"给你们添", "给你添", "给您们添", "给您添"}, {"麻烦"}});
  CHECK(pattern_requirements("工号(是|为)?:?\\d+") == Requirements{{"工号"}});
  CHECK(pattern_requirements("好?的??") == Requirements{});  // the match may be empty
  CHECK(pattern_requirements("(给|帮)(您|你)(处理|办理)") ==
        Requirements{{"帮你办理", "帮你处理", "帮您办理", "帮您处理", "给你办理", "给你处理",
                      "给您办理", "给您处理"}});
  // Past sixteen words a chain is cut in two.
  CHECK(pattern_requirements("(a|b|c|d)(e|f|g|h)(i|j)") ==
        Requirements{{"ae", "af", "ag", "ah", "be", "bf", "bg", "bh", "ce", "cf", "cg", "ch", "de",
                      "df", "dg", "dh"},
                     {"i", "j"}});
  CHECK(pattern_requirements("好+的") == Requirements{{"好"}, {"的"}});
  CHECK(pattern_requirements("(我们)+的") == Requirements{{"我们"}, {"的"}});
  CHECK(pattern_requirements("((x|y)z|w)+v") == Requirements{{"w", "xz", "yz"}, {"v"}});
  CHECK(pattern_requirements("(x[0-9]|w)v") == Requirements{{"w", "x"}, {"v"}});
  CHECK(pattern_requirements("(?i)好的") == Requirements{{"好的"}});
}

namespace {

Words leading_words(std::string_view pattern) {
  return pattern_words(pattern).leading;
}

}  // namespace

TEST_CASE("leading words: one of them begins every match") {
  CHECK(leading_words("让(您|你)(们)?(受|吃)") == Words{"让你们受", "让你们吃", "让你受", "让你吃",
                                                        "让您们受", "让您们吃", "让您受",
                                                        "让您吃"});
  CHECK(leading_words("(马上|立刻)[^,]{0,6}(转过去|转到)") == Words{"立刻", "马上"});
  CHECK(leading_words("(我)?(来|会)帮") == Words{"会帮", "我会帮", "我来帮", "来帮"});
  CHECK(leading_words("((x|y)z|w)+v") == Words{"w", "xz", "yz"});
  CHECK(leading_words("(好的|行)+吧") == Words{"好的", "行"});
  CHECK(leading_words("(?i)VIP卡") == Words{"vip卡"});
  CHECK(leading_words("((您|你)[^,]*好|谢谢)") == Words{"你", "您", "谢谢"});
  // A match beginning with 您们 begins with 您: only the shorter is kept.
  CHECK(leading_words("(您|您们)好") == Words{"您们好", "您好"});
  CHECK(leading_words("(您|您们)[^,]好") == Words{"您"});
  // Past sixteen words the first chain still leads.
  CHECK(leading_words("(a|b|c|d)(e|f|g|h)(i|j)") == Words{"ae", "af", "ag", "ah", "be", "bf", "bg",
                                                          "bh", "ce", "cf", "cg", "ch", "de", "df",
                                                          "dg", "dh"});
}

TEST_CASE("a quantifier after flags alone applies to what came before them: nothing is read") {
  // RE2 reads ab(?i)?c as ab?c: it matches ac.
  CHECK(leading_words("ab(?i)?c") == Words{});
  CHECK(pattern_requirements("ab(?i)?c") == Requirements{});
  CHECK(pattern_requirements("ab(?s)*c") == Requirements{});
  CHECK(pattern_requirements("b好(?U)??") == Requirements{});
  CHECK(pattern_requirements("(?i)ab") == Requirements{{"ab"}});  // flags alone still read
}

TEST_CASE("no leading words where a match may begin with anything else") {
  CHECK(leading_words("(^|[^说讲])(已经|已)转交") == Words{});
  CHECK(leading_words("[^,]{0,4}(给|帮)您") == Words{});
  CHECK(leading_words("(您)?(你)*好") == Words{});
  CHECK(leading_words("\\b好") == Words{});
  CHECK(leading_words("好|[a-z]") == Words{});
  CHECK(leading_words("(好|)的") == Words{"好的", "的"});
  CHECK(leading_words("(好|)") == Words{});
  CHECK(leading_words("(好)*的") == Words{});
  CHECK(leading_words("ß好") == Words{});
  CHECK(leading_words("\\Q你好\\E") == Words{});
}

TEST_CASE("no anchors where a match need not contain a known word") {
  CHECK(pattern_anchors("(您|)好") == Words{"好"});  // 您好 holds 好
  CHECK(pattern_anchors("(您|)") == Words{});
  CHECK(pattern_anchors("(您)?(你)*") == Words{});
  CHECK(pattern_anchors("\\p{Han}{2,3}") == Words{});
  CHECK(pattern_anchors("[^,]+") == Words{});
  CHECK(pattern_anchors("好|[a-z]") == Words{});
  CHECK(pattern_anchors("\\x{597d}") == Words{});
  CHECK(pattern_anchors("\\x{597d}你好") == Words{});  // not understood: nothing
  CHECK(pattern_anchors("\\Q你好\\E") == Words{});
  CHECK(pattern_anchors("\\101b") == Words{});
  CHECK(pattern_anchors("ß好") == Words{"好"});  // folded differently: not an anchor
  CHECK(pattern_anchors("(好") == Words{});
  CHECK(pattern_anchors(std::string(1000, '(') + "好" + std::string(1000, ')')) == Words{});
  CHECK(pattern_anchors(std::string(20, '(') + "好" + std::string(20, ')')) == Words{"好"});
  CHECK(pattern_anchors("好)") == Words{});
  CHECK(pattern_anchors("好{0,3}") == Words{});
  CHECK(pattern_anchors("好{,3}") == Words{"好"});  // a literal brace, read past
}

TEST_CASE("a pattern needs a character when every top-level branch has an element that must") {
  for (const char* pattern :
       {"好",     "您好",     "(您|你)好",         "(您|你)", "[^,]",      ".",
        "\\d",    "\\pL",     "\\p{Han}",          "a+",      "a{1,3}",    "(a|b)(c)?",
        "(?i)ab", "(?:a|bc)", "(?P<before>您)?好", "\\.",     "\\x{597d}", "((好))",
        "a|b",    "^好$",     "\\b好\\b",          "[)]",     "(\\))",     "(a?b|c)d?"}) {
    CAPTURE(pattern);
    CHECK(requires_a_character(pattern));
  }
  // Each may match empty text, or is not read: never said to need a character.
  for (const char* pattern :
       {"", "a?", "a*", "a{0,3}", "(a)?", "(a|)", "a|", "|a", "^", "\\b", "(?i)", "a(?i)?",
        "ab(?s)*", "\\Q你好\\E", "(a|b?)", "[a]?", "\\n", "(?i)?", "(\\Q)\\E)",
        // Outside pass 27: an octal escape was read as \1 and two characters, one of them
        // required, so \141? (a?) passed for a pattern that needs a character.
        "\\141?", "\\101*", "\\141{0,2}", "(\\141?)", "\\0", "\\a?"}) {
    CAPTURE(pattern);
    CHECK_FALSE(requires_a_character(pattern));
  }
  CHECK_FALSE(requires_a_character(std::string(40, '(') + "好" + std::string(40, ')')));
}

namespace {

// Random patterns of the pieces a trainer's pattern is made of, nested and quantified.
std::string random_pattern(std::mt19937& random, int depth = 0) {
  static const char* const kAtoms[] = {
      "您",   "们",        "不",  "a",     "B",      ".",   "[^,.!?;]", "\\d",
      "\\pL", "\\b",       "^",   "$",     "[您你]", "\\.", "\\Qa\\E",  "\\Q\\E",
      "(?i)", "\\x{597d}", "[)]", "\\141", "\\7",    "\\t", "\\a"};
  static const char* const kQuantifiers[] = {"", "", "", "?", "*", "+", "{0,3}", "{2}", "??", "+?"};
  static const char* const kOpenings[] = {"(", "(?:", "(?P<before>", "(?i:"};
  std::string pattern;
  const int pieces = 1 + static_cast<int>(random() % 4);
  for (int i = 0; i < pieces; ++i) {
    if (depth < 3 && random() % 4 == 0) {
      pattern += kOpenings[random() % std::size(kOpenings)];
      const int branches = 1 + static_cast<int>(random() % 3);
      for (int b = 0; b < branches; ++b)
        pattern += (b ? "|" : "") + (random() % 5 ? random_pattern(random, depth + 1) : "");
      pattern += ")";
    } else {
      pattern += kAtoms[random() % std::size(kAtoms)];
    }
    pattern += kQuantifiers[random() % std::size(kQuantifiers)];
  }
  if (depth == 0 && random() % 5 == 0) pattern += "|" + random_pattern(random, 1);
  return pattern;
}

}  // namespace

TEST_CASE("a pattern read as needing a character never matches empty text") {
  std::mt19937 random(15);
  std::size_t read_as_needing = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string pattern = random_pattern(random);
    RE2::Options options;
    options.set_log_errors(false);
    const RE2 regex(pattern, options);
    if (!regex.ok() || !requires_a_character(pattern)) continue;
    ++read_as_needing;
    CAPTURE(pattern);
    CHECK_FALSE(can_match_empty(regex));
  }
  CHECK(read_as_needing > 3000);  // the comparison is of something

  // The bundled patterns: each is read as needing a character, so loading them reads no words.
  Diagnostics diagnostics;
  const std::string scenarios = COACH_SOURCE_SCENARIOS;
  const auto library = ScenarioLibrary::load({scenarios}, {scenarios + "/lexicons"}, diagnostics);
  REQUIRE(diagnostics.empty());
  const ConceptIndex& concepts = *library.rubrics().front().steps().front().concepts;
  for (std::size_t i = 0; i < concepts.size(); ++i) {
    for (const auto& pattern : concepts.at(i).matcher->patterns()) {
      CAPTURE(pattern->text());
      CHECK(requires_a_character(pattern->text()));
      CHECK_FALSE(can_match_empty(pattern->regex()));
    }
  }
}

namespace {

std::vector<std::pair<std::size_t, std::size_t>> matches_in(const RE2& pattern,
                                                            std::string_view text, bool by_clause) {
  std::vector<std::pair<std::size_t, std::size_t>> found;
  const auto record = [&](std::size_t begin, std::size_t end) { found.emplace_back(begin, end); };
  if (!by_clause) {
    for_each_pattern_match(pattern, text, record);
    return found;
  }
  std::size_t from = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && !ends_clause(text[i])) continue;
    for_each_pattern_match(pattern, text, from, i, record);
    from = i + 1;
  }
  return found;
}

}  // namespace

TEST_CASE("a clause-bound pattern run clause by clause finds the same matches") {
  const std::string text = "我来帮您处理,您别急.我会跟进!负责到底?好;(我)你,,我会";
  for (const char* source : {"(我|由我)?(来|会)*(帮|给)?(您|你)?(处理|跟进)?", "我[^,.!?;]{0,3}",
                             "(^|[^说,.!?;])我", "会$|^我", "\\b", "(您|你)?", "x*"}) {
    CAPTURE(source);
    const RE2 pattern(source, pattern_options());
    REQUIRE(pattern.ok());
    REQUIRE(pattern_reach(source) == PatternReach::clause);
    CHECK(matches_in(pattern, text, true) == matches_in(pattern, text, false));
  }
}

TEST_CASE(
    "the bundled lexicon's concepts are found clause by clause as each phrase and pattern alone "
    "finds them") {
  Diagnostics diagnostics;
  const std::string scenarios = COACH_SOURCE_SCENARIOS;
  const auto library = ScenarioLibrary::load({scenarios}, {scenarios + "/lexicons"}, diagnostics);
  REQUIRE(diagnostics.empty());
  REQUIRE(!library.rubrics().empty());
  const ConceptIndex& concepts = *library.rubrics().front().steps().front().concepts;
  std::vector<const PhraseMatcher*> matchers;
  for (std::size_t i = 0; i < concepts.size(); ++i)
    matchers.push_back(concepts.at(i).matcher.get());
  const LexiconScanner by_unit(matchers, 0);
  const LexiconScanner whole(matchers, std::numeric_limits<std::size_t>::max());

  std::vector<std::string> replies;
  for (const Rubric& rubric : library.rubrics()) {
    for (const CompiledStep& step : rubric.steps()) {
      for (const auto& answer : step.step->model_answers) replies.push_back(answer.text);
      for (const auto& example : step.step->counter_examples) replies.push_back(example.text);
    }
  }
  // Replies alone, and long ones: several joined with and without punctuation between them.
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, replies.size() - 1);
  const char* joins[] = {"", ",", "。", "!", "?;", " ", "说"};
  std::vector<std::string> texts = replies;
  for (int i = 0; i < 300; ++i) {
    std::string text;
    for (int k = 0; k < 2 + i % 12; ++k) text += replies[pick(random)] + joins[(i + k) % 7];
    texts.push_back(text);
  }
  std::size_t matched = 0;
  for (const auto& text : texts) {
    const NormalizedText reply = normalize(text);
    const ReplyScan clause_by_clause = by_unit.scan(reply);
    const ReplyScan all_at_once = whole.scan(reply);
    CAPTURE(text);
    for (std::size_t i = 0; i < concepts.size(); ++i) {
      // The reference: each phrase and each pattern searched for on its own.
      const std::vector<PhraseMatch> expected = matchers[i]->find_all(reply);
      const auto as_vector = [](std::span<const PhraseMatch> found) {
        return std::vector<PhraseMatch>(found.begin(), found.end());
      };
      CHECK(as_vector(clause_by_clause.of(i)) == expected);
      CHECK(as_vector(all_at_once.of(i)) == expected);
      matched += expected.size();
    }
  }
  CHECK(matched > texts.size());  // the comparison is of something
}

TEST_CASE("patterns that match nothing in particular are still found (found by fuzz_matching)") {
  // A lexicon without phrases once had its patterns' words numbered as if they were atoms of
  // RE2's FilteredRE2, which crashed in AllPotentials. These patterns have no requirements:
  // they run on every reply. (Patterns that match empty text are refused: trainer_pattern.)
  const std::vector<std::string> sources = {
      "(a*)*b", "(x+x+)+y", "\\p{Han}{1,100}", "((a|b|c|d|e|f|g)+){20}", ".+", "(?:.)"};
  std::vector<MarkedText> patterns;
  for (const auto& source : sources) patterns.push_back({source, {}});
  Diagnostics diagnostics;
  const PhraseMatcher matcher({}, patterns, "lexicon.yaml", diagnostics);
  REQUIRE(diagnostics.empty());
  const LexiconScanner scanner({&matcher});
  for (const std::string& text :
       std::vector<std::string>{"ﬀ ﬁ ß ẞ İ ı ς Σ ǅ ᾼ ﬃ ㎏ ㍿ ℡ ① ⑴ ㈱ ｶﾞ", "", "aab,好的.xxy",
                                std::string(300, 'a') + "b"}) {
    const NormalizedText reply = normalize(text);
    const ReplyScan scan = scanner.scan(reply);
    const std::span<const PhraseMatch> found = scan.of(0);
    CHECK(std::vector<PhraseMatch>(found.begin(), found.end()) == matcher.find_all(reply));
  }
}
