#include "text/traditional_phrases.hpp"

#include <algorithm>

namespace coach {

TraditionalPhrases::TraditionalPhrases(
    std::span<const simplified_tables::PhraseConversion> phrases) {
  for (const auto& phrase : phrases) {
    automaton_.add(phrase.traditional);
    simplified_.emplace_back(phrase.simplified);
    in_simplified_text_.push_back(phrase.in_simplified_text);
  }
  automaton_.build();
}

std::vector<TraditionalPhrases::Word> TraditionalPhrases::find(std::string_view text,
                                                               Script script) const {
  std::vector<Word> found;
  automaton_.scan(text, [&](std::uint32_t word, std::size_t begin, std::size_t end) {
    if (script == Script::simplified && !in_simplified_text_[word]) return;
    found.push_back({begin, end, simplified_[word]});
  });
  std::sort(found.begin(), found.end(), [](const Word& a, const Word& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Word> segmented;
  std::size_t covered = 0;
  for (const Word& word : found) {
    if (word.begin < covered) continue;
    segmented.push_back(word);
    covered = word.end;
  }
  return segmented;
}

}  // namespace coach
