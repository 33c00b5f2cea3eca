#include "engine/leftmost_search.hpp"

#include "util/memory_reserve.hpp"

namespace coach {
namespace {

TextSpan span_of(std::string_view text, const re2::StringPiece& match) {
  const auto begin = static_cast<std::size_t>(match.data() - text.data());
  return {begin, begin + match.size()};
}

// A match begins where a character does: patterns that match single bytes (`\C`) are refused at
// load, and every other piece of a program starts with a character's first byte.
std::size_t next_character(std::string_view text, std::size_t at) {
  ++at;
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at;
}

}  // namespace

std::optional<TextSpan> search_leftmost(const RE2& regex, std::string_view text, std::size_t start,
                                        std::size_t to) {
  make_room_for_unsafe_code();
  re2::StringPiece match;
  const re2::StringPiece whole(text.data(), text.size());
  if (!regex.Match(whole, start, to, RE2::UNANCHORED, &match, 1)) return std::nullopt;
  return span_of(text, match);
}

std::optional<TextSpan> LeftmostSearch::find(const RE2& regex, std::string_view text,
                                             std::size_t start, std::size_t to) const {
  if (tries_.load(std::memory_order_relaxed) >= kMaxTries)
    return search_leftmost(regex, text, start, to);
  make_room_for_unsafe_code();
  const re2::StringPiece whole(text.data(), text.size());
  // Whether there is a match at all: the forward pass alone, which needs no reversed program.
  if (!regex.Match(whole, start, to, RE2::UNANCHORED, nullptr, 0)) return std::nullopt;
  return first_anchored(regex, text, start, to);
}

std::optional<TextSpan> LeftmostSearch::first_anchored(const RE2& regex, std::string_view text,
                                                       std::size_t start, std::size_t to) const {
  const re2::StringPiece whole(text.data(), text.size());
  for (std::size_t at = start; at <= to; at = next_character(text, at)) {
    tries_.fetch_add(1, std::memory_order_relaxed);
    re2::StringPiece match;
    if (regex.Match(whole, at, to, RE2::ANCHOR_START, &match, 1)) return span_of(text, match);
  }
  return std::nullopt;  // not reached: a match was found to exist
}

}  // namespace coach
