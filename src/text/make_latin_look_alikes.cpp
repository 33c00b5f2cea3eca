// Build step: writes the definition of look_alikes::latin_for (text/look_alikes.hpp).
//   make_latin_look_alikes OUTPUT.cpp
// The letters of other scripts drawn as a Latin letter, from Unicode's confusables data
// (UTS #39) as ICU's spoof checker implements it: a letter reads as the ASCII letter whose
// skeleton its skeleton is. Only this program links ICU; coach gets the table compiled in.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <cctype>
#include <cstdio>
#include <exception>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace {

// Where Unicode's data and the letter as fonts draw it part. Cyrillic ӏ is drawn as its
// capital Ӏ, a stroke as tall as l (Unicode reads it through the dotless ı, as i); Armenian Լ is
// drawn as L, which Unicode does not list.
constexpr std::pair<char32_t, char> kAlsoRead[] = {{U'ӏ', 'l'}, {U'Լ', 'l'}};
// Greek σ has a tail o lacks (Unicode reads it as o). Final ς and capital Σ fold to it, so a
// trainer's pattern may hold them and still match.
constexpr char32_t kNotRead[] = {U'σ'};

// Scripts whose letters are never read as Latin: those a Chinese reply is written in (the
// ideographs' own look-alikes are make_look_alikes' business), and the characters every
// script shares.
bool is_left_alone(UScriptCode script) {
  switch (script) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_BOPOMOFO:
    case USCRIPT_HANGUL:
      return true;
    default:
      return false;
  }
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

std::string utf8(UChar32 cp) {
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(bytes, length, U8_MAX_LENGTH, cp, error);
  if (error) throw std::runtime_error("cannot encode a code point");
  return std::string(bytes, static_cast<std::size_t>(length));
}

std::string name_of(UChar32 cp) {
  char name[256];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_charName(cp, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  check(status, "u_charName");
  return std::string(name, static_cast<std::size_t>(length));
}

class Skeletons {
 public:
  Skeletons() {
    UErrorCode status = U_ZERO_ERROR;
    checker_.reset(uspoof_open(&status));
    check(status, "uspoof_open");
  }

  std::string of(std::string_view text) const {
    char skeleton[256];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length =
        uspoof_getSkeletonUTF8(checker_.get(), 0, text.data(), static_cast<int32_t>(text.size()),
                               skeleton, sizeof skeleton, &status);
    check(status, "uspoof_getSkeletonUTF8");
    return std::string(skeleton, static_cast<std::size_t>(length));
  }

 private:
  struct Close {
    void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
  };
  std::unique_ptr<USpoofChecker, Close> checker_;
};

// Whether NFKC with case folding (what the normaliser applies next) already makes `cp` ASCII:
// full-width Ａ, the Kelvin sign, the long s ſ (which is s, though drawn like f).
bool folds_to_ascii(UChar32 cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfkc_casefold = unorm2_getNFKCCasefoldInstance(&status);
  check(status, "unorm2_getNFKCCasefoldInstance");
  UChar source[2];
  int32_t source_length = 0;
  U16_APPEND_UNSAFE(source, source_length, cp);
  UChar folded[32];
  const int32_t length =
      unorm2_normalize(nfkc_casefold, source, source_length, folded, 32, &status);
  check(status, "unorm2_normalize");
  for (int32_t i = 0; i < length; ++i) {
    if (folded[i] >= 0x80) return false;
  }
  return true;
}

// The letters a skeleton can stand for: "l" for both I and l, "rn" for m.
using Prototypes = std::map<std::string, std::string>;

// Each ASCII letter by its skeleton; then the Latin small capitals (ᴀ, ʟ, ᴍ: the capital drawn
// at the height of a small letter, so ᴄᴀʟᴍ ᴅᴏᴡɴ reads calm down) by theirs, where no ASCII
// letter shares it, each as its letter in lowercase (ᴍ's skeleton is ʍ, and so is Cyrillic м's).
Prototypes prototypes(const Skeletons& skeletons) {
  Prototypes found;
  for (char letter = 'A'; letter <= 'z'; ++letter) {
    if (std::isalpha(static_cast<unsigned char>(letter)))
      found[skeletons.of(std::string(1, letter))] += letter;
  }
  constexpr std::string_view kSmallCapital = "LATIN LETTER SMALL CAPITAL ";
  Prototypes small_capitals;
  for (UChar32 cp = 0x80; cp <= 0x10FFFF; ++cp) {
    const std::string name = name_of(cp);
    if (name.size() != kSmallCapital.size() + 1 || !name.starts_with(kSmallCapital)) continue;
    const std::string skeleton = skeletons.of(utf8(cp));
    if (found.contains(skeleton)) continue;  // ᴄ, ɪ: drawn as c and i already
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(name.back())));
    auto [entry, added] = small_capitals.try_emplace(skeleton, 1, letter);
    if (!added && entry->second != std::string(1, letter))
      throw std::runtime_error("small capitals of two letters share the skeleton " + skeleton);
  }
  if (small_capitals.size() < 10) throw std::runtime_error("ICU names too few small capitals");
  found.merge(small_capitals);
  return found;
}

