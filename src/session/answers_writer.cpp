#include "session/answers_writer.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/thread_scratch.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// Whether yaml-cpp would write the text in double quotes as it is, escaping only `"` and `\`:
// printable ASCII, and characters past U+00A0 other than the few it escapes (U+FEFF) or that
// break a line where an editor shows none (U+2028, U+2029), and noncharacters.
bool quotes_as_it_is(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      if (byte < 0x20 || byte == 0x7F) return false;
      ++at;
      continue;
    }
    const char32_t c = utf8::decode(text, at);
    if (c == utf8::kInvalid || c <= 0xA0 || c == 0xFEFF || c == 0x2028 || c == 0x2029 ||
        utf8::is_noncharacter(c))
      return false;
  }
  return true;
}

// The recording is written after every reply, and yaml-cpp's emitter, which wrote the whole
// document, took half of a long practice session. The layout is written here, in the block
// style yaml-cpp used; a text is quoted here when that is only `"` and `\` escaped, by yaml-cpp
// otherwise, and ids are written by yaml-cpp, which knows which words it must quote.
class AnswersText {
 public:
  void quoted(std::string_view text) {
    if (!quotes_as_it_is(text)) return by_emitter(text);
    out_ += '"';
    for (std::size_t from = 0; from < text.size();) {
      const std::size_t special = std::min(text.find_first_of("\"\\", from), text.size());
      out_.append(text, from, special - from);
      if (special == text.size()) break;
      out_ += '\\';
      out_ += text[special];
      from = special + 1;
    }
    out_ += '"';
  }
  // Ids repeat at every step and in every save, so yaml-cpp writes each distinct one once.
  void plain(std::string_view id) {
    static thread_local auto& written =
        thread_scratch<std::unordered_map<std::string, std::string>>();
    auto found = written.find(std::string(id));
    if (found == written.end()) {
      if (written.size() >= 10'000) written.clear();  // ids of hostile input
      YAML::Emitter emitter;
      emitter << std::string(id);
      found = written.emplace(std::string(id), emitter.c_str()).first;
    }
    out_ += found->second;
  }
  void line(int indent, std::string_view text) {
    out_.append(static_cast<std::size_t>(indent), ' ');
    out_ += text;
  }
  void append(std::string_view text) { out_ += text; }
  std::string take() { return std::move(out_); }

 private:
  void by_emitter(std::string_view text) {
    YAML::Emitter emitter;
    emitter << YAML::DoubleQuoted << std::string(text);
    out_ += emitter.c_str();
  }

  std::string out_;
};

// `first` is what the attempt's first line starts with: nothing at the top of the file, `- `
// as an item of `attempts:`; `indent` is the indentation of its keys.
void write_attempt(AnswersText& out, const Attempt& attempt, std::string_view first, int indent) {
  out.line(indent - static_cast<int>(first.size()), first);
  out.append("scenario: ");
  out.plain(attempt.scenario_id);
  out.append("\n");
  out.line(indent, "responses:\n");
  if (attempt.responses.empty()) out.line(indent + 2, "{}\n");
  for (const auto& [step, response] : attempt.responses) {
    out.line(indent + 2, "");
    out.plain(step);
    out.append(": ");
    out.quoted(response.text);
    out.append("\n");
  }
  if (!attempt.seconds.empty()) {
    out.line(indent, "seconds:\n");
    for (const auto& [step, seconds] : attempt.seconds) {
      out.line(indent + 2, "");
      out.plain(step);
      out.append(fmt::format(": {:.1f}\n", seconds));
    }
  }
  if (!attempt.path.empty()) {
    out.line(indent, "path:\n");
    for (const RecordedTurn& turn : attempt.path) {
      out.line(indent + 2, "- {step: ");
      out.plain(turn.step_id);
      out.append(", customer: ");
      out.quoted(turn.customer_line);
      out.append(fmt::format(", mood: {}}}\n", turn.mood_after));
    }
  }
  if (!attempt.earlier_tries.empty()) {
    out.line(indent, "earlier_tries:\n");
    for (const auto& [step, tries] : attempt.earlier_tries) {
      out.line(indent + 2, "");
      out.plain(step);
      out.append(":\n");
      if (tries.empty()) out.line(indent + 4, "[]\n");
      for (const std::string& text : tries) {
        out.line(indent + 4, "- ");
        out.quoted(text);
        out.append("\n");
      }
    }
  }
}

}  // namespace

std::string format_answers(const AnswersFile& answers) {
  AnswersText out;
  if (!answers.trainee.empty()) {
    out.append("trainee: ");
    out.quoted(answers.trainee);
    out.append("\n");
  }
  if (answers.attempts.size() == 1) {
    write_attempt(out, answers.attempts.front(), "", 0);
  } else if (answers.attempts.empty()) {
    out.append("attempts:\n  []\n");
  } else {
    out.append("attempts:\n");
    for (const Attempt& attempt : answers.attempts) write_attempt(out, attempt, "  - ", 4);
  }
  return out.take();
}

}  // namespace coach
