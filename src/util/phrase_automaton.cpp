#include "util/phrase_automaton.hpp"

#include <algorithm>
#include <deque>
#include <map>

namespace coach {

void PhraseAutomaton::add(std::string_view phrase) {
  pending_.emplace_back(phrase);
  lengths_.push_back(static_cast<std::uint32_t>(phrase.size()));
}

namespace {

bool only_continuation_bytes(const std::map<unsigned char, std::uint32_t>& children) {
  return std::all_of(children.begin(), children.end(),
                     [](const auto& child) { return (child.first & 0xC0) == 0x80; });
}

}  // namespace

std::uint32_t PhraseAutomaton::child_among(const Node& node, unsigned char byte) const {
  if (node.degree == 0) return kNone;  // a leaf: its `edges` points nowhere
  const auto first = edges_.begin() + node.edges;
  const auto last = first + node.degree;
  const auto found = std::lower_bound(
      first, last, byte, [](const Edge& edge, unsigned char b) { return edge.label < b; });
  return found != last && found->label == byte ? found->target : kNone;
}

void PhraseAutomaton::build() {
  // The trie, with every phrase's number at the node where it ends.
  std::vector<std::map<unsigned char, std::uint32_t>> children(1);
  std::vector<std::vector<std::uint32_t>> ends(1);
  for (std::uint32_t phrase = 0; phrase < pending_.size(); ++phrase) {
    if (pending_[phrase].empty()) continue;
    std::uint32_t node = 0;
    for (const char c : pending_[phrase]) {
      const auto byte = static_cast<unsigned char>(c);
      auto [it, added] = children[node].try_emplace(byte, children.size());
      if (added) {
        children.emplace_back();
        ends.emplace_back();
      }
      node = it->second;
    }
    ends[node].push_back(phrase);
  }

  nodes_.assign(children.size(), Node{});
  edges_.clear(), dense_.clear(), outputs_.clear();
  for (std::size_t i = 0; i < children.size(); ++i) {
    Node& node = nodes_[i];
    node.degree = static_cast<std::uint16_t>(children[i].size());
    if (node.degree == 1) {
      node.label = children[i].begin()->first;
      node.edges = children[i].begin()->second;
    } else if (node.degree >= kDenseMinDegree && only_continuation_bytes(children[i])) {
      node.edges = static_cast<std::uint32_t>(dense_.size() / 64);
      node.degree = kDense;
      dense_.resize(dense_.size() + 64, kNone);
      for (const auto& [byte, target] : children[i])
        dense_[node.edges * 64 + (byte & 0x3F)] = target;
    } else if (node.degree > 1) {
      node.edges = static_cast<std::uint32_t>(edges_.size());
      for (const auto& [byte, target] : children[i]) edges_.push_back({byte, target});
    }
    node.first_output = static_cast<std::uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), ends[i].begin(), ends[i].end());
    node.last_output = static_cast<std::uint32_t>(outputs_.size());
  }
  std::fill(std::begin(root_), std::end(root_), 0);
  for (const auto& [byte, target] : children[0]) root_[byte] = target;

  // Fail links breadth first: a node's fail target is shallower, so already linked.
  std::deque<std::uint32_t> queue;
  for (const auto& [byte, target] : children[0]) queue.push_back(target);
  while (!queue.empty()) {
    const std::uint32_t node = queue.front();
    queue.pop_front();
    Node& current = nodes_[node];
    const bool ends_phrases = current.first_output != current.last_output;
    current.ends_here = ends_phrases ? node : nodes_[current.fail].ends_here;
    for (const auto& [byte, target] : children[node]) {
      nodes_[target].fail = next(current.fail, byte);
      queue.push_back(target);
    }
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

}  // namespace coach
