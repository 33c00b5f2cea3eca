#pragma once
// The language a reply is written in. A customer at a Chinese counter or hotline is answered in
// Chinese: a reply mostly in English (王先生, I'm really sorry. 您是说 you made no calls this
// month, right?) would not be accepted by a trainer however many of the rubric's phrases it holds.
// The Latin words customers and staff really use stay fine: APP, SIM卡, 4G, WiFi, iPhone, VIP, OK,
// 100M, a code 123456, an email address, a URL, a flight CA1234.
#include <cstddef>
#include <string_view>

#include "engine/result.hpp"
#include "model/scenario.hpp"

namespace coach {

// How much of a text is Chinese and how much is words of another script.
struct ScriptCount {
  std::size_t han = 0;            // Chinese characters
  std::size_t foreign_words = 0;  // words of Latin (Cyrillic, Hangul …) letters, not the ones
                                  // above: acronyms, words with digits, addresses, tech words
};

ScriptCount count_scripts(std::string_view text);

// Whether most of the words are not Chinese: at least three such words, and more of them than
// the Chinese words of the text (a Chinese word is one and a half characters on average).
bool mostly_foreign(const ScriptCount& count);

// The same of a text, decided from its bytes where they allow (most replies).
bool written_mostly_foreign(std::string_view text);

// Whether the scenario is played in Chinese: its customer's lines and model answers are.
bool speaks_chinese(const Scenario& scenario);

// The failed verdict for a reply in another language in a Chinese scenario.
RuleResult foreign_language_result();

}  // namespace coach
