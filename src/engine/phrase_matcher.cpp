#include "engine/phrase_matcher.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/negation.hpp"
#include "util/i18n.hpp"

namespace coach {

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  options.set_max_mem(8 << 20);
  return options;
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases,
                             const std::vector<MarkedText>& patterns, const std::string& file,
                             Diagnostics& diagnostics) {
  for (const auto& phrase : phrases) {
    std::string normalized = normalize_phrase(phrase);
    if (normalized.empty()) continue;
    phrases_.push_back(std::move(normalized));
    display_.push_back(phrase);
  }
  for (const auto& pattern : patterns) {
    auto compiled = std::make_unique<RE2>(pattern.text, pattern_options());
    if (!compiled->ok()) {
      diagnostics.error(file, pattern.mark,
                        fmt::format(fmt::runtime(tr("无效的正则表达式 `{}`: {}",
                                                    "invalid regular expression `{}`: {}")),
                                    pattern.text, compiled->error()));
      continue;
    }
    patterns_.push_back(std::move(compiled));
  }
}

std::vector<PhraseMatch> PhraseMatcher::find_all(std::string_view text) const {
  std::vector<PhraseMatch> matches;
  for (std::size_t i = 0; i < phrases_.size(); ++i) {
    const std::string& phrase = phrases_[i];
    for (std::size_t at = text.find(phrase); at != std::string_view::npos;
         at = text.find(phrase, at + 1)) {
      matches.push_back({{at, at + phrase.size()}, i, is_negated(text, at)});
    }
  }
  for (std::size_t i = 0; i < patterns_.size(); ++i) {
    const RE2& pattern = *patterns_[i];
    std::size_t start = 0;
    re2::StringPiece found;
    while (start <= text.size() && pattern.Match(re2::StringPiece(text.data(), text.size()), start,
                                                 text.size(), RE2::UNANCHORED, &found, 1)) {
      const auto begin = static_cast<std::size_t>(found.data() - text.data());
      const std::size_t end = begin + found.size();
      matches.push_back({{begin, end}, phrases_.size() + i, is_negated(text, begin)});
      // Step past the match (or one character for an empty match) to find the next.
      start = end > begin ? end : end + 1;
      while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        ++start;
    }
  }
  std::sort(matches.begin(), matches.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  return matches;
}

std::vector<PhraseMatch> PhraseMatcher::find_affirmed(std::string_view text) const {
  std::vector<PhraseMatch> matches = find_all(text);
  std::erase_if(matches, [](const PhraseMatch& m) { return m.negated; });
  return matches;
}

std::vector<PhraseMatch> PhraseMatcher::find_said(const NormalizedText& reply) const {
  std::vector<PhraseMatch> matches = find_affirmed(reply.text);
  std::erase_if(matches, [&](const PhraseMatch& m) { return reply.is_quoted(m.span.begin); });
  return matches;
}


}  // namespace coach
