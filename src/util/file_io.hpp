#pragma once
// Reading input files with a size limit, and writing output files atomically so a crash or a
// kill never leaves a half-written answers file behind.
#include <cstddef>
#include <string>
#include <string_view>

#include "util/diagnostic.hpp"

namespace coach {

constexpr std::size_t kMaxInputFileBytes = 16u << 20;

// Reads a whole file as UTF-8 text. Throws InputError naming the file (missing, a directory,
// unreadable, too large, or not valid UTF-8 with the line and column of the first bad byte).
std::string read_text_file(const std::string& path, std::size_t max_bytes = kMaxInputFileBytes);

// Writes `content` to a temporary file beside `path`, then renames it over `path`.
// Throws std::runtime_error with a readable message on failure.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace coach
