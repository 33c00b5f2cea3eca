#include "load/answers_loader.hpp"

#include <fmt/format.h>

#include <set>

#include "load/library_file_kind.hpp"
#include "load/trainee_name.hpp"
#include "load/yaml_reader.hpp"
#include "load/yaml_scalars.hpp"
#include "util/file_io.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

bool check_reply(YamlReader& reader, const YamlNode& node, const std::string& text) {
  if (utf8::count_code_points(text) > kMaxReplyCharacters) {
    reader.error(node, fmt::format(fmt::runtime(tr("回答太长(上限 {} 字)",
                                                   "reply too long (limit {} characters)")),
                                   grouped(kMaxReplyCharacters)));
    return false;
  }
  if (node.has_comment_after()) {
    const YamlMark hash = node.comment_mark();
    reader.error(SourceMark{hash.line + 1, hash.column + 1},
                 std::string(tr("回答在“ #”处被 YAML 当成了注释而截断;请给整个回答加引号",
                                "the reply is cut at “ #”, where YAML reads a comment; "
                                "quote the whole reply")));
    return false;
  }
  // Named with where it stands: a U+202E is invisible (outside pass 48, finding 12).
  if (const auto place = reader.control_place(node)) {
    reader.control_error(node, *place,
                         fmt::format(fmt::runtime(tr("回答中含有控制字符(如终端转义序列):{}",
                                                     "reply contains control characters (such as "
                                                     "terminal escapes): {}")),
                                     place->named));
    return false;
  }
  return true;
}

// A step id goes into messages and reports as it is: one that breaks the line, reorders the
// screen or hides characters could forge what they say.
bool check_key(YamlReader& reader, const YamlNode& key, std::string_view what) {
  const std::string& id = key.scalar();
  const bool breaks_line = id.find_first_of("\t\n\r") != std::string::npos;
  if (!breaks_line && !utf8::has_control_characters(id) && !utf8::has_hidden_characters(id))
    return true;
  reader.error(key, fmt::format(fmt::runtime(tr("`{}` 中的步骤名含有控制字符或不可见字符",
                                                "a step id in `{}` contains control or invisible "
                                                "characters")),
                                what));
  return false;
}

// `{vent: 先生您好,您的心情我很理解}`: YAML ends the reply at the ASCII comma and reads the rest
// as a key without a value. Step ids are ASCII words, so such a key is a cut reply, not a step
// the scenario lacks (outside pass 52, finding 4: "no step `您的心情我很理解`").
bool is_cut_reply(const YamlNode& responses, const YamlEntry& entry) {
  return responses.is_flow() && entry.value.is_null() && looks_like_split_text(entry.key.scalar());
}

void report_cut_reply(YamlReader& reader, const YamlEntry& entry) {
  reader.error(entry.key,
               fmt::format(fmt::runtime(tr("“{}”像是被截断的回答:在 {{ }} 写法里,英文逗号会分隔"
                                           "条目;请给含逗号的回答加引号,或改用中文逗号“，”",
                                           "“{}” looks like a reply cut off: inside {{ }} an "
                                           "ASCII comma separates entries; quote a reply that "
                                           "contains commas, or use the Chinese comma “，”")),
                           utf8::quote(entry.key.scalar())));
}

void read_responses(YamlReader& reader, const YamlNode& map, Attempt& attempt) {
  const YamlNode& node = YamlReader::child(map, "responses");
  if (!node.is_defined()) {
    reader.missing_key(map, "responses");
    return;
  }
  if (node.is_null()) return;  // nothing answered yet: every step scores zero
  if (!reader.expect_map(node, "`responses`", {})) return;
  for (const YamlEntry& entry : node.entries()) {
    if (!entry.key.is_scalar() || !check_key(reader, entry.key, "responses")) continue;
    if (is_cut_reply(node, entry)) {
      report_cut_reply(reader, entry);
      continue;
    }
    std::string text;
    if (!entry.value.is_null()) {
      auto value = reader.marked_text(entry.value, tr("每个回答", "each response"));
      if (!value) continue;
      text = value->text;
    }
    if (!check_reply(reader, entry.value, text)) continue;
    attempt.responses.push_back({entry.key.scalar(), MarkedText{text, reader.mark(entry.key)}});
  }
}

