#pragma once
// Reading input files with a size limit (output files: util/output_file.hpp).
#include <cstddef>
#include <string>
#include <string_view>

#include "util/diagnostic.hpp"

namespace coach {

constexpr std::size_t kMaxInputFileBytes = 16u << 20;

// Reads a whole file as UTF-8 text. Throws InputError naming the file (missing, a directory,
// unreadable, too large, or not valid UTF-8 with the line and column of the first bad byte).
std::string read_text_file(const std::string& path, std::size_t max_bytes = kMaxInputFileBytes);

}  // namespace coach
