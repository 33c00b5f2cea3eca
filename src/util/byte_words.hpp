#pragma once
// Looking for a few byte values eight bytes at a time. Every library file is read through
// several checks for bytes that are rare in it (a carriage return, a C1 control, the lead byte of
// a noncharacter); Chinese text passed a byte at a time through each of them was 7 % of the
// instructions of `coach list`. A word is tested for any of the values at once, and only a word
// that holds one is read a byte at a time.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace coach::byte_words {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// The eight bytes of `text` from `at`, which must be there.
inline std::uint64_t eight_at(std::string_view text, std::size_t at) {
  std::uint64_t word;
  std::memcpy(&word, text.data() + at, 8);
  return word;
}

// Nonzero when a byte of `word` is `value`.
inline std::uint64_t any_equal(std::uint64_t word, unsigned char value) {
  const std::uint64_t x = word ^ (kOnes * value);
  return (x - kOnes) & ~x & kHighs;
}

// Nonzero when a byte of `word` is below `bound` (at most 0x80).
inline std::uint64_t any_below(std::uint64_t word, unsigned char bound) {
  return (word - kOnes * bound) & ~word & kHighs;
}

// Nonzero when a byte of `word` is at least `bound` (at least 0x80).
inline std::uint64_t any_at_least(std::uint64_t word, unsigned char bound) {
  const std::uint64_t low = word & ~kHighs;
  return word & (low + kOnes * (0x80 - (bound & 0x7F))) & kHighs;
}

// The first offset from `at` on whose word `holds` says it may hold what is looked for, or the
// last offset whose eight bytes are still whole: the caller reads on from there a byte at a time.
template <typename Holds>
std::size_t skip_words_without(std::string_view text, std::size_t at, Holds holds) {
  while (at + 8 <= text.size() && !holds(eight_at(text, at))) at += 8;
  return at;
}

}  // namespace coach::byte_words
