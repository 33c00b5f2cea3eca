#include "text/traditional_phrases.hpp"

#include <algorithm>

#include "util/utf8.hpp"

namespace coach {
namespace {

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> decoded;
  for (std::size_t at = 0; at < text.size();) decoded.push_back(utf8::decode(text, at));
  return decoded;
}

void sort_unique(std::vector<char32_t>& characters) {
  std::sort(characters.begin(), characters.end());
  characters.erase(std::unique(characters.begin(), characters.end()), characters.end());
}

}  // namespace

TraditionalPhrases::TraditionalPhrases(
    std::span<const simplified_tables::PhraseConversion> phrases) {
  for (const auto& phrase : phrases) {
    automaton_.add(phrase.traditional);
    simplified_.emplace_back(phrase.simplified);
    in_simplified_text_.push_back(phrase.in_simplified_text);
    const std::vector<char32_t> from = code_points(phrase.traditional);
    const std::vector<char32_t> to = code_points(phrase.simplified);
    written_.insert(written_.end(), to.begin(), to.end());
    if (!phrase.in_simplified_text) continue;
    for (std::size_t i = 0; i < from.size(); ++i) {
      if (from.size() != to.size() || from[i] != to[i])
        changed_in_simplified_text_.push_back(from[i]);
    }
  }
  sort_unique(written_);
  sort_unique(changed_in_simplified_text_);
  automaton_.build();
}

bool TraditionalPhrases::changes_in_simplified_text(char32_t code_point) const {
  return std::binary_search(changed_in_simplified_text_.begin(), changed_in_simplified_text_.end(),
                            code_point);
}

bool TraditionalPhrases::writes(char32_t code_point) const {
  return std::binary_search(written_.begin(), written_.end(), code_point);
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
