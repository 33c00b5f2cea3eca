#include "engine/repeated_sentences.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "util/utf8.hpp"

namespace coach {
namespace {

constexpr std::size_t kRepeats = 3;
// 好的。好的。好的。 says nothing either; a lone 对 or 嗯 between sentences is only a nod.
constexpr std::size_t kSentenceCharacters = 2;

std::vector<std::string_view> sentences_of(std::string_view text,
                                           const std::vector<Clause>& clauses) {
  std::vector<std::string_view> sentences;
  std::optional<std::size_t> begin;
  std::size_t end = 0;
  for (const Clause& clause : clauses) {
    if (!begin) begin = clause.span.begin;
    end = clause.span.end;
    if (!clause.ends_sentence) continue;
    sentences.push_back(text.substr(*begin, end - *begin));
    begin.reset();
  }
  if (begin) sentences.push_back(text.substr(*begin, end - *begin));  // ends in a comma
  return sentences;
}

}  // namespace

bool repeats_a_sentence(std::string_view normalized, const std::vector<Clause>& clauses) {
  if (clauses.size() < kRepeats) return false;
  std::vector<std::string_view> sentences = sentences_of(normalized, clauses);
  std::erase_if(sentences, [](std::string_view sentence) {
    return utf8::count_code_points(sentence) < kSentenceCharacters;
  });
  if (sentences.size() < kRepeats) return false;
  std::sort(sentences.begin(), sentences.end());
  for (std::size_t at = 0; at + kRepeats <= sentences.size(); ++at) {
    if (sentences[at] == sentences[at + kRepeats - 1]) return true;
  }
  return false;
}

}  // namespace coach
