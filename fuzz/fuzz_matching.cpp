// libFuzzer target: the matching engine against a plain reference. A trainer-written lexicon
// (phrases and RE2 patterns, nasty ones included) and a reply come from the input; the reply is
// normalised (traditional → simplified word by word, full-width, quotation marks) and scanned
// for every concept at once (Aho–Corasick, then each pattern only in the clauses holding the
// words it requires), and the scan must find exactly what a naive search finds: every
// occurrence of every phrase (std::string_view::find) but, of a concept's phrases found starting
// at one place, the longest only, every match of every pattern (RE2 on its own, over the whole
// reply), each flagged negated and quoted the same way. Then a step made
// of every rule kind over those concepts is scored twice: within bounds, evidence on character
// boundaries of the reply, the same verdict both times.
//
// Input: lines of a lexicon, then a line `==`, then the reply (the rest, newlines included).
//   #            starts a new concept (the first one starts by itself)
//   p TEXT       a phrase of the current concept
//   r PATTERN    a pattern of the current concept
//   x PATTERN    a `regex:` rule of the step
//   a TEXT       a phrase of the step's `any_of` / `all_of` / `none_of` rules
// Without a `==` line the whole input is the reply and the lexicon is the bundled one
// (scenarios/lexicons), so the real phrases and patterns are checked too.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/concept_index.hpp"
#include "engine/negation.hpp"
#include "engine/pattern_negation.hpp"
#include "engine/pattern_shape.hpp"
#include "engine/program_size.hpp"
#include "engine/rubric.hpp"
#include "engine/scorer.hpp"
#include "engine/trainer_pattern.hpp"
#include "load/lexicon_loader.hpp"
#include "load/yaml_files.hpp"
#include "text/normalizer.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

#ifndef COACH_FUZZ_SCENARIOS
#error "COACH_FUZZ_SCENARIOS must name the bundled scenario directory"
#endif

namespace {

constexpr std::size_t kMaxConcepts = 8;
constexpr std::size_t kMaxPhrases = 24;  // per concept
constexpr std::size_t kMaxPatterns = 6;  // in the whole input: compiling is the slow part
constexpr std::size_t kMaxReplyBytes = 40000;

[[noreturn]] void fail(const char* what, std::string_view reply) {
  std::fprintf(stderr, "fuzz_matching: %s\nreply (%zu bytes): %s\n", what, reply.size(),
               coach::utf8::escape_controls(reply).c_str());
  std::abort();
}

struct Input {
  std::shared_ptr<coach::Lexicon> lexicon;  // null: the bundled one
  std::vector<std::string> regexes;
  std::vector<std::string> phrases;
  std::string reply;
};

Input parse_input(std::string_view data) {
  Input input;
  const std::size_t separator = data.starts_with("==\n") ? 0 : data.find("\n==\n");
  if (separator == std::string_view::npos) {
    input.reply = std::string(data);
    return input;
  }
  input.reply = std::string(data.substr(separator == 0 ? 3 : separator + 4));
  input.lexicon = std::make_shared<coach::Lexicon>();
  std::size_t patterns = 0;
  coach::Concept* current = nullptr;
  const auto new_concept = [&] {
    if (input.lexicon->size() >= kMaxConcepts) return;
    const std::string id = "c" + std::to_string(input.lexicon->size());
    current = &(*input.lexicon)[id];
    current->id = id, current->label = id, current->source = "fuzz", current->file = "fuzz.yaml";
  };
  const std::string_view head = data.substr(0, separator);
  for (std::size_t start = 0; start < head.size();) {
    std::size_t end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view line = head.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    const std::string text(line.size() >= 2 ? line.substr(2) : std::string_view());
    switch (line[0]) {
      case '#':
        new_concept();
        break;
      case 'p':
        if (!current) new_concept();
        if (current && current->phrases.size() < kMaxPhrases) current->phrases.push_back(text);
        break;
      case 'r':
        if (!current) new_concept();
        if (current && patterns < kMaxPatterns) current->patterns.push_back({text, {}}), ++patterns;
        break;
      case 'x':
        if (patterns < kMaxPatterns) input.regexes.push_back(text), ++patterns;
        break;
      case 'a':
        if (input.phrases.size() < kMaxPhrases) input.phrases.push_back(text);
        break;
      default:
        break;
    }
  }
  return input;
}

const std::shared_ptr<coach::Lexicon>& bundled_lexicon() {
  static const std::shared_ptr<coach::Lexicon> lexicon = [] {
    auto loaded = std::make_shared<coach::Lexicon>();
    coach::Diagnostics diagnostics;
    for (const auto& file : coach::yaml_files_in(COACH_FUZZ_SCENARIOS "/lexicons"))
      coach::load_lexicon_file(file, *loaded, diagnostics);
    if (!diagnostics.empty() || loaded->empty()) {
      std::fprintf(stderr, "fuzz_matching: cannot load the lexicons:\n%s\n",
                   diagnostics.to_string().c_str());
      std::abort();
    }
    return loaded;
  }();
  return lexicon;
}

bool is_boundary(std::string_view text, std::size_t pos) {
  return pos == text.size() ||
         (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80);
}

// What the normaliser promises: a map back to the reply for every byte, in order, on
// characters; quotation flags for every byte.
void check_normalized(const coach::NormalizedText& n, bool valid) {
  const std::string_view reply = n.original;
  if (n.origin_begin.size() != n.text.size() || n.origin_end.size() != n.text.size() ||
      n.quoted.size() != n.text.size())
    fail("the maps of the normalised text do not cover it", reply);
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    if (n.origin_begin[i] >= n.origin_end[i] || n.origin_end[i] > reply.size())
      fail("a normalised byte maps outside the reply", reply);
    if (i > 0 &&
        (n.origin_begin[i] < n.origin_begin[i - 1] || n.origin_end[i] < n.origin_end[i - 1]))
      fail("the map back to the reply goes backwards", reply);
    if (valid && (!is_boundary(reply, n.origin_begin[i]) || !is_boundary(reply, n.origin_end[i])))
      fail("a normalised byte maps into the middle of a character", reply);
  }
  if (valid && coach::utf8::find_invalid(n.text)) fail("the normalised text is not UTF-8", reply);
  if (valid && coach::utf8::has_control_characters(n.text))
    fail("the normalised text has control characters the reply did not have", reply);
}

