#include "load/yaml_node.hpp"

#include <algorithm>
#include <utility>

namespace coach {

YamlNode YamlNode::null(YamlMark mark) {
  YamlNode node;
  node.kind_ = YamlKind::null;
  node.plain_ = true;
  node.mark_ = mark;
  return node;
}

YamlNode YamlNode::scalar(std::string text, YamlMark mark, bool plain) {
  YamlNode node;
  node.kind_ = YamlKind::scalar;
  node.plain_ = plain;
  node.mark_ = mark;
  node.scalar_ = std::move(text);
  node.text_bytes_ = node.scalar_.size();
  return node;
}

YamlNode YamlNode::sequence(YamlMark mark, bool flow) {
  YamlNode node;
  node.kind_ = YamlKind::sequence;
  node.flow_ = flow;
  node.mark_ = mark;
  return node;
}

YamlNode YamlNode::map(YamlMark mark, bool flow) {
  YamlNode node = sequence(mark, flow);
  node.kind_ = YamlKind::map;
  return node;
}

std::size_t YamlNode::size() const {
  return kind_ == YamlKind::map ? entries_.size() : items_.size();
}

void YamlNode::add_item(YamlNode item) {
  node_count_ += item.node_count_;
  text_bytes_ += item.text_bytes_;
  height_ = std::max(height_, item.height_ + 1);
  items_.push_back(std::move(item));
}

void YamlNode::add_entry(YamlNode key, YamlNode value) {
  node_count_ += key.node_count_ + value.node_count_;
  text_bytes_ += key.text_bytes_ + value.text_bytes_;
  height_ = std::max({height_, key.height_ + 1, value.height_ + 1});
  entries_.push_back({std::move(key), std::move(value)});
}

}  // namespace coach
