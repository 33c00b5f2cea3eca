#include "load/lexicon_loader.hpp"

#include <fmt/format.h>

#include "load/identifiers.hpp"
#include "load/phrase_list.hpp"
#include "load/yaml_reader.hpp"
#include "text/normalizer.hpp"
#include "util/file_io.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// Items under `key`, good or not: a concept whose items are all refused is told so item by
// item, not once more as a concept of nothing.
std::size_t listed(const YamlNode& concept_node, const char* key) {
  const YamlNode& list = YamlReader::child(concept_node, key);
  return list.is_sequence() ? list.size() : 0;
}

// A phrase of one character forbidden everywhere fails every innocent reply that holds it
// (滚 in 滚动, 的 anywhere): every scenario's `check` fails far from the cause (outside pass 48).
// The documented way is a pattern that asks for the character to stand alone.
void refuse_lone_characters(YamlReader& reader, const std::vector<MarkedText>& phrases) {
  for (const MarkedText& phrase : phrases) {
    if (utf8::count_code_points(normalize_phrase(phrase.text)) != 1) continue;
    reader.error(
        phrase.mark,
        fmt::format(fmt::runtime(tr("“{}”只有一个字,不能放进处处禁止(forbidden_everywhere)"
                                    "的概念的 `phrases`:含这个字的无辜说法(如词语的一部分)都会判为"
                                    "严重错误;请改写成要求它单独出现的模式(patterns)",
                                    "“{}” is a single character, which a concept forbidden "
                                    "everywhere may not hold in `phrases`: every innocent reply "
                                    "with a word that holds it would fail critically; write a "
                                    "pattern under `patterns` that asks for it to stand alone")),
                    utf8::quote(phrase.text)));
  }
}

void read_concept(YamlReader& reader, const std::string& id, const YamlNode& node,
                  SourceMark key_mark, Lexicon& lexicon) {
  const std::string shown = utf8::quote(id);  // `empathy` with a zero-width space
  if (const std::string problem = concept_id_problem(id, tr("概念名", "concept id"));
      !problem.empty())
    reader.error(key_mark, problem);
  if (!reader.expect_map(
          node, fmt::format(fmt::runtime(tr("概念 `{}`", "concept `{}`")), shown),
          {"label", "label_en", "source", "phrases", "patterns", "forbidden_everywhere"})) {
    return;
  }
  Concept entry;
  entry.id = id;
  entry.file = reader.file();
  entry.mark = key_mark;
  entry.label = reader.short_text(node, "label", true, kMaxTitleCharacters).value_or(id);
  entry.label_en = reader.short_text(node, "label_en", false, kMaxTitleCharacters).value_or("");
  entry.source = reader.text(node, "source", true).value_or("");
  entry.forbidden_everywhere = reader.boolean(node, "forbidden_everywhere").value_or(false);
  std::vector<MarkedText> phrases = read_phrases(reader, node, "phrases", false);
  if (entry.forbidden_everywhere) refuse_lone_characters(reader, phrases);
  for (auto& phrase : phrases) entry.phrases.push_back(std::move(phrase.text));
  entry.patterns = reader.text_list(node, "patterns", false);
  if (listed(node, "phrases") + listed(node, "patterns") == 0) {
    reader.error(node,
                 fmt::format(fmt::runtime(tr("概念 `{}` 至少需要一个短语(phrases)或模式(patterns)",
                                             "concept `{}` needs at least one phrase or pattern")),
                             shown));
  }
  if (auto existing = lexicon.find(id); existing != lexicon.end()) {
    reader.error(
        key_mark,
        fmt::format(fmt::runtime(tr("概念 `{}` 定义了两次(另一处在 "
                                    "{}:{});一个概念只能定义在一处:保留对的那处,删掉另一处",
                                    "concept `{}` is defined twice (also at {}:{}); a concept is "
                                    "defined in one place only: "
                                    "keep the right one and delete the other")),
                    shown, existing->second.file, existing->second.mark.line));
    return;
  }
  lexicon.emplace(id, std::move(entry));
}

}  // namespace

void parse_lexicon(const std::string& content, const std::string& file, Lexicon& lexicon,
                   Diagnostics& diagnostics) {
  YamlReader reader(file, diagnostics);
  const auto root = reader.parse(content);
  if (!root) return;
  if (!reader.expect_map(*root, tr("词库文件", "a lexicon file"), {"concepts"})) return;
  const YamlNode& concepts = YamlReader::child(*root, "concepts");
  if (!concepts.is_defined()) {
    reader.missing_key(*root, "concepts");
    return;
  }
  if (!reader.expect_map(concepts, "`concepts`", {})) return;
  for (const YamlEntry& entry : concepts.entries()) {
    if (!entry.key.is_scalar()) continue;
    read_concept(reader, entry.key.scalar(), entry.value, reader.mark(entry.key), lexicon);
  }
}

void load_lexicon_file(const std::string& path, Lexicon& lexicon, Diagnostics& diagnostics) {
  try {
    parse_lexicon(read_text_file(path), path, lexicon, diagnostics);
  } catch (const InputError& e) {
    diagnostics.append(e.diagnostics());
  }
}

}  // namespace coach
