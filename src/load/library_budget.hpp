#pragma once
// Limits on the library as a whole. Each pattern is bounded on its own (engine/trainer_pattern),
// but every reply is searched for every concept of every lexicon, and a reply that holds the
// words of many patterns wakes them all: four thousand patterns, each within its limit, made one
// reply take 24 s and 1.8 GB. Phrases cost memory at every start: three lexicons of 900,000
// phrases made `coach list` take 8 s and 875 MB.
#include <cstddef>

#include "model/lexicon.hpp"
#include "model/scenario.hpp"
#include "util/diagnostic.hpp"

namespace coach {

// The summed bounds of the RE2 programs (engine/program_size) one reply may wake: the patterns
// of every lexicon and the regexes of its own scenario. The bundled library's come to about
// 460,000, its largest scenario adding 14,000.
inline constexpr std::size_t kMaxWokenPatternInstructions = 2'000'000;
// The phrases of all lexicons and of all scenarios' rules together. The bundled library holds
// about 2,000.
inline constexpr std::size_t kMaxLexiconPhrases = 200'000;
// Their characters together: a phrase costs memory by its length too, and 5,300 phrases of
// 1,000 characters (a 16 MiB lexicon) made every command take 0.8 GB (outside pass 48, finding
// 07). The bundled library's come to about 10,000.
inline constexpr std::size_t kMaxLexiconPhraseCharacters = 1'000'000;

// Phrases counted against kMaxLexiconPhrases and kMaxLexiconPhraseCharacters together.
struct PhraseCount {
  std::size_t phrases = 0;
  std::size_t characters = 0;
};

struct LexiconBudget {
  bool within = true;
  std::size_t pattern_instructions = 0;  // what the lexicons' patterns take of the budget
  PhraseCount phrases;                   // and their phrases
};

// An error at the concept or pattern that takes the lexicons past a limit.
LexiconBudget check_lexicon_budget(const Lexicon& lexicon, Diagnostics& diagnostics);

// Whether the scenario's own regexes fit in what the lexicons leave; an error at the first that
// does not.
bool scenario_within_budget(const Scenario& scenario, std::size_t lexicon_instructions,
                            Diagnostics& diagnostics);

// Whether the phrases of the scenario's rules (`any_of`, `all_of`, `none_of`) fit in what the
// lexicons and the scenarios loaded before it left of kMaxLexiconPhrases and
// kMaxLexiconPhraseCharacters: every command loads them all. `phrases` is the count so far, and
// grows by the scenario's when they fit; an error at the rule that passes a limit.
bool scenario_phrases_within_budget(const Scenario& scenario, PhraseCount& phrases,
                                    Diagnostics& diagnostics);

}  // namespace coach