void read_earlier_tries(YamlReader& reader, const YamlNode& map, Attempt& attempt) {
  const YamlNode& node = YamlReader::child(map, "earlier_tries");
  if (!node.is_defined() || node.is_null()) return;
  if (!reader.expect_map(node, "`earlier_tries`", {})) return;
  for (const YamlEntry& entry : node.entries()) {
    if (!entry.key.is_scalar() || !check_key(reader, entry.key, "earlier_tries")) continue;
    std::vector<std::string> tries;
    if (reader.expect_sequence(entry.value, "`earlier_tries`")) {
      for (const YamlNode& item : entry.value.items()) {
        // Replies too: the same limits, so a recording never carries what a reply may not.
        auto text = reader.marked_text(item, tr("每个回答", "each response"));
        if (text && check_reply(reader, item, text->text)) tries.push_back(text->text);
      }
    }
    attempt.earlier_tries.push_back({entry.key.scalar(), std::move(tries)});
    attempt.other_step_keys.push_back({entry.key.scalar(), reader.mark(entry.key)});
  }
}

void read_seconds(YamlReader& reader, const YamlNode& map, Attempt& attempt) {
  const YamlNode& node = YamlReader::child(map, "seconds");
  if (!node.is_defined() || node.is_null()) return;
  if (!reader.expect_map(node, "`seconds`", {})) return;
  for (const YamlEntry& entry : node.entries()) {
    if (!entry.key.is_scalar() || !check_key(reader, entry.key, "seconds")) continue;
    const auto seconds =
        entry.value.is_scalar() ? yaml_decimal(entry.value.scalar()) : std::nullopt;
    if (!seconds || !(*seconds >= 0 && *seconds <= 86400)) {
      reader.error(entry.value,
                   std::string(tr("`seconds` 的值应是秒数(0 到 86400)",
                                  "values of `seconds` should be seconds (0 to 86400)")));
      continue;
    }
    // `-0.0` is no time at all, and a report should not say "-0.0 seconds".
    attempt.seconds.push_back({entry.key.scalar(), *seconds == 0 ? 0.0 : *seconds});
    attempt.other_step_keys.push_back({entry.key.scalar(), reader.mark(entry.key)});
  }
}

// `path:` is what practice saw (each customer line and the anger after it); grading replays
// the path from the replies and ignores it. It is still held to the rules of every text of the
// file (outside pass 48, finding 13): a file that breaks them is no file coach wrote.
void check_recorded_path(YamlReader& reader, const YamlNode& map) {
  const YamlNode& node = YamlReader::child(map, "path");
  if (!node.is_defined() || node.is_null()) return;
  if (!reader.expect_sequence(node, "`path`")) return;
  for (const YamlNode& turn : node.items()) {
    if (!reader.expect_map(turn, tr("`path` 的一项", "an item of `path`"),
                           {"step", "customer", "mood"}))
      continue;
    reader.text(turn, "step", false);
    reader.text(turn, "customer", false);
    reader.integer(turn, "mood", 0, 100);
  }
}

std::optional<Attempt> read_attempt(YamlReader& reader, const YamlNode& map) {
  Attempt attempt;
  const YamlNode& scenario = YamlReader::child(map, "scenario");
  if (auto id = reader.text(map, "scenario", true);
      id && reader.check_usable_name(scenario, tr("场景", "scenario"))) {
    attempt.scenario_id = *id;
    attempt.scenario_mark = reader.mark(scenario);
  }
  read_responses(reader, map, attempt);
  read_earlier_tries(reader, map, attempt);
  read_seconds(reader, map, attempt);
  check_recorded_path(reader, map);
  return attempt;
}

