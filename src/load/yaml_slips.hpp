#pragma once
// The typing mistakes behind errors a reader reports of what YAML read without complaint
// (`stage: vent ＃注释`, `{empathy： -20}`, `any_of: ［回访］`, a key indented into the `|` text
// above it): named, and placed where they are. They are looked for in the file's text only when
// there is an error to word, so a valid file costs nothing more to load.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "load/yaml_node.hpp"
#include "load/yaml_source.hpp"
#include "util/diagnostic.hpp"

namespace coach {

// A typing mistake in the file: where it is, and the hint that names it.
struct YamlSlip {
  SourceMark mark;
  std::string hint;
};

class YamlSlips {
 public:
  YamlSlips() = default;
  // The text of a file and the tree parsed from it, which must both outlive this.
  YamlSlips(std::string_view text, const YamlNode& root);

  // The slip behind any error at `node`: a full-width `＃` in its text where a comment was
  // meant, or, when `node` is the empty value of a { } mapping's key, the `：` that key
  // swallowed.
  std::optional<YamlSlip> behind(const YamlNode& node) const;
  // The slip that made `node` text (or a mapping) where a list (`want_list`) or a mapping was
  // wanted, shown where the value starts: `［回访］`, `-id: s1`, `－ 您好`, `｛王先生｝`.
  std::optional<YamlSlip> of_shape(const YamlNode& node, bool want_list) const;
  // The full-width colon in `key`, a key of the { } mapping `map`: `{any_of: [回访], points： 5}`
  // has the key `points： 5`, not text cut at an ASCII comma.
  std::optional<YamlSlip> colon_in_flow_key(const YamlNode& map, const YamlNode& key) const;
  // `key`, which `map` lacks, typed indented into the block text (`|`, `>`) of a key of `map`
  // above it: `briefing: |` then `   steps:`.
  std::optional<YamlSlip> key_in_text_block(const YamlNode& map, std::string_view key) const;
  // Where the character `cp` of `scalar`'s text stands in the file, when it is written there
  // itself rather than as an escape in double quotes (`"\u202E"`): a control character in a
  // block of many lines was placed at the block's `|`, as its 219th character.
  std::optional<SourceMark> written_character(const YamlNode& scalar, char32_t cp) const;

 private:
  // A plain scalar's first line, cut where its own text ends at the latest, and the byte in it
  // where the scalar starts: what a slip is looked for in, so no search runs on along a line
  // of ten thousand values.
  struct Written {
    std::string_view line;
    std::size_t start;
  };
  Written written(const YamlNode& scalar) const;
  // Where byte `byte` of what `scalar` has written is, as an error gives it.
  SourceMark place(const YamlNode& scalar, const Written& written, std::size_t byte) const;
  std::optional<YamlSlip> full_width_hash_in(const YamlNode& node) const;
  std::optional<YamlSlip> swallowed_colon(const YamlNode& empty) const;
  // Records the keys of { } mappings under `node` that swallowed a full-width colon and left
  // their value empty (`{empathy： -20}`).
  void find_swallowed_colons(const YamlNode& node) const;
  std::optional<YamlSlip> key_in_block_of(const YamlEntry& entry, std::string_view key) const;

  YamlLines lines_;
  const YamlNode* root_ = nullptr;
  // Where the empty value of each such key is (its character index), and the slip: found on
  // the first error at an empty value, by one walk of the tree.
  mutable std::optional<std::unordered_map<std::size_t, YamlSlip>> swallowed_colons_;
};

}  // namespace coach
