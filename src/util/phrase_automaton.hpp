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

  struct Node {
    std::uint32_t first_edge = 0, last_edge = 0;  // into labels_/targets_, sorted by label
    std::uint32_t fail = 0;
    std::uint32_t ends_here = kNone;  // this node if phrases end at it, else the nearest
                                      // node on its fail chain where some do
    std::uint32_t first_output = 0, last_output = 0;  // into outputs_
  };

  std::uint32_t child(std::uint32_t state, unsigned char byte) const;
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
  std::vector<unsigned char> labels_;
  std::vector<std::uint32_t> targets_;
  std::vector<std::uint32_t> outputs_;
  std::uint32_t root_[256] = {};
};

}  // namespace coach
