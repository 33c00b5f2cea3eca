#pragma once
// Schema-checking access to a parsed YAML document. Every problem is recorded in Diagnostics
// with the file, line and column of the offending node; readers return nullopt and carry on,
// so a trainer sees every error of a file in one run.
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_node.hpp"
#include "load/yaml_slips.hpp"
#include "model/marked_text.hpp"
#include "util/diagnostic.hpp"
#include "util/file_io.hpp"

namespace coach {

// What a name (a customer's: 王先生) and a title (a scenario's, an exam's, a concept's label) may
// hold: each is copied into every report line that names it.
inline constexpr std::size_t kMaxNameCharacters = 40;
inline constexpr std::size_t kMaxTitleCharacters = 200;
// A rule's feedback and a step's principle, copied under every verdict that shows them, and the
// briefing shown before a session.
inline constexpr std::size_t kMaxTeachingCharacters = 2'000;
inline constexpr std::size_t kMaxBriefingCharacters = 10'000;

// Where the first control character of a text stands, for a message: the place in the file,
// and how the message names it there.
struct ControlPlace {
  std::optional<SourceMark> written;  // where it is written; none for an escape (`"\u202E"`)
  std::string named;                  // `U+202E`, or `U+202E,第 37 个字` without a place
};

class YamlReader {
 public:
  YamlReader(std::string file, Diagnostics& diagnostics);
  // The tree it parsed is its own, and what it keeps to word errors points into that tree.
  YamlReader(const YamlReader&) = delete;
  YamlReader& operator=(const YamlReader&) = delete;

  // Parses text (already known to be valid UTF-8); reports syntax errors and gives nothing. The
  // tree lives as long as the reader. The text is read again to name the typing mistake behind
  // an error where YAML read one without complaint, so it must outlive the reader's errors: a
  // temporary is refused. (Keeping a copy of every file loaded cost `coach list` more than
  // looking for mistakes in a file that has none.)
  const YamlNode* parse(const std::string& content);
  const YamlNode* parse(std::string&& content) = delete;

  const std::string& file() const { return file_; }
  SourceMark mark(const YamlNode& node) const;
  // An error about a node. When the file shows a typing mistake behind it (a full-width `＃`
  // in the value, a key's `：` that left the value empty), the mistake is named, and the error
  // is placed where it is.
  void error(const YamlNode& at, std::string message);
  void error(SourceMark at, std::string message);
  // Where the first control character of `node`'s text stands: where it is written, when it is;
  // named by its number among the text's characters when it is written as an escape in double
  // quotes (`"\u202E"`), which has no place of its own. Nullopt for a text without one.
  std::optional<ControlPlace> control_place(const YamlNode& node) const;
  // An error at the control character `place` names, or at `node`.
  void control_error(const YamlNode& node, const ControlPlace& place, std::string message);

  // A mapping whose keys are all in `allowed` and none repeated. `what` names it in messages.
  bool expect_map(const YamlNode& node, std::string_view what,
                  std::initializer_list<std::string_view> allowed);
  bool expect_sequence(const YamlNode& node, std::string_view what);

  // A required key missing from `map`: an error at the mapping, or, where the key was typed
  // indented into the block text (`|`, `>`) above it, there (unless expect_map has said so).
  void missing_key(const YamlNode& map, const char* key);

  // Typed fields of a mapping. A missing required field is an error at the mapping.
  std::optional<std::string> text(const YamlNode& map, const char* key, bool required);
  // The same, refused past `limit` characters: a text copied into every report line that names
  // it (a customer's name, a title) must stay short, or one file grows every report a
  // thousandfold (outside pass 48: a name of a million characters, 12 MB of JSON a reply).
  std::optional<std::string> short_text(const YamlNode& map, const char* key, bool required,
                                        std::size_t limit);
  // A text that names something looked up by its name (a customer type, a scenario): one
  // that is empty or holds an invisible character names nothing, silently, so it is refused.
  // `what` names it.
  std::optional<std::string> name(const YamlNode& map, const char* key, std::string_view what);
  bool check_usable_name(const YamlNode& node, std::string_view what);
  std::optional<MarkedText> marked_text(const YamlNode& node, std::string_view what);
  std::optional<int> integer(const YamlNode& map, const char* key, int min, int max);
  std::optional<bool> boolean(const YamlNode& map, const char* key);
  std::vector<MarkedText> text_list(const YamlNode& map, const char* key, bool required);
  // The same, for lists of whole sentences (model answers): flags sentences cut at ASCII commas.
  std::vector<MarkedText> sentence_list(const YamlNode& map, const char* key, bool required);

  // The node of a key, or an absent node.
  static const YamlNode& child(const YamlNode& map, const char* key);
  // The key itself, for messages about the whole entry; an absent node when there is none.
  static const YamlNode& key_node(const YamlNode& map, const char* key);

 private:
  // Control characters (terminal escapes) are refused in every text; `what` names the key.
  bool check_no_controls(const YamlNode& node, std::string_view what);
  bool check_not_cut(const YamlNode& node);
  // `[王先生,您好]` is two items in YAML: almost never what a trainer meant by a sentence.
  void check_split_sentence(const YamlNode& sequence, std::string_view key);

  // "`x` should be a list, found a scalar", named as the slip when one shows.
  void shape_error(const YamlNode& node, bool want_list, std::string message);
  // Keys of `allowed` that `map` lacks because they were typed indented into the block text of
  // a key above them (`briefing: |` then `   pass_mark: 60`): an error at each, where it is.
  void report_keys_in_text(const YamlNode& map, std::initializer_list<std::string_view> allowed,
                           const std::set<std::string>& present);

  std::string file_;
  Diagnostics& diagnostics_;
  std::optional<YamlNode> root_;
  YamlSlips slips_;
  // The keys report_keys_in_text has named, by their mapping's place: (mark index, key).
  std::set<std::pair<std::size_t, std::string>> keys_in_text_;
};

// Reads the file at `path` and hands its text to `parse`; a file that cannot be read (missing,
// a directory, too large, not UTF-8) becomes a diagnostic and an empty result.
template <typename Parse>
auto parse_file(const std::string& path, Diagnostics& diagnostics, Parse parse)
    -> decltype(parse(std::string())) {
  try {
    return parse(read_text_file(path));
  } catch (const InputError& e) {
    diagnostics.append(e.diagnostics());
    return {};
  }
}

// Whether a key is text rather than a word: in `{feedback: 先解决心情,再解决事情}` the ASCII comma
// ends the value, and the rest of the sentence becomes a key (keys and ids are ASCII words).
bool looks_like_split_text(std::string_view key);

// Lists allowed keys for an "unknown key" message: `a`, `b`, `c`.
std::string join_keys(std::initializer_list<std::string_view> keys);

}  // namespace coach
