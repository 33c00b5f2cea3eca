#pragma once
// Folds one code point to its matching form: NFKC (full-width → half-width), case-folded,
// traditional → simplified, with whitespace and invisible characters dropped. Results are
// cached, so each distinct character costs the Unicode and OpenCC look-ups once per process.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace opencc {
class SimpleConverter;
}

namespace coach {

class CharFolder {
 public:
  // The process-wide folder (OpenCC's tables are loaded on first need). Not thread-safe.
  static CharFolder& shared();

  CharFolder();
  ~CharFolder();
  CharFolder(const CharFolder&) = delete;
  CharFolder& operator=(const CharFolder&) = delete;

  std::string_view fold(char32_t code_point);

 private:
  std::string compute(char32_t code_point);
  std::string to_simplified(const std::string& text);

  std::unique_ptr<opencc::SimpleConverter> traditional_to_simplified_;
  std::unordered_map<char32_t, std::string> cache_;
};

}  // namespace coach
