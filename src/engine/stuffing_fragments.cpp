#include "engine/stuffing_fragments.hpp"

#include <cctype>

#include "util/utf8.hpp"

namespace coach {
namespace {

bool is_ascii_alnum(char32_t cp) {
  return cp < 0x80 && std::isalnum(static_cast<int>(cp));
}

// Punctuation and symbols (emoji among them): what a trainee types between the items of a list
// instead of a comma. Not whitespace: the normaliser already reads a space or line break that
// stands for a comma as one (text/pauses), and the rest is spacing between words
// (李女士 ， 真 对不起 ！ typed with a space after every word is still sentences).
bool is_mark(char32_t cp) {
  // Most of a reply is ideographs: told from a mark without asking utf8proc for its category.
  return !utf8::is_common_ideograph(cp) && utf8::is_punctuation_or_symbol(cp);
}

// Whether the mark at [begin, end) of `text` stands between two ASCII letters or digits, where
// it belongs to a number or a code (1.8, 2-3, 10:00, A-3) rather than separating words.
bool inside_ascii_word(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin == 0 || end >= text.size()) return false;
  std::size_t before = utf8::previous_start(text, begin);
  std::size_t after = end;
  return is_ascii_alnum(utf8::decode(text, before)) && is_ascii_alnum(utf8::decode(text, after));
}

void add_fragment(const NormalizedText& reply, TextSpan original, std::vector<Fragment>& out) {
  if (original.begin >= original.end) return;
  const TextSpan span = reply.from_original(original);
  if (span.begin >= span.end) return;
  out.push_back({span, original, false});
}

}  // namespace

std::vector<Fragment> split_fragments(const NormalizedText& reply,
                                      const std::vector<Clause>& clauses) {
  std::vector<Fragment> fragments;
  const std::string_view text = reply.original;
  for (const Clause& clause : clauses) {
    const TextSpan typed = reply.to_original(clause.span);
    const std::size_t first = fragments.size();
    std::size_t from = typed.begin;
    for (std::size_t pos = typed.begin; pos < typed.end;) {
      if (utf8::common_ideograph_at(text, pos)) {  // no mark, and most of a reply
        pos += 3;
        continue;
      }
      const std::size_t begin = pos;
      const char32_t cp = utf8::decode(text, pos);
      if (!is_mark(cp) || inside_ascii_word(text, begin, pos)) continue;
      add_fragment(reply, {from, begin}, fragments);
      from = pos;
    }
    add_fragment(reply, {from, typed.end}, fragments);
    if (fragments.size() > first && clause.terminator == '?') fragments.back().asks = true;
  }
  return fragments;
}

}  // namespace coach
