#include "text/opencc_phrase_keys.hpp"

#include <fmt/format.h>
#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace coach {

std::vector<std::string> opencc_phrase_keys(const std::string& data_dir) {
  // The tables of tw2s.json's conversion chain other than TSCharacters, which the
  // character-by-character conversion already applies: the Taiwan variants (著 → 着 but 著名)
  // and the phrases (乾淨 → 干净). Not tw2sp's TWPhrasesRev: it swaps vocabulary (查詢 → 查找,
  // 文件 → 文档, 呼叫 → 调用) where only the script should change.
  constexpr const char* kTables[] = {"TWVariantsRevPhrases", "TWVariantsRev", "TSPhrases"};
  std::vector<std::string> keys;
  for (const char* table : kTables) {
    const std::string path = fmt::format("{}/{}.ocd2", data_dir, table);
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                               &std::fclose);
    if (!file) throw std::runtime_error(fmt::format("cannot read OpenCC table {}", path));
    try {
      const auto lexicon = opencc::MarisaDict::NewFromFile(file.get())->GetLexicon();
      for (std::size_t i = 0; i < lexicon->Length(); ++i) keys.push_back(lexicon->At(i)->Key());
    } catch (const std::exception& e) {
      throw std::runtime_error(fmt::format("cannot read OpenCC table {}: {}", path, e.what()));
    }
  }
  return keys;
}

}  // namespace coach
