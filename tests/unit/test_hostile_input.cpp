// Regression tests for hostile input found by the fuzzers and tests/hostile/: each bug once
// crashed, hung or printed a wrong message.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "fixtures.hpp"
#include "load/answers_loader.hpp"
#include "load/yaml_reader.hpp"
#include "util/file_io.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

using namespace coach;
using namespace std::string_literals;

namespace {
// The messages below are checked in English.
struct English {
  Language before = language();
  English() { set_language(Language::en); }
  ~English() { set_language(before); }
};

std::string answers_errors(const std::string& yaml) {
  Diagnostics diagnostics;
  CHECK_FALSE(parse_answers(yaml, "a.yaml", diagnostics));
  return diagnostics.to_string();
}

// Nine levels of nine aliases each: a few hundred bytes that stand for 9^9 nodes.
std::string billion_laughs() {
  std::string out = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char level = 'b'; level <= 'i'; ++level) {
    const char below = static_cast<char>(level - 1);
    out += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", level,
                       below);
  }
  return out;
}
}  // namespace

TEST_CASE("a control character is named with where it stands") {
  // Outside pass 48, finding 12: an invisible U+202E in a long reply was reported at its start.
  // Outside pass 52, finding 3: one in a block of many lines, at the block's `|`, as its 219th
  // character. Where it is written it is placed there; an escape has no place of its own.
  English english;
  CHECK(answers_errors("scenario: fee\nresponses:\n  vent: 您好\u202E,先生\n") ==
        "a.yaml:3:11: reply contains control characters (such as terminal escapes): U+202E\n");
  CHECK(answers_errors("scenario: fee\nresponses:\n  vent: |\n    第一行\n    您好\u2066先生\n") ==
        "a.yaml:5:7: reply contains control characters (such as terminal escapes): U+2066\n");
  CHECK(answers_errors("scenario: fee\nresponses:\n  vent: \"您好\\u202E,先生\"\n") ==
        "a.yaml:3:9: reply contains control characters (such as terminal escapes): U+202E, "
        "character 3\n");
}

TEST_CASE("a reply cut at an ASCII comma inside { } is named as cut, not as an unknown step") {
  // Outside pass 52, finding 4: "the scenario has no step `您的心情我很理解`".
  English english;
  CHECK(answers_errors("scenario: fee\nresponses: {vent: 先生您好,您的心情我很理解}\n") ==
        "a.yaml:2:24: “您的心情我很理解” looks like a reply cut off: inside { } an ASCII comma "
        "separates entries; quote a reply that contains commas, or use the Chinese comma “，”\n");
}

TEST_CASE("aliases that explode are refused before the document is walked") {
  English english;
  const auto start = std::chrono::steady_clock::now();
  CHECK(answers_errors(billion_laughs() + "scenario: fee\nresponses: {vent: *i}\n") ==
        "a.yaml:6:8: aliases (*) expand to more than 100,000 nodes\n");
  // Walking the expanded tree would take forever: a minute only tells a hang from a slow machine.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
}

TEST_CASE("a few aliases are still fine") {
  English english;
  Diagnostics diagnostics;
  auto answers = parse_answers("scenario: fee\nresponses:\n  vent: &r 您好\n  apologize: *r\n",
                               "a.yaml", diagnostics);
  REQUIRE(answers);
  CHECK(answers->attempts[0].responses[1].second.text == "您好");
}

TEST_CASE("a NUL byte is reported where it is, not as an escape error") {
  English english;
  CHECK(answers_errors("scenario: fee\nresponses:\n  vent: 您\0好\n"s) ==
        "a.yaml:3:10: NUL byte (\\0) in the file\n");
}

TEST_CASE("nesting of `- - -` on one line is too deep at the 64th level") {
  English english;
  std::string dashes;
  for (int i = 0; i < 1000; ++i) dashes += "- ";
  CHECK(answers_errors("scenario: fee\nresponses:\n  vent:\n    " + dashes + "x\n") ==
        "a.yaml:4:129: nesting too deep\n");
}

TEST_CASE("nesting columns count characters, not bytes") {
  English english;
  CHECK(answers_errors("scenario: 话费\nresponses: " + std::string(100, '[') + "\n") ==
        "a.yaml:2:75: nesting too deep\n");
}

TEST_CASE("an empty file says so, with a place") {
  English english;
  CHECK(answers_errors("") == "a.yaml:1:1: the file is empty\n");
  CHECK(answers_errors("# 只有注释\n\n") == "a.yaml:1:1: the file is empty\n");
}

TEST_CASE("a second YAML document is not silently ignored") {
  English english;
  CHECK(answers_errors("scenario: fee\nresponses: {}\n---\nscenario: fee\n") ==
        "a.yaml:3:1: a file may hold only one YAML document (remove the extra ---)\n");
}

