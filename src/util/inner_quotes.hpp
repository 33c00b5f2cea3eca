#pragma once
// Quotes inside quotes take the inner form: 必过规则「避免『责怪』」 rather than 「避免「责怪」」,
// the rule “says one of: ‘不在三包范围内’” rather than two pairs of “” that read as one.
#include <string>

namespace coach {

// `text` ready to be quoted as tr("「{}」", "“{}”") quotes it: in Chinese its 「」 become 『』
// (its “” already read as inner quotes there), in English its “” become ‘’.
std::string with_inner_quotes(std::string text);

}  // namespace coach
