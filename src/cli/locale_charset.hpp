#pragma once
// The character set the environment says the terminal uses. coach reads and writes UTF-8
// only: a terminal (or SSH client) set to GBK shows its Chinese as garbage and sends replies it
// cannot read, so the trainee is warned before the session rather than losing replies in it.
#include <optional>
#include <string>

namespace coach::cli {

// The locale's character set (`GBK` of LANG=zh_CN.GBK) when it is neither UTF-8 nor the
// plain ASCII of the C locale; nothing otherwise, or when the environment names no locale.
std::optional<std::string> non_utf8_charset();

// Where the terminal's character set does harm: in what coach shows, or also in what is typed
// (a practice session).
enum class Shown { output_only, while_typing };
// The warning about that character set, naming the variable that chose it.
std::string charset_warning(const std::string& charset, Shown shown);

}  // namespace coach::cli
