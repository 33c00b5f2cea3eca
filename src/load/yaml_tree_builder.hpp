#pragma once
// Builds a YamlNode tree from libyaml's events, one at a time: aliases copied in, anchors kept
// aside, and what would make the tree huge or deep refused — aliases that multiply, anchors on
// large nodes, too many nodes, nesting, a second document, tags.
#include <yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/yaml_node.hpp"
#include "load/yaml_parser.hpp"
#include "load/yaml_source.hpp"

namespace coach {

YamlMark to_mark(const yaml_mark_t& mark);
// libyaml's text, or its null, as a view.
std::string_view text_of(const yaml_char_t* bytes, std::size_t length);
std::string_view text_of(const yaml_char_t* bytes);

class YamlTreeBuilder {
 public:
  explicit YamlTreeBuilder(std::string_view text) : text_(text), comments_(text) {}

  // A problem that ends the reading, or nullopt when the event was taken.
  std::optional<YamlProblem> take(const yaml_event_t& event);
  bool finished() const { return finished_; }
  std::optional<YamlNode>& root() { return root_; }

 private:
  // Nodes and bytes of text copied by aliases, or kept aside by anchors.
  class CopyBudget {
   public:
    // Whether the copy of `node` still fits.
    bool take(const YamlNode& node);
    bool too_many_nodes() const;

   private:
    std::size_t nodes_ = 0;
    std::size_t bytes_ = 0;
  };
  struct OpenNode {
    YamlNode node;
    std::string anchor;
    std::optional<YamlNode> key;  // in a mapping, a key waiting for its value
  };

  std::optional<YamlProblem> count_node(const yaml_event_t& event, YamlMark mark);
  std::optional<YamlProblem> refuse_escaped_noncharacter(const yaml_event_t& event) const;
  std::optional<YamlProblem> refuse_merge_key(const yaml_event_t& event, YamlMark mark) const;
  static std::optional<YamlProblem> refuse_tag(const yaml_event_t& event, YamlMark mark);
  std::optional<YamlProblem> start_document(const yaml_event_t& event);
  std::optional<YamlProblem> open(YamlNode node, const yaml_char_t* anchor, YamlMark mark);
  std::optional<YamlProblem> alias(const yaml_event_t& event);
  std::optional<YamlProblem> close();
  std::optional<YamlProblem> complete(YamlNode node, std::string_view anchor);
  bool is_open(std::string_view anchor) const;
  int block_indent() const;

  std::string_view text_;
  CommentFinder comments_;
  std::vector<OpenNode> open_;
  std::unordered_map<std::string, YamlNode> anchors_;
  CopyBudget aliased_;
  CopyBudget anchored_;
  std::size_t nodes_ = 0;
  int documents_ = 0;
  bool finished_ = false;
  std::optional<YamlNode> root_;
};

}  // namespace coach