struct Found {
  std::size_t begin, end, source;
  bool negated, quoted;
  bool operator==(const Found&) const = default;
};

// A phrase's negation is read before it; a pattern's before it and inside it.
coach::Negation negation_of(const coach::PhraseMatcher& matcher, std::string_view text,
                            const coach::PhraseMatch& m) {
  if (m.source < matcher.phrases().size()) return coach::read_negation(text, m.span.begin);
  const auto& pattern = *matcher.patterns()[m.source - matcher.phrases().size()];
  return coach::read_pattern_negation(text, m.span, pattern.words().required);
}

std::vector<Found> reference(const coach::PhraseMatcher& matcher, const coach::NormalizedText& n) {
  std::vector<coach::PhraseMatch> all;
  const std::string_view text = n.text;
  for (std::size_t i = 0; i < matcher.phrases().size(); ++i) {
    const std::string& phrase = matcher.phrases()[i];
    for (std::size_t at = text.find(phrase); at != std::string_view::npos;
         at = text.find(phrase, at + 1))
      all.push_back({{at, at + phrase.size()}, i});
  }
  for (std::size_t i = 0; i < matcher.patterns().size(); ++i) {
    // What a context group matched is left out of a match's words (engine/context_groups),
    // found by RE2 itself from the group's captures.
    const coach::TrainerPattern& pattern = *matcher.patterns()[i];
    coach::for_each_pattern_match(pattern.regex(), text, [&](std::size_t b, std::size_t e) {
      all.push_back({pattern.words_of(text, {b, e}), matcher.phrases().size() + i});
    });
  }
  std::sort(all.begin(), all.end());
  std::vector<Found> out;
  std::size_t phrase_at = SIZE_MAX;  // where the last phrase kept begins
  for (const auto& m : all) {
    // Of the phrases found starting at one place only the longest is kept (LongestAtPlace,
    // engine/phrase_matcher.hpp); in text order it comes first there.
    const bool phrase = m.source < matcher.phrases().size();
    if (phrase && m.span.begin == phrase_at) continue;
    if (phrase) phrase_at = m.span.begin;
    out.push_back({m.span.begin, m.span.end, m.source, negation_of(matcher, text, m).negated,
                   n.is_quoted(m.span.begin)});
  }
  return out;
}