TEST_CASE("stray text after the document is an error, not an endless run of documents") {
  English english;
  // Found by fuzz_answers: two bytes that made yaml-cpp's LoadAll() loop for ever.
  CHECK(answers_errors(",=") ==
        "a.yaml:1:1: YAML syntax error: did not find expected node content\n");
  // Reading only the first document would have graded it and dropped the rest.
  CHECK(answers_errors("{scenario: fee, responses: {}}, c\n") ==
        "a.yaml:1:31: YAML syntax error: unexpected text after the document\n");
}

TEST_CASE("control characters are refused in scenario text") {
  English english;
  test::Fixture fixture(
      test::scenario_with_rules("      - {concept: apology, feedback: \"\\e]0;pwned\\a\"}\n"));
  CHECK(fixture.diagnostics.to_string() ==
        "t.yaml:11:38: `feedback` contains control characters (such as terminal escapes): U+001B, "
        "character 1\n");
}

TEST_CASE("diagnostics never carry control characters to the terminal") {
  English english;
  Diagnostics diagnostics;
  diagnostics.error("f\x1b.yaml", {1, 2}, "unknown key `a\x1b[2Jb\r` \xff");
  CHECK(diagnostics.to_string() == "f\\x1B.yaml:1:2: unknown key `a\\x1B[2Jb\\x0D` \\xFF\n");
  CHECK(utf8::escape_controls("第一行\n\t第二行\u009b") == "第一行\n\t第二行\\u009B");
}

TEST_CASE("columns on a line of megabytes are found without counting the line each time") {
  English english;
  std::string keys;
  for (int i = 0; i < 100000; ++i) keys += fmt::format(", 键{}: 1", i);
  const auto start = std::chrono::steady_clock::now();
  const std::string errors = answers_errors("{scenario: fee, responses: {}" + keys + "}\n");
  // Quadratic counting took hours; a minute leaves room for a loaded machine and a Debug build.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
  // The hundredth key is the last listed.
  const std::size_t before = keys.find(", 键99: 1") + 2;
  const std::size_t column = std::string("{scenario: fee, responses: {}").size() +
                             utf8::count_code_points(keys.substr(0, before)) + 1;
  CHECK(errors.find(fmt::format("a.yaml:1:{}: unknown key `键99`", column)) != std::string::npos);
  CHECK(errors.find("a.yaml: … and 99900 more problems not listed") != std::string::npos);
}

TEST_CASE("a named pipe is refused instead of waiting for a writer") {
  English english;
  const auto path = std::filesystem::temp_directory_path() / "coach-test-fifo.yaml";
  std::filesystem::remove(path);
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  try {
    read_text_file(path.string());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().to_string() ==
          path.string() + ": not a regular file (a pipe, device or socket)\n");
  }
  std::filesystem::remove(path);
}

TEST_CASE("a symlink loop says why it cannot be read") {
  English english;
  const auto dir = std::filesystem::temp_directory_path();
  std::filesystem::remove(dir / "coach-loop-a.yaml");
  std::filesystem::remove(dir / "coach-loop-b.yaml");
  std::filesystem::create_symlink("coach-loop-b.yaml", dir / "coach-loop-a.yaml");
  std::filesystem::create_symlink("coach-loop-a.yaml", dir / "coach-loop-b.yaml");
  try {
    read_text_file((dir / "coach-loop-a.yaml").string());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.diagnostics().to_string().find("cannot read: Too many levels of symbolic links") !=
          std::string::npos);
  }
  std::filesystem::remove(dir / "coach-loop-a.yaml");
  std::filesystem::remove(dir / "coach-loop-b.yaml");
}

TEST_CASE("a mistake repeated through an alias is listed once, and still counts") {
  // Found by fuzz_scenario: 60 steps all `*s`, each repeating its rules' errors, printed 182
  // lines for 4 mistakes.
  English english;
  Diagnostics diagnostics;
  diagnostics.error("a.yaml", {6, 38}, "a rule should be a mapping");
  const std::size_t before = diagnostics.reported();
  diagnostics.error("a.yaml", {6, 38}, "a rule should be a mapping");
  CHECK(diagnostics.reported() == before + 1);
  CHECK(diagnostics.size() == 1);
  test::Fixture fixture(
      test::scenario_with_rules("      - &bad {concept: [x]}\n"
                                "      - *bad\n      - *bad\n"));
  CHECK(fixture.diagnostics.size() == 1);
}

TEST_CASE("a file lists at most a hundred problems, then how many more it has") {
  English english;
  Diagnostics diagnostics;
  for (int i = 0; i < 250; ++i) diagnostics.error("a.yaml", {i + 1, 1}, "wrong key");
  diagnostics.error("b.yaml", {1, 1}, "also wrong");
  CHECK(diagnostics.reported() == 251);
  CHECK(diagnostics.size() == 102);
  CHECK(diagnostics.items()[100].to_string() ==
        "a.yaml: … and 150 more problems not listed (fix the ones above first)");
  CHECK(diagnostics.items()[101].to_string() == "b.yaml:1:1: also wrong");
  Diagnostics batch;
  batch.error("c.yaml", {1, 1}, "first");
  batch.append(diagnostics);
  CHECK(batch.reported() == 252);
  CHECK(batch.size() == 103);
  CHECK(batch.items()[101].message.find("150 more") != std::string::npos);
}

