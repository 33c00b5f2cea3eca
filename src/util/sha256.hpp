#pragma once
// SHA-256 (FIPS 180-4), so every report can name the exact scenario, lexicon and exam files it
// was graded with. Written here rather than linking OpenSSL for one function: ~100 lines,
// checked against the FIPS test vectors in tests/unit/test_sha256.cpp.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace coach {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // The digest as 64 lowercase hex digits; the object must not be updated afterwards.
  std::string hex_digest();

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::string sha256_hex(std::string_view bytes);

// The digest of the bytes of a file on disk; empty when it cannot be read, or read to its end
// (never the digest of part of it), and for anything but a regular file (a pipe, a device). Running out of memory throws std::bad_alloc.
std::string sha256_of_file(const std::string& path);

}  // namespace coach
