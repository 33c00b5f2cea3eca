#include "text/normalizer.hpp"

#include "text/char_folder.hpp"
#include "util/utf8.hpp"

namespace coach {

TextSpan NormalizedText::to_original(TextSpan span) const {
  if (span.begin >= span.end || span.end > text.size()) return {0, 0};
  return {origin_begin[span.begin], origin_end[span.end - 1]};
}

std::string_view NormalizedText::original_text(TextSpan span) const {
  const TextSpan source = to_original(span);
  return std::string_view(original).substr(source.begin, source.end - source.begin);
}

NormalizedText normalize(std::string_view original) {
  NormalizedText result;
  result.original = std::string(original);
  result.text.reserve(original.size());
  CharFolder& folder = CharFolder::shared();
  for (std::size_t pos = 0; pos < original.size();) {
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(original, pos);
    const std::string_view folded = folder.fold(cp);
    result.text += folded;
    result.origin_begin.insert(result.origin_begin.end(), folded.size(),
                               static_cast<std::uint32_t>(start));
    result.origin_end.insert(result.origin_end.end(), folded.size(),
                             static_cast<std::uint32_t>(pos));
  }
  return result;
}

std::string normalize_phrase(std::string_view phrase) {
  return normalize(phrase).text;
}

}  // namespace coach