// A file of no attempt would pass a CI gate on nothing: graded, it fails nobody, and under
// `--exam` its trainee is not even listed.
void check_has_attempts(YamlReader& reader, const YamlNode& root) {
  const YamlNode& attempts = YamlReader::child(root, "attempts");
  if (!attempts.is_sequence() || attempts.size() > 0) return;
  reader.error(YamlReader::key_node(root, "attempts"),
               std::string(tr("答案文件中没有作答(`attempts` 是空列表)",
                              "the answers file holds no attempt (`attempts` is an empty list)")));
}

void check_trainee(YamlReader& reader, const YamlNode& root, const std::string& trainee) {
  const std::string problem = trainee_name_problem(trainee, "`trainee`");
  if (!problem.empty()) reader.error(YamlReader::child(root, "trainee"), problem);
}

// A file of another kind given as a submission (forgetting --exam is the likeliest slip) is said
// as what it is, once: read as an answers file it had a line for every key it holds, hundreds
// for a scenario folder (outside pass 48, finding 09).
std::optional<std::string_view> other_kind_of_file(const YamlNode& root) {
  const auto has = [&](const char* key) { return YamlReader::child(root, key).is_defined(); };
  // An exam has `attempts:` too (how many it counts), and neither has `responses:`.
  if (has("responses") || has("scenario")) return std::nullopt;
  if (has("scenarios") && has("id"))
    return tr("这是考试文件,不是答案文件:考试用 --exam 指定",
              "this is an exam file, not an answers file: give an exam with --exam");
  const auto kind = library_file_kind_by_keys(root);
  if (!kind) return std::nullopt;
  switch (*kind) {
    case LibraryFileKind::scenarios:
      return tr("这是场景文件,不是答案文件", "this is a scenario file, not an answers file");
    case LibraryFileKind::lexicons:
      return tr("这是词库文件,不是答案文件", "this is a lexicon file, not an answers file");
    case LibraryFileKind::customer_types:
      return tr("这是客户类型文件,不是答案文件",
                "this is a customer-types file, not an answers file");
  }
  return std::nullopt;
}

}  // namespace

std::optional<AnswersFile> parse_answers(const std::string& content, const std::string& file,
                                         Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.reported();
  YamlReader reader(file, diagnostics);
  const auto root = reader.parse(content);
  if (!root) return std::nullopt;
  if (const auto kind = other_kind_of_file(*root)) {
    reader.error(*root, std::string(*kind));
    return std::nullopt;
  }
  AnswersFile answers;
  answers.file = file;
  const bool several = YamlReader::child(*root, "attempts").is_defined();
  if (several) {
    if (!reader.expect_map(*root, tr("答案文件", "an answers file"), {"trainee", "attempts"}))
      return std::nullopt;
    answers.trainee = reader.text(*root, "trainee", false).value_or("");
    const YamlNode& attempts = YamlReader::child(*root, "attempts");
    check_has_attempts(reader, *root);
    if (reader.expect_sequence(attempts, "`attempts`")) {
      for (const YamlNode& item : attempts.items()) {
        if (!reader.expect_map(item, tr("一次作答", "an attempt"),
                               {"scenario", "responses", "earlier_tries", "seconds", "path"}))
          continue;
        if (auto attempt = read_attempt(reader, item))
          answers.attempts.push_back(std::move(*attempt));
      }
    }
  } else {
    if (!reader.expect_map(
            *root, tr("答案文件", "an answers file"),
            {"trainee", "scenario", "responses", "earlier_tries", "seconds", "path", "attempts"})) {
      return std::nullopt;
    }
    answers.trainee = reader.text(*root, "trainee", false).value_or("");
    if (auto attempt = read_attempt(reader, *root)) answers.attempts.push_back(std::move(*attempt));
  }
  answers.trainee = trim_trainee_name(answers.trainee);
  answers.trainee_mark = reader.mark(YamlReader::child(*root, "trainee"));
  check_trainee(reader, *root, answers.trainee);
  if (diagnostics.reported() != errors_before) return std::nullopt;
  return answers;
}

std::optional<AnswersFile> load_answers_file(const std::string& path, Diagnostics& diagnostics) {
  return parse_file(path, diagnostics, [&](const std::string& content) {
    return parse_answers(content, path, diagnostics);
  });
}

}  // namespace coach
