// libFuzzer target: an answers file read as `coach grade` reads it. Bad input must give
// diagnostics, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/answers_loader.hpp"
#include "util/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  // The loader expects what read_text_file hands it: valid UTF-8.
  if (coach::utf8::find_invalid(content)) return -1;
  coach::Diagnostics diagnostics;
  const auto answers = coach::parse_answers(content, "fuzz.yaml", diagnostics);
  for (const auto& item : diagnostics.items()) (void)item.to_string();
  return 0;
}