TEST_CASE("a key indented with full-width spaces is named without them") {
  English english;
  CHECK(answers_errors("scenario: fee\nresponses:\n\xE3\x80\x80\xE3\x80\x80vent: 好\n") ==
        "a.yaml:3:1: key `vent` is indented with full-width or no-break spaces; indent with ASCII "
        "spaces only\n");
}

TEST_CASE("Chinese messages space `code` off, not one Chinese word from the next") {
  CHECK(answers_errors("scenario: fee\nresponses:\n  vent: [好]\n") ==
        "a.yaml:3:9: 每个回答应是文本,实际是列表\n");
  CHECK(answers_errors("scenario: fee\nresponses: [好]\n") ==
        "a.yaml:2:12: `responses` 应是映射(键: 值),实际是列表\n");
}

TEST_CASE("a reply cut at ` #` by YAML is refused, a quoted one is not") {
  English english;
  CHECK(
      answers_errors("scenario: fee\nresponses:\n  vent: 请按 #号键\n") ==
      "a.yaml:3:12: the reply is cut at “ #”, where YAML reads a comment; quote the whole reply\n");
  // The place is the `#`, counted in characters past blanks of any kind.
  CHECK(answers_errors("scenario: fee\nresponses:\n  vent: 好的\t  #号键\n") ==
        "a.yaml:3:14: the reply is cut at “ #”, where YAML reads a comment; quote the whole "
        "reply\n");
  Diagnostics diagnostics;
  CHECK(parse_answers(
      "scenario: fee\nresponses:\n  vent: \"请按 #号键\"  # 注释\n  apologize:  # 未答\n", "a.yaml",
      diagnostics));
  CHECK(diagnostics.empty());
}

TEST_CASE("what a file says cannot break a message's line") {
  English english;
  CHECK(answers_errors("scenario: fee\nresponses:\n  \"vent\\nfake.yaml:1:1: all good\": 好\n") ==
        "a.yaml:3:3: a step id in `responses` contains control or invisible characters\n");
  CHECK(answers_errors("scenario: fee\nresponses:\n  vent: \"一\\L二\"\n") ==
        "a.yaml:3:9: reply contains control characters (such as terminal escapes): U+2028, "
        "character 2\n");
  Diagnostics diagnostics;
  diagnostics.error("odd\nname\u202E.yaml", {1, 1}, "bad");
  CHECK(diagnostics.to_string() == "odd\\x0Aname\\u202E.yaml:1:1: bad\n");
}

TEST_CASE("the unknown-key hint about ASCII commas is given only where commas split") {
  English english;
  CHECK(answers_errors("scenario: fee\nresponses: {}\n学员: 李四\n").find("cut-off") ==
        std::string::npos);
  CHECK(answers_errors("{scenario: fee, responses: {}, 学员: 李四}\n").find("cut-off") !=
        std::string::npos);
}

TEST_CASE("one problem more is one problem") {
  English english;
  Diagnostics diagnostics;
  for (int i = 0; i < 101; ++i) diagnostics.error("a.yaml", {i + 1, 1}, "wrong key");
  CHECK(diagnostics.items().back().message ==
        "… and 1 more problem not listed (fix the ones above first)");
}

TEST_CASE("an empty or null key is named as such") {
  English english;
  CHECK(answers_errors("scenario: fee\nresponses: {}\nnull: 1\n") ==
        "a.yaml:3:1: a key may not be empty, `~` or `null`\n");
}

TEST_CASE("a regular file is read; a pipe or a device in its place is refused, never waited on") {
  const auto dir = std::filesystem::temp_directory_path() /
                   fmt::format("coach-regular-{}", static_cast<long>(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string text = (dir / "a.yaml").string();
  { std::ofstream(text) << "scenario: fee\n"; }
  RegularFile file(text);
  REQUIRE(file.readable());
  std::string read;
  CHECK(file.read_all([&](std::string_view piece) {
    read += piece;
    return true;
  }));
  CHECK(read == "scenario: fee\n");
  const std::string pipe = (dir / "p.yaml").string();
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  RegularFile fifo(pipe);  // opened without a writer: returns at once
  CHECK_FALSE(fifo.readable());
  CHECK(fifo.open_error() == 0);
  CHECK_FALSE(RegularFile("/dev/zero").readable());
  RegularFile missing((dir / "none.yaml").string());
  CHECK(missing.open_error() == ENOENT);
  std::filesystem::remove_all(dir);
}
