#pragma once
// Aho–Corasick over bytes: finds every occurrence of every phrase (overlapping ones too) in one
// pass over the text, whatever the number of phrases. Built once at load; scanning allocates
// nothing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coach {

class PhraseAutomaton {
 public:
  // Phrases are numbered in the order they are added; empty phrases are never found.
  void add(std::string_view phrase);
  void build();

  // Calls found(phrase, begin, end) for every occurrence, in order of where it ends.
  template <typename Found>
  void scan(std::string_view text, Found&& found) const {
    std::uint32_t state = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      state = next(state, static_cast<unsigned char>(text[i]));
      for (std::uint32_t at = nodes_[state].ends_here; at != kNone;
           at = nodes_[nodes_[at].fail].ends_here) {
        const Node& node = nodes_[at];
        for (std::uint32_t k = node.first_output; k < node.last_output; ++k) {
          const std::uint32_t phrase = outputs_[k];
          found(phrase, i + 1 - lengths_[phrase], i + 1);
        }
      }
    }
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  // Most trie nodes lie inside a single phrase and have one child: that edge is kept in the
  // node itself, so following a phrase touches one node per byte and no edge table. Nodes with
  // many children inside a UTF-8 character (after 您's lead byte, the other characters of its
  // row) get a table indexed by the continuation byte: those are the nodes every fail chain
  // passes through.
  static constexpr std::uint16_t kDense = 0xFFFF;  // a `degree` meaning: a table in dense_
  static constexpr std::size_t kDenseMinDegree = 5;
  struct Node {
    std::uint32_t edges = kNone;  // with one child, the child; otherwise the first of edges_
                                  // (or of dense_, in rows of 64)
    std::uint16_t degree = 0;
    unsigned char label = 0;  // the one child's byte
    std::uint32_t fail = 0;
    std::uint32_t ends_here = kNone;  // this node if phrases end at it, else the nearest
                                      // node on its fail chain where some do
    std::uint32_t first_output = 0, last_output = 0;  // into outputs_
  };
  struct Edge {
    unsigned char label;
    std::uint32_t target;
  };

  std::uint32_t child(std::uint32_t state, unsigned char byte) const {
    const Node& node = nodes_[state];
    if (node.degree == 1) return node.label == byte ? node.edges : kNone;
    if (node.degree == kDense)
      return (byte & 0xC0) == 0x80 ? dense_[node.edges * 64 + (byte & 0x3F)] : kNone;
    if (node.degree == 0) return kNone;  // a leaf, met at the end of every phrase found
    return child_among(node, byte);
  }
  std::uint32_t child_among(const Node& node, unsigned char byte) const;
  std::uint32_t next(std::uint32_t state, unsigned char byte) const {
    while (state != 0) {
      const std::uint32_t to = child(state, byte);
      if (to != kNone) return to;
      state = nodes_[state].fail;
    }
    return root_[byte];
  }

  std::vector<std::string> pending_;  // phrases added since the last build
  std::vector<std::uint32_t> lengths_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;           // each node's edges together, sorted by label
  std::vector<std::uint32_t> dense_;  // 64 targets per dense node, kNone where no child
  std::vector<std::uint32_t> outputs_;
  std::uint32_t root_[256] = {};
};

}  // namespace coach
