#pragma once
// The words of OpenCC's Taiwan → mainland phrase tables (簡訊, 軟體, 乾淨 …): the only places
// where converting phrase by phrase can differ from converting character by character.
#include <string>
#include <vector>

namespace coach {

// Every key of the tables tw2sp.json consults besides its character table. Throws
// std::runtime_error naming the file when one cannot be read.
std::vector<std::string> opencc_phrase_keys(const std::string& data_dir);

}  // namespace coach
