#pragma once
// The words of OpenCC's traditional (Taiwan standard) → simplified tables besides its character
// table (乾淨, 瞭解, 著名, 著 …): the only places where converting word by word can differ
// from converting character by character.
#include <string>
#include <vector>

namespace coach {

// Every key of the tables tw2s.json consults besides its character table. Throws
// std::runtime_error naming the file when one cannot be read.
std::vector<std::string> opencc_phrase_keys(const std::string& data_dir);

}  // namespace coach
