#pragma once
// A folder of its own for one test, made fresh (mkdtemp: no two tests or runs share one) and
// removed with all it holds when the test ends.
#include <stdlib.h>

#include <filesystem>
#include <string>

namespace coach::test {

struct TempFolder {
  std::filesystem::path dir;
  TempFolder() {
    std::string name = (std::filesystem::temp_directory_path() / "coach-test-XXXXXX").string();
    if (::mkdtemp(name.data()) == nullptr)
      throw std::filesystem::filesystem_error("mkdtemp", name,
                                              std::error_code(errno, std::generic_category()));
    dir = name;
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};

}  // namespace coach::test
