#pragma once
// The phrases a rule or a concept looks for in a reply.
#include <vector>

#include "model/marked_text.hpp"

namespace coach {

class YamlNode;
class YamlReader;

// The items of the list under `key`, each refused where it is when nothing of it is left once
// normalised (only spaces, quotation marks or invisible characters): it could never be found.
std::vector<MarkedText> read_phrases(YamlReader& reader, const YamlNode& map, const char* key,
                                     bool required);

}  // namespace coach
