// Build step: writes the definitions of text/simplified_tables.hpp from OpenCC's tables.
//   make_simplified_tables OPENCC_DATA_DIR OUTPUT.cpp
// Every code point is folded as the normaliser folds it and converted with t2s; every word of
// the phrase tables (opencc_phrase_keys.hpp) is converted whole with tw2s. Each converter runs
// once over all its inputs, one per line: no table key holds a line break, so no conversion
// reaches across lines.
#include <opencc/SimpleConverter.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "text/nfkc.hpp"
#include "text/opencc_phrase_keys.hpp"

namespace {

bool is_ascii(const std::string& text) {
  for (const unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Each input on its own line, converted in one call, and split back.
std::vector<std::string> convert_lines(const std::string& config,
                                       const std::vector<std::string>& inputs) {
  std::string joined;
  for (const auto& input : inputs) joined += input + '\n';
  const std::string converted = opencc::SimpleConverter(config).Convert(joined);
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = converted.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(converted.substr(start, end - start));
  if (lines.size() != inputs.size() || start != converted.size())
    throw std::runtime_error(config + " did not keep one line per input");
  return lines;
}

// Octal escapes: always three digits, so no following character can extend one.
std::string literal(const std::string& text) {
  std::string out = "\"";
  char escape[8];
  for (const unsigned char c : text) {
    std::snprintf(escape, sizeof escape, "\\%03o", c);
    out += escape;
  }
  return out + "\"";
}

void write_characters(std::ofstream& out, const std::string& data_dir) {
  std::vector<char32_t> code_points;
  std::vector<std::string> folded;
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates: never decoded from UTF-8
    std::string form = coach::nfkc_casefold(cp);
    // The normaliser leaves ASCII forms alone; a line break or NUL would split the batch.
    if (is_ascii(form)) continue;
    code_points.push_back(cp);
    folded.push_back(std::move(form));
  }
  const std::vector<std::string> simplified = convert_lines(data_dir + "/t2s.json", folded);
  out << "constexpr CharacterConversion kCharacters[] = {\n";
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    if (simplified[i] == folded[i]) continue;
    out << "    {0x" << std::hex << static_cast<unsigned>(code_points[i]) << std::dec << ", "
        << literal(simplified[i]) << "},\n";
  }
  out << "};\n\n";
}

// Whether a word may be converted in a reply written in simplified characters (不瞭解 →
// 不了解, 藉口 → 借口): not when the character it changes is one mainland text also writes, in
// other words, as it is. 覆 is the one: 覆盖 is simplified, and read from the left 显示覆盖
// holds 示覆 (示复), 说明覆盖 holds 明覆. Such words are converted only in traditional text.
bool converts_in_simplified_text(const std::string& word, const std::string& simplified) {
  constexpr std::string_view kAlsoSimplified[] = {"覆"};
  return std::none_of(std::begin(kAlsoSimplified), std::end(kAlsoSimplified),
                      [&](std::string_view character) {
                        return word.find(character) != std::string::npos &&
                               simplified.find(character) == std::string::npos;
                      });
}

// The words, less two of the Taiwan variant table's: it takes 么 for a form of 幺 and writes
// 抬 as 擡, but in a reply 么 is the 么 of 什么 and 抬 is how mainland text writes it.
std::vector<std::string> phrase_words(const std::string& data_dir) {
  constexpr std::string_view kKeptAsTyped[] = {"么", "抬"};
  std::vector<std::string> words = coach::opencc_phrase_keys(data_dir);
  std::erase_if(words, [&](const std::string& word) {
    return std::find(std::begin(kKeptAsTyped), std::end(kKeptAsTyped), word) !=
           std::end(kKeptAsTyped);
  });
  return words;
}

// The variant table turns 著 into 着 (看著 → 看着) except in the words it lists, in
// traditional spelling only (顯著, 著稱): their simplified spelling (显著, 著称) is added as a
// word that stays as it is, so that 著 reads the same in 显著 as in 顯著.
void add_simplified_spellings(std::vector<std::string>& words,
                              std::vector<std::string>& simplified) {
  const std::vector<std::string> keys = words;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (simplified[i].find("著") == std::string::npos || simplified[i] == keys[i]) continue;
    if (std::find(keys.begin(), keys.end(), simplified[i]) != keys.end()) continue;
    words.push_back(simplified[i]);
    simplified.push_back(simplified[i]);
  }
}

void write_phrases(std::ofstream& out, const std::string& data_dir) {
  std::vector<std::string> words = phrase_words(data_dir);
  std::vector<std::string> simplified = convert_lines(data_dir + "/tw2s.json", words);
  add_simplified_spellings(words, simplified);
  out << "constexpr PhraseConversion kPhrases[] = {\n";
  for (std::size_t i = 0; i < words.size(); ++i) {
    out << "    {" << literal(words[i]) << ", " << literal(simplified[i]) << ", "
        << (converts_in_simplified_text(words[i], simplified[i]) ? "true" : "false") << "},\n";
  }
  out << "};\n\n";
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_simplified_tables OPENCC_DATA_DIR OUTPUT.cpp\n");
    return 2;
  }
  const std::string data_dir = argv[1];
  const std::string output = argv[2];
  std::ofstream out(output + ".tmp", std::ios::binary);
  out << "// Generated by make_simplified_tables from OpenCC's tables in " << data_dir
      << ". Do not edit.\n#include \"text/simplified_tables.hpp\"\n\n"
         "namespace coach::simplified_tables {\nnamespace {\n\n";
  write_characters(out, data_dir);
  write_phrases(out, data_dir);
  out << "}  // namespace\n\n"
         "std::span<const CharacterConversion> characters() { return kCharacters; }\n"
         "std::span<const PhraseConversion> phrases() { return kPhrases; }\n\n"
         "}  // namespace coach::simplified_tables\n";
  out.close();
  if (!out || std::rename((output + ".tmp").c_str(), output.c_str()) != 0)
    throw std::runtime_error("cannot write " + output);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "make_simplified_tables: %s (install libopencc-data)\n", e.what());
  return 1;
}
