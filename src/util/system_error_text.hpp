#pragma once
// Why a system call failed, in the user's language: the C library speaks English only, and
// "无法写入: No such file or directory" mixes two languages in one line.
#include <string>

namespace coach {

// The reason for `error_number` (an errno value): translated for the common causes of a file
// that cannot be read or written, the C library's text otherwise.
std::string system_error_text(int error_number);

}  // namespace coach