// A pattern the load accepted is compiled only when a reply needs it, so the load must have
// foreseen every one past the instruction limit: program_size_bound may never be below the real
// size. Nor may a pattern that matches empty text have passed for one that needs a character
// (requires_a_character spares the load reading its words).
void check_accepted_patterns(const coach::PhraseMatcher& matcher, std::string_view reply) {
  for (const auto& pattern : matcher.patterns()) {
    const RE2& regex = pattern->regex();
    if (!regex.ok()) fail("a pattern the load accepted does not compile", reply);
    const auto size = static_cast<std::size_t>(regex.ProgramSize());
    if (size > coach::program_size_bound(pattern->text()))
      fail("a pattern's program is larger than its bound", reply);
    if (size > coach::kMaxPatternInstructions)
      fail("a pattern the load accepted has more instructions than the limit", reply);
    if (coach::requires_a_character(pattern->text()) && coach::can_match_empty(regex))
      fail("a pattern read as needing a character matches empty text", reply);
  }
}

// The occurrences of the reply's own reading: those found only by reading through a pause
// (PhraseMatch::across_pause) come from its second reading, which is checked on its own.
std::vector<coach::PhraseMatch> own_reading(std::span<const coach::PhraseMatch> matches,
                                            std::string_view reply, std::size_t text_size) {
  std::vector<coach::PhraseMatch> own;
  for (const coach::PhraseMatch& match : matches) {
    if (!match.across_pause) {
      own.push_back(match);
    } else if (match.span.begin >= match.span.end || match.span.end > text_size) {
      fail("an occurrence across a pause lies outside the reply", reply);
    }
  }
  return own;
}

void compare(const char* what, const std::vector<Found>& expected,
             std::span<const coach::PhraseMatch> got, bool check_quoted, std::string_view reply) {
  bool same = expected.size() == got.size();
  for (std::size_t i = 0; same && i < got.size(); ++i) {
    const Found actual{got[i].span.begin, got[i].span.end, got[i].source, got[i].negated,
                       check_quoted ? got[i].quoted : expected[i].quoted};
    same = actual == expected[i];
  }
  if (same) return;
  std::fprintf(stderr, "%s: expected %zu occurrences, found %zu\n", what, expected.size(),
               got.size());
  for (const auto& f : expected)
    std::fprintf(stderr, "  expected [%zu,%zu) source %zu negated %d quoted %d\n", f.begin, f.end,
                 f.source, f.negated, f.quoted);
  for (const auto& m : got)
    std::fprintf(stderr, "  found    [%zu,%zu) source %zu negated %d quoted %d\n", m.span.begin,
                 m.span.end, m.source, m.negated, m.quoted);
  fail("the scan differs from the naive search", reply);
}

// A step with every rule kind over the concepts of the lexicon.
std::shared_ptr<coach::Scenario> scenario_for(const coach::Lexicon& lexicon, const Input& input) {
  auto scenario = std::make_shared<coach::Scenario>();
  scenario->id = "fuzz", scenario->title = "fuzz", scenario->source = "fuzz";
  scenario->customer.name = "王先生";
  coach::Step step;
  step.id = "s", step.customer_line = "…";
  const auto add = [&](coach::RuleKind kind, auto&& set) {
    coach::Rule rule;
    rule.kind = kind;
    set(rule);
    step.rules.push_back(std::move(rule));
  };
  std::vector<std::string> ids;
  for (const auto& [id, unused] : lexicon) ids.push_back(id);
  for (std::size_t i = 0; i < ids.size() && i < kMaxConcepts; ++i) {
    add(coach::RuleKind::concept_present, [&](coach::Rule& r) { r.concept_id = ids[i]; });
    add(coach::RuleKind::concept_forbidden, [&](coach::Rule& r) {
      r.concept_id = ids[i], r.negation = false, r.critical = i % 2 == 1, r.points = 0;
    });
  }
  if (ids.size() >= 2)
    add(coach::RuleKind::order, [&](coach::Rule& r) { r.order_items = {ids[0], ids[1]}; });
  for (const auto& pattern : input.regexes)
    add(coach::RuleKind::regex, [&](coach::Rule& r) { r.pattern = pattern; });
  if (!input.phrases.empty()) {
    for (auto kind : {coach::RuleKind::any_of, coach::RuleKind::all_of, coach::RuleKind::none_of})
      add(kind, [&](coach::Rule& r) { r.phrases = input.phrases; });
  }
  add(coach::RuleKind::asks_question,
      [](coach::Rule& r) { r.question = coach::QuestionKind::open; });
  add(coach::RuleKind::asks_question, [](coach::Rule& r) { r.count = 2; });
  add(coach::RuleKind::addresses_customer,
      [](coach::Rule& r) { r.address = coach::AddressMode::title; });
  add(coach::RuleKind::addresses_customer, [](coach::Rule&) {});
  add(coach::RuleKind::min_chars, [](coach::Rule& r) { r.limit = 10; });
  add(coach::RuleKind::max_chars, [](coach::Rule& r) { r.limit = 200; });
  scenario->steps.push_back(std::move(step));
  return scenario;
}