// The letter (lowercase) a code point with `skeleton` reads as, or 0. Where the skeleton is
// that of both I and l, a capital reads as i (Greek Ι, Cyrillic Ӏ), any other letter as l
// (Hebrew ו).
char latin_letter(const Prototypes& prototypes, const std::string& skeleton, UChar32 cp) {
  const auto found = prototypes.find(skeleton);
  if (found == prototypes.end()) return 0;
  std::string letters = found->second;
  if (letters.size() > 1) {
    std::erase_if(letters, [&](char letter) {
      return (std::isupper(static_cast<unsigned char>(letter)) != 0) != (u_isupper(cp) != 0);
    });
    if (letters.size() != 1) throw std::runtime_error("no one letter for the skeleton " + skeleton);
  }
  return static_cast<char>(std::tolower(static_cast<unsigned char>(letters.front())));
}

std::map<char32_t, char> compute() {
  const Skeletons skeletons;
  const Prototypes letters = prototypes(skeletons);
  std::map<char32_t, char> table;
  for (UChar32 cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (!u_isalpha(cp)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(cp, &status);
    check(status, "uscript_getScript");
    if (is_left_alone(script) || folds_to_ascii(cp)) continue;
    // A letter with a diacritic keeps it in its skeleton (é is e and U+0301): not one letter.
    if (const char letter = latin_letter(letters, skeletons.of(utf8(cp)), cp))
      table[static_cast<char32_t>(cp)] = letter;
  }
  for (const auto& [cp, letter] : kAlsoRead) table[cp] = letter;
  for (const char32_t cp : kNotRead) table.erase(cp);
  // ICU without its confusables data would make an empty table, and coach blind to them.
  if (table.size() < 200 || table[U'а'] != 'a' || table[U'ᴄ'] != 'c')
    throw std::runtime_error("ICU's confusables data gave too few look-alikes");
  return table;
}

void write_table(const std::map<char32_t, char>& table, const std::string& path) {
  std::ofstream out(path);
  out << "// Generated by make_latin_look_alikes from ICU " U_ICU_VERSION
         "'s confusables data: do not edit.\n"
         "#include <algorithm>\n"
         "#include <iterator>\n"
         "#include <utility>\n\n"
         "#include \"text/look_alikes.hpp\"\n\n"
         "namespace coach::look_alikes {\nnamespace {\n\n"
         "constexpr std::pair<char32_t, char> kLatinLookAlikes[] = {\n";
  for (const auto& [code_point, letter] : table) {
    char row[64];
    std::snprintf(row, sizeof row, "    {0x%X, '%c'},", static_cast<unsigned>(code_point), letter);
    out << row << "  // " << name_of(static_cast<UChar32>(code_point)) << "\n";
  }
  out << "};\n"
         "static_assert(std::is_sorted(std::begin(kLatinLookAlikes), "
         "std::end(kLatinLookAlikes)));\n"
         "\n}  // namespace\n\n"
         "char32_t latin_for(char32_t cp) {\n"
         "  const auto found =\n"
         "      std::lower_bound(std::begin(kLatinLookAlikes), std::end(kLatinLookAlikes), cp,\n"
         "                       [](const auto& entry, char32_t c) { return entry.first < c; });\n"
         "  return found != std::end(kLatinLookAlikes) && found->first == cp\n"
         "             ? static_cast<char32_t>(found->second)\n"
         "             : cp;\n"
         "}\n\n"
         "}  // namespace coach::look_alikes\n";
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_latin_look_alikes OUTPUT.cpp\n");
    return 2;
  }
  try {
    write_table(compute(), argv[1]);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "make_latin_look_alikes: %s\n", error.what());
    return 1;
  }
  return 0;
}
