#include "util/phrase_automaton.hpp"

#include <algorithm>
#include <numeric>

namespace coach {

void PhraseAutomaton::add(std::string_view phrase) {
  pending_.emplace_back(phrase);
  lengths_.push_back(static_cast<std::uint32_t>(phrase.size()));
}

std::uint32_t PhraseAutomaton::child_among(const Node& node, unsigned char byte) const {
  const auto first = edges_.begin() + node.edges;
  const auto last = first + node.degree;
  // A few edges are read in order faster than they are halved.
  constexpr std::uint16_t kFewEdges = 8;
  if (node.degree <= kFewEdges) {
    for (auto edge = first; edge != last && edge->label <= byte; ++edge) {
      if (edge->label == byte) return edge->target;
    }
    return kNone;
  }
  const auto found = std::lower_bound(
      first, last, byte, [](const Edge& edge, unsigned char b) { return edge.label < b; });
  return found != last && found->label == byte ? found->target : kNone;
}

namespace {

// The trie while it is built: each node's children in a list, in byte order.
struct TrieNode {
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  std::uint32_t first_child = kNone;
  std::uint32_t last_child = kNone;
  std::uint32_t next_sibling = kNone;
  unsigned char byte = 0;
};

template <typename Visit>
void for_each_child(const std::vector<TrieNode>& trie, std::uint32_t node, Visit&& visit) {
  for (std::uint32_t child = trie[node].first_child; child != TrieNode::kNone;
       child = trie[child].next_sibling)
    visit(trie[child].byte, child);
}

}  // namespace

// Phrases are added in byte order: each shares a prefix with the one before and adds its own
// nodes along one path, so every node's children come in byte order and no node needs a map.
void PhraseAutomaton::build() {
  std::vector<std::uint32_t> order(pending_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return pending_[a] < pending_[b]; });
  std::vector<TrieNode> trie(1);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;  // node, phrase ending there
  std::vector<std::uint32_t> path{0};  // the nodes along the phrase added last
  std::string_view previous;
  for (const std::uint32_t phrase : order) {
    const std::string_view text = pending_[phrase];
    if (text.empty()) continue;
    const auto common = static_cast<std::size_t>(
        std::mismatch(previous.begin(), previous.end(), text.begin(), text.end()).first -
        previous.begin());
    path.resize(common + 1);
    for (std::size_t depth = common; depth < text.size(); ++depth) {
      const std::uint32_t parent = path[depth];
      const auto child = static_cast<std::uint32_t>(trie.size());
      trie.push_back({TrieNode::kNone, TrieNode::kNone, TrieNode::kNone,
                      static_cast<unsigned char>(text[depth])});
      if (trie[parent].last_child == TrieNode::kNone) {
        trie[parent].first_child = child;
      } else {
        trie[trie[parent].last_child].next_sibling = child;
      }
      trie[parent].last_child = child;
      path.push_back(child);
    }
    ends.emplace_back(path[text.size()], phrase);
    previous = text;
  }
  std::sort(ends.begin(), ends.end());

  nodes_.assign(trie.size(), Node{});
  edges_.clear(), dense_.clear(), outputs_.clear();
  auto end = ends.begin();
  for (std::uint32_t i = 0; i < trie.size(); ++i) {
    Node& node = nodes_[i];
    std::size_t degree = 0;
    bool only_continuation_bytes = true;
    for_each_child(trie, i, [&](unsigned char byte, std::uint32_t) {
      ++degree;
      only_continuation_bytes = only_continuation_bytes && (byte & 0xC0) == 0x80;
    });
    node.degree = static_cast<std::uint16_t>(degree);
    if (degree == 1) {
      node.label = trie[trie[i].first_child].byte;
      node.edges = trie[i].first_child;
    } else if (degree >= kDenseMinDegree && only_continuation_bytes) {
      node.edges = static_cast<std::uint32_t>(dense_.size() / 64);
      node.degree = kDense;
      dense_.resize(dense_.size() + 64, kNone);
      for_each_child(trie, i, [&](unsigned char byte, std::uint32_t target) {
        dense_[node.edges * 64 + (byte & 0x3F)] = target;
      });
    } else if (degree > 1) {
      node.edges = static_cast<std::uint32_t>(edges_.size());
      for_each_child(trie, i, [&](unsigned char byte, std::uint32_t target) {
        edges_.push_back({byte, target});
      });
    }
    node.first_output = static_cast<std::uint32_t>(outputs_.size());
    for (; end != ends.end() && end->first == i; ++end) outputs_.push_back(end->second);
    node.last_output = static_cast<std::uint32_t>(outputs_.size());
  }
  std::fill(std::begin(root_), std::end(root_), 0);
  for_each_child(trie, 0, [&](unsigned char byte, std::uint32_t target) { root_[byte] = target; });

  // Fail links breadth first: a node's fail target is shallower, so already linked.
  std::vector<std::uint32_t> queue;
  queue.reserve(trie.size());
  for_each_child(trie, 0, [&](unsigned char, std::uint32_t target) { queue.push_back(target); });
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t node = queue[head];
    Node& current = nodes_[node];
    const bool ends_phrases = current.first_output != current.last_output;
    current.ends_here = ends_phrases ? node : nodes_[current.fail].ends_here;
    for_each_child(trie, node, [&](unsigned char byte, std::uint32_t target) {
      nodes_[target].fail = next(current.fail, byte);
      queue.push_back(target);
    });
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

}  // namespace coach