void check_result(const coach::StepResult& result, std::string_view reply, bool valid) {
  if (result.score < 0 || result.score > result.max) fail("step score out of bounds", reply);
  for (const auto& rule : result.rules) {
    if (rule.points < 0 || rule.points > rule.max) fail("rule points out of bounds", reply);
    for (const coach::TextSpan span : rule.matched) {
      if (span.begin > span.end || span.end > reply.size())
        fail("evidence outside the reply", reply);
      if (valid && (!is_boundary(reply, span.begin) || !is_boundary(reply, span.end)))
        fail("evidence cuts a character", reply);
      if (result.text_at(span) != reply.substr(span.begin, span.end - span.begin))
        fail("evidence text is not the reply's text at its span", reply);
    }
  }
}

bool same_verdict(const coach::StepResult& a, const coach::StepResult& b) {
  if (a.score != b.score || a.max != b.max || a.passed != b.passed || a.stuffed != b.stuffed ||
      a.rules.size() != b.rules.size())
    return false;
  for (std::size_t i = 0; i < a.rules.size(); ++i) {
    if (a.rules[i].ok != b.rules[i].ok || a.rules[i].matched.size() != b.rules[i].matched.size())
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Input input = parse_input(std::string_view(reinterpret_cast<const char*>(data), size));
  if (input.reply.size() > kMaxReplyBytes) return -1;
  coach::set_language(coach::Language::en);
  const bool custom = input.lexicon != nullptr;
  const std::shared_ptr<coach::Lexicon> lexicon = custom ? input.lexicon : bundled_lexicon();
  coach::Diagnostics diagnostics;
  // The bundled lexicon compiles once; a lexicon of the input, for each input.
  static const coach::ConceptIndex bundled(bundled_lexicon(), diagnostics);
  std::optional<coach::ConceptIndex> own;
  if (custom) own.emplace(lexicon, diagnostics);
  const coach::ConceptIndex& concepts = custom ? *own : bundled;
  const std::string_view reply = input.reply;
  const bool valid = !coach::utf8::find_invalid(reply);

  const coach::NormalizedText normalized = coach::normalize(reply);
  check_normalized(normalized, valid);
  const coach::ReplyScan scan = concepts.scan(normalized);
  std::optional<coach::ReplyScan> through;
  if (normalized.read_through) through = concepts.scan(*normalized.read_through);
  for (const auto& [id, compiled] : concepts.all()) {
    const std::vector<Found> expected = reference(*compiled.matcher, normalized);
    compare("the scan", expected,
            own_reading(scan.of(compiled.index), reply, normalized.text.size()), true, reply);
    if (through) {
      compare("the scan of the reading through pauses",
              reference(*compiled.matcher, *normalized.read_through), through->of(compiled.index),
              true, reply);
    }
    const auto all = compiled.matcher->find_all(normalized.text);
    compare("PhraseMatcher::find_all", expected, all, false, reply);
    if (custom) check_accepted_patterns(*compiled.matcher, reply);
  }

  // The same reply scored as a step with every rule kind (of the bundled lexicon: the first few).
  auto scenario = scenario_for(*lexicon, input);
  auto rubric = coach::Rubric::compile(scenario, concepts, diagnostics);
  if (!rubric) return 0;  // an invalid pattern: reported, as the loader would
  for (const auto& step : rubric->steps()) {
    const coach::StepResult first = coach::score_step(step, rubric->scenario(), reply);
    check_result(first, reply, valid);
    const coach::StepResult second = coach::score_step(step, rubric->scenario(), reply);
    if (!same_verdict(first, second)) fail("the same reply scored twice differs", reply);
  }
  for (const auto& item : diagnostics.items()) (void)item.to_string();
  return 0;
}
