#include "engine/stuffing.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/filler.hpp"
#include "engine/grammar_words.hpp"
#include "engine/repeated_sentences.hpp"
#include "engine/rubric_form.hpp"
#include "engine/stuffing_fragments.hpp"
#include "text/clauses.hpp"
#include "util/i18n.hpp"
#include "util/thread_scratch.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// A clause that is all but entirely a chain of three or more rubric phrases, back to back.
constexpr int kRunOnPhrases = 3;
constexpr double kRunOnCoverage = 0.95;
// Or a whole reply of many phrases, one idea said three times over, and hardly a word of
// the trainee's own (王先生您好,非常抱歉,给您添麻烦了,您慢慢说 is still a reply).
constexpr int kManyPhrases = 5;
constexpr int kRepeats = 3;
constexpr std::size_t kFewOwnCharacters = 3;

// Or a clause that is a list of ideas rather than a sentence: most of it rubric phrases, from
// four or more concepts or two said twice (unless the trainee's own words hold its grammar), or
// one idea said three times over.
constexpr int kListPhrases = 4;
constexpr double kListCoverage = 0.6;
constexpr int kListConcepts = 4;

// Or a telegram: four or more fragments that are each a rubric phrase standing alone
// (王先生,原因是, 办理,今天之内) or a question word asked alone (什么?对吗?), and no sentence among
// them. Commas, or any other mark between the keywords, do not make sentences of them.
constexpr int kTelegramKeywords = 4;
// A keyword is short (今天之内; 让您久等了 is a sentence) and has at most a word around it
// (我是工号1234).
constexpr std::size_t kKeywordCharacters = 4;
constexpr std::size_t kKeywordOwnCharacters = 2;
constexpr std::size_t kBareQuestionCharacters = 3;  // 什么? 对吗? 为什么?
// A clause this short is no sentence either, but it is no rubric phrase: 好的, 您说, 再见.
constexpr std::size_t kTokenCharacters = 2;

struct ConceptFind {
  std::size_t concept_index;
  TextSpan span;  // original offsets
};

struct PhraseFinds {
  std::vector<TextSpan> spans;        // original offsets, sorted, merged
  std::vector<ConceptFind> concepts;  // each concept's distinct finds, in order of where they begin
  int most_repeated = 0;              // the largest number of finds of one concept
};

bool inside(TextSpan span, TextSpan clause) {
  return span.begin >= clause.begin && span.end <= clause.end;
}

TextSpan span_of(TextSpan span) {
  return span;
}
TextSpan span_of(const ConceptFind& find) {
  return find.span;
}

// The items of `sorted` (in order of where they begin) that begin inside `clause`: the only
// ones that can lie inside it. Looked up, not scanned, so a long reply costs no more per clause.
template <typename Item>
std::span<const Item> beginning_in(const std::vector<Item>& sorted, TextSpan clause) {
  const auto begins_before = [](const Item& item, std::size_t at) {
    return span_of(item).begin < at;
  };
  const auto first = std::lower_bound(sorted.begin(), sorted.end(), clause.begin, begins_before);
  const auto last = std::lower_bound(first, sorted.end(), clause.end, begins_before);
  return {first, last};
}

// The grammar of the trainee's own words in `range`: outside every phrase, one that begins
// before the range included.
Grammar own_grammar(std::string_view text, TextSpan range, const PhraseFinds& finds) {
  const auto& spans = finds.spans;
  auto next = std::upper_bound(spans.begin(), spans.end(), range.begin,
                               [](std::size_t at, TextSpan span) { return at < span.begin; });
  std::size_t own_from = range.begin;
  if (next != spans.begin()) own_from = std::max(own_from, std::prev(next)->end);
  Grammar grammar;
  const auto add_own = [&](std::size_t to) {
    if (to > own_from) grammar += grammar_of(text.substr(own_from, to - own_from));
  };
  for (; next != spans.end() && next->begin < range.end; ++next) {
    add_own(next->begin);
    own_from = std::max(own_from, next->end);
  }
  add_own(range.end);
  return grammar;
}

// Calls counted(times) for each concept found inside `clause`, with how many times it is said
// over: once after another with no words of the trainee's own between them that hold grammar.
// A sentence typed without commas may say an idea twice (先生您好钱无缘无故少了…请问您贵姓
// greets twice, not three times); 对不起抱歉不好意思 says it three times.
template <typename Counted>
void for_each_concept_in(std::string_view text, TextSpan clause, const PhraseFinds& finds,
                         Counted counted) {
  // Scratch: no allocation per clause.
  static thread_local auto& found = thread_scratch<std::vector<ConceptFind>>();
  found.clear();
  for (const ConceptFind& find : beginning_in(finds.concepts, clause)) {
    if (inside(find.span, clause)) found.push_back(find);
  }
  std::stable_sort(found.begin(), found.end(), [](const ConceptFind& a, const ConceptFind& b) {
    return a.concept_index < b.concept_index;
  });
  for (std::size_t at = 0; at < found.size();) {
    int times = 1;
    int most = 1;
    for (++at; at < found.size() && found[at].concept_index == found[at - 1].concept_index; ++at) {
      const TextSpan between{found[at - 1].span.end, found[at].span.begin};
      const bool said_between =
          between.begin < between.end && holds_a_sentence(own_grammar(text, between, finds));
      times = said_between ? 1 : times + 1;
      most = std::max(most, times);
    }
    counted(most);
  }
}

// The rules whose phrases are no lexicon concept's. What a concept or order rule matched, the
// concept scan below finds too, with a pattern's words between its anchors left to the trainee
// (如果您愿意可以把情况慢慢告诉: only 如果您愿 is rubric wording), as in any other concept.
bool counts_as_phrase(const RuleResult& rule) {
  return rule.ok &&
         (rule.kind == "any_of" || rule.kind == "all_of" || rule.kind == "addresses_customer");
}

void sort_and_merge(std::vector<TextSpan>& spans) {
  std::sort(spans.begin(), spans.end(), [](auto a, auto b) { return a.begin < b.begin; });
  std::size_t kept = 0;
  for (const TextSpan span : spans) {
    if (kept > 0 && span.begin < spans[kept - 1].end) {
      spans[kept - 1].end = std::max(spans[kept - 1].end, span.end);
    } else {
      spans[kept++] = span;
    }
  }
  spans.resize(kept);
}

// A pattern such as 如果您愿意.*告诉 spans the trainee's own words between its anchors: only
// its first few characters count as rubric wording.
TextSpan clip_pattern_match(const PhraseMatcher& matcher, const PhraseMatch& match,
                            std::string_view text) {
  constexpr std::size_t kPatternCharacters = 4;
  if (match.source < matcher.phrases().size()) return match.span;
  std::size_t end = match.span.begin;
  for (std::size_t n = 0; n < kPatternCharacters && end < match.span.end; ++n)
    utf8::decode(text, end);
  return {match.span.begin, std::min(end, match.span.end)};
}

// A phrase that is all filler (嗯, 噢, 哈哈哈, listed by a concept of listening) is no more a
// rubric phrase than it is the trainee's own words: 噢真的啊对不起是嗯 is no chain of four.
PhraseFinds find_phrases(const NormalizedText& reply, const ReplyScan& scan,
                         const std::vector<RuleResult>& rules, const ConceptIndex& concepts,
                         const Filler& filler) {
  PhraseFinds finds;
  std::vector<TextSpan>& spans = finds.spans;
  for (const auto& rule : rules) {
    if (!counts_as_phrase(rule)) continue;
    for (const TextSpan span : rule.matched)
      if (!filler.fills(span)) spans.push_back(span);
  }
  for (std::size_t index = 0; index < concepts.size(); ++index) {
    int distinct = 0;
    std::size_t previous_end = 0;
    for (const auto& match : scan.of(index)) {
      if (match.negated || match.across_pause) continue;
      const TextSpan span =
          reply.to_original(clip_pattern_match(*concepts.at(index).matcher, match, reply.text));
      if (filler.fills(span)) continue;
      // A phrase inside another (账户安全 in 保护您的账户安全, 号码 in 手机号码) is rubric
      // wording too, but not the idea said again.
      spans.push_back(span);
      if (distinct > 0 && match.span.begin < previous_end) continue;
      previous_end = match.span.end;
      ++distinct;
      finds.concepts.push_back({index, span});
    }
    finds.most_repeated = std::max(finds.most_repeated, distinct);
  }
  sort_and_merge(spans);
  std::stable_sort(
      finds.concepts.begin(), finds.concepts.end(),
      [](const ConceptFind& a, const ConceptFind& b) { return a.span.begin < b.span.begin; });
  return finds;
}

std::size_t characters_in(const std::string& text, TextSpan span) {
  return utf8::count_code_points(std::string_view(text).substr(span.begin, span.end - span.begin));
}

// The longest chain of phrases inside `clause` that follow one another with nothing between
// them, and how many characters the chain covers. Real sentences glue phrases together
// (会反馈给相关部门核实, 谢谢您这么多年一直信任我们); stuffing does not.
struct Chain {
  int phrases = 0;
  std::size_t characters = 0;
};

Chain longest_chain(const std::string& text, TextSpan clause, const PhraseFinds& finds,
                    const Filler& filler) {
  Chain best;
  Chain current;
  std::size_t previous_end = 0;
  for (const TextSpan span : beginning_in(finds.spans, clause)) {
    if (!inside(span, clause)) continue;
    const TextSpan gap{previous_end, span.begin};
    const bool follows = current.phrases > 0 && filler.joins(gap);
    if (!follows) current = {};
    // Glue that is not filler everywhere (的, 好的好的 between two phrases) belongs to the chain.
    if (follows) current.characters += characters_in(text, gap) - filler.characters(gap);
    current.phrases += 1;
    current.characters += characters_in(text, span);
    previous_end = span.end;
    if (current.phrases > best.phrases) best = current;
  }
  return best;
}

bool repeats_a_concept(std::string_view text, TextSpan clause, const PhraseFinds& finds) {
  bool repeats = false;
  for_each_concept_in(text, clause, finds, [&](int times) { repeats = repeats || times >= 2; });
  return repeats;
}

bool is_run_on(const NormalizedText& reply, TextSpan clause, const PhraseFinds& finds,
               const Filler& filler) {
  const Chain chain = longest_chain(reply.original, clause, finds, filler);
  if (chain.phrases < kRunOnPhrases) return false;
  const std::size_t length = characters_in(reply.original, clause) - filler.characters(clause);
  // 明天下午5点前查清楚给您回电话 is three phrases back to back and still a sentence;
  // 对不起抱歉不好意思 says one thing three times.
  const bool list_like =
      chain.phrases > kRunOnPhrases || repeats_a_concept(reply.original, clause, finds);
  return list_like && chain.characters >= kRunOnCoverage * length;
}

bool is_list_of_ideas(const NormalizedText& reply, TextSpan clause, const PhraseFinds& finds,
                      const Filler& filler) {
  int phrases = 0;
  std::size_t covered = 0;
  for (const TextSpan span : beginning_in(finds.spans, clause)) {
    if (!inside(span, clause)) continue;
    ++phrases;
    covered += characters_in(reply.original, span);
  }
  if (phrases < kListPhrases) return false;
  const std::size_t words = characters_in(reply.original, clause) - filler.characters(clause);
  if (covered < kListCoverage * words) return false;
  int concepts = 0;
  int repeated = 0;
  int said_three_times = 0;
  for_each_concept_in(reply.original, clause, finds, [&](int times) {
    ++concepts;
    repeated += times >= 2 ? 1 : 0;
    said_three_times += times >= 3 ? 1 : 0;
  });
  // One idea said three times over is a list whatever joins it. Many ideas, or two said twice,
  // make a list unless the trainee's own words between them hold the grammar of a sentence (那,
  // 呢, 已经, 的, 您 …): 刘小姐您的心情我能够理解那您希望我们怎样帮您解决呢 is one, typed
  // without commas.
  if (said_three_times > 0) return true;
  return (repeated >= 2 || concepts >= kListConcepts) &&
         !holds_a_sentence(own_grammar(reply.original, clause, finds));
}

// How many characters of `clause` (normalised offsets) are the trainee's own: neither in a
// phrase nor filler.
std::size_t own_characters(const NormalizedText& reply, TextSpan clause, const PhraseFinds& finds,
                           const Filler& filler) {
  std::size_t own = 0;
  const auto& spans = finds.spans;
  for (std::size_t at = clause.begin; at < clause.end; ++at) {
    if ((static_cast<unsigned char>(reply.text[at]) & 0xC0) == 0x80) continue;
    const TextSpan source{reply.origin_begin[at], reply.origin_end[at]};
    const auto after =
        std::upper_bound(spans.begin(), spans.end(), source.begin,
                         [](std::size_t at, TextSpan span) { return at < span.begin; });
    const bool in_phrase = after != spans.begin() && source.end <= std::prev(after)->end;
    if (!in_phrase && !filler.fills(source)) ++own;
  }
  return own;
}

// The trainee's own characters in the whole reply, counted only when a test asks for them.
class OwnInReply {
 public:
  OwnInReply(const NormalizedText& reply, const std::vector<Clause>& clauses,
             const PhraseFinds& finds, const Filler& filler)
      : reply_(reply), clauses_(clauses), finds_(finds), filler_(filler) {}

  std::size_t get() {
    if (!counted_) {
      for (const Clause& clause : clauses_)
        own_ += own_characters(reply_, clause.span, finds_, filler_);
      counted_ = true;
    }
    return own_;
  }

 private:
  const NormalizedText& reply_;
  const std::vector<Clause>& clauses_;
  const PhraseFinds& finds_;
  const Filler& filler_;
  bool counted_ = false;
  std::size_t own_ = 0;
};

// A fragment that strings phrases together (a run-on of them, or a list of ideas), in a reply
// that says no more of its own elsewhere than the fragment holds: one such fragment before
// 我确认一下:您这个月一个电话都没打… is an eager start, not stuffing.
bool has_stuffed_fragment(const NormalizedText& reply, const std::vector<Fragment>& fragments,
                          const PhraseFinds& finds, const Filler& filler, OwnInReply& own) {
  for (const Fragment& fragment : fragments) {
    if (!is_run_on(reply, fragment.original, finds, filler) &&
        !is_list_of_ideas(reply, fragment.original, finds, filler))
      continue;
    const std::size_t own_elsewhere =
        own.get() - own_characters(reply, fragment.span, finds, filler);
    if (own_elsewhere < characters_in(reply.original, fragment.original)) return true;
  }
  return false;
}

// Whether the trainee's own words in `clauses` are at most `most`: a long reply is settled after
// its first clauses.
bool own_words_at_most(const NormalizedText& reply, const std::vector<Clause>& clauses,
                       const PhraseFinds& finds, const Filler& filler, std::size_t most) {
  std::size_t own = 0;
  for (const Clause& clause : clauses) {
    own += own_characters(reply, clause.span, finds, filler);
    if (own > most) return false;
  }
  return true;
}

// Whether a fragment of at least three characters is said by someone to someone: it holds 我,
// 您 or 你 (not the greeting 您好) or asks with 请. Such a fragment is a sentence however short
// (请这边坐, 我理解您, 您慢慢说, 请问您贵姓), while a list's keywords are not (原因是, 办理,
// 今天之内).
bool speaks_to_someone(std::string_view fragment, std::size_t words) {
  constexpr std::size_t kShortestSentence = 3;
  if (words < kShortestSentence) return false;
  if (fragment.starts_with("请")) return true;
  for (const std::string_view pronoun : {"我", "您", "你"}) {
    for (std::size_t at = fragment.find(pronoun); at != std::string_view::npos;
         at = fragment.find(pronoun, at + pronoun.size())) {
      if (fragment.substr(at + pronoun.size()).starts_with("好")) continue;
      return true;
    }
  }
  return false;
}

std::string_view text_of(const NormalizedText& reply, const Fragment& fragment) {
  return std::string_view(reply.text)
      .substr(fragment.span.begin, fragment.span.end - fragment.span.begin);
}

// How many characters of a fragment are words, not filler.
std::size_t words_in(const NormalizedText& reply, const Fragment& fragment, const Filler& filler) {
  return characters_in(reply.original, fragment.original) - filler.characters(fragment.original);
}

// How many times each concept is found in the fragments added: how often one idea is said.
class ConceptTally {
 public:
  void add(const PhraseFinds& finds, TextSpan original) {
    for (const ConceptFind& find : beginning_in(finds.concepts, original)) {
      if (!inside(find.span, original)) continue;
      const auto counted = std::find_if(counts_.begin(), counts_.end(), [&](const auto& c) {
        return c.first == find.concept_index;
      });
      if (counted == counts_.end()) {
        counts_.emplace_back(find.concept_index, 1);
      } else {
        ++counted->second;
      }
    }
  }

  int most() const {
    int most = 0;
    for (const auto& [concept_index, count] : counts_) most = std::max(most, count);
    return most;
  }

 private:
  std::vector<std::pair<std::size_t, int>> counts_;  // concept index, finds
};

// The largest number of finds of one concept outside the fragments that are sentences said to
// the customer. 000 第一步 asks for the polite address again and again (先生/小姐,请问您贵姓?):
// 先生您好,请问您贵姓? says it three times, the third time in a sentence, and is no list. A
// sentence said again word for word is no new sentence (请问您贵姓,请问您贵姓,请问您贵姓).
int most_repeated_outside_sentences(const NormalizedText& reply,
                                    const std::vector<Fragment>& fragments,
                                    const PhraseFinds& finds, const Filler& filler) {
  std::unordered_map<std::string_view, int> sentences;  // each said to someone, how many times
  for (const Fragment& fragment : fragments) {
    const std::string_view words = text_of(reply, fragment);
    if (speaks_to_someone(words, words_in(reply, fragment, filler))) ++sentences[words];
  }
  ConceptTally tally;
  for (const Fragment& fragment : fragments) {
    const auto sentence = sentences.find(text_of(reply, fragment));
    if (sentence != sentences.end() && sentence->second == 1) continue;
    tally.add(finds, fragment.original);
  }
  return tally.most();
}

bool has_few_own_words(const NormalizedText& reply, const std::vector<Clause>& clauses,
                       const std::vector<Fragment>& fragments, const PhraseFinds& finds,
                       const Filler& filler) {
  if (static_cast<int>(finds.spans.size()) < kManyPhrases || finds.most_repeated < kRepeats)
    return false;
  return own_words_at_most(reply, clauses, finds, filler, kFewOwnCharacters) &&
         most_repeated_outside_sentences(reply, fragments, finds, filler) >= kRepeats;
}

enum class TelegramPart { keyword, token, sentence };

bool asks(std::string_view words, const Fragment& fragment) {
  return fragment.asks || ends_with_yes_no_particle(words);
}

// Whether a fragment is keywords typed with no mark between them (王先生对不起, 今天之内回电):
// two or more phrases, each of a keyword's length, the last one ending the fragment. A comma
// between them made them two fragments and a list; leaving it out must not make them a sentence
// (outside pass 53, finding 4). Words of one's own after them make one (办理退费今天之内到账).
bool is_glued_keywords(const NormalizedText& reply, const Fragment& fragment,
                       const PhraseFinds& finds, const Filler& filler) {
  int phrases = 0;
  std::size_t last_end = fragment.original.begin;
  for (const TextSpan span : beginning_in(finds.spans, fragment.original)) {
    if (!inside(span, fragment.original)) continue;
    if (characters_in(reply.original, span) > kKeywordCharacters) return false;
    ++phrases;
    last_end = span.end;
  }
  return phrases >= 2 && filler.fills({last_end, fragment.original.end});
}

TelegramPart telegram_part(const NormalizedText& reply, const Fragment& fragment,
                           const PhraseFinds& finds, const Filler& filler) {
  const std::size_t words = words_in(reply, fragment, filler);
  const std::string_view text = text_of(reply, fragment);
  if (speaks_to_someone(text, words)) return TelegramPart::sentence;
  if (words > 0 && words <= kBareQuestionCharacters && asks(text, fragment))
    return TelegramPart::keyword;
  const bool keyword_sized = words > 0 && (words <= kKeywordCharacters ||
                                           is_glued_keywords(reply, fragment, finds, filler));
  if (keyword_sized) {
    const std::size_t own = own_characters(reply, fragment.span, finds, filler);
    if (own < words && own <= kKeywordOwnCharacters) return TelegramPart::keyword;
  }
  return words <= kTokenCharacters ? TelegramPart::token : TelegramPart::sentence;
}

// Whether the reply lists keywords fragment by fragment instead of saying anything: enough
// fragments that are a rubric phrase or a question word alone, and not one sentence. Settled at
// its first sentence, so a real reply costs a fragment or two.
bool is_telegram(const NormalizedText& reply, const std::vector<Fragment>& fragments,
                 const PhraseFinds& finds, const Filler& filler) {
  // Most replies have too few fragments to hold the keywords, and need none read.
  if (fragments.size() < static_cast<std::size_t>(kTelegramKeywords)) return false;
  int keywords = 0;
  for (const Fragment& fragment : fragments) {
    switch (telegram_part(reply, fragment, finds, filler)) {
      case TelegramPart::keyword:
        ++keywords;
        break;
      case TelegramPart::token:
        break;
      case TelegramPart::sentence:
        return false;
    }
  }
  return keywords >= kTelegramKeywords;
}

// Whether keywords standing one after another, each a fragment of its own, say one idea three
// times (对不起,抱歉,不好意思 / 对不起😀抱歉😀不好意思), in a reply that says no more of its own
// elsewhere than they hold: a run of keywords is the same list whatever mark stands between
// them, as 对不起抱歉不好意思 typed without one is. A sentence or a word of one's own ends the
// run; a token (好的) neither ends nor lengthens it.
bool has_repeating_keyword_run(const NormalizedText& reply, const std::vector<Fragment>& fragments,
                               const PhraseFinds& finds, const Filler& filler, OwnInReply& own) {
  // One idea said three times in a run must be said three times in the reply, in three
  // fragments at least.
  if (finds.most_repeated < kRepeats || fragments.size() < static_cast<std::size_t>(kRepeats))
    return false;
  ConceptTally tally;
  std::size_t run_own = 0;
  std::size_t run_characters = 0;
  const auto stuffed = [&] {
    return tally.most() >= kRepeats && own.get() - run_own < run_characters;
  };
  for (const Fragment& fragment : fragments) {
    const TelegramPart part = telegram_part(reply, fragment, finds, filler);
    if (part == TelegramPart::token) continue;
    if (part == TelegramPart::sentence) {
      if (stuffed()) return true;
      tally = {};
      run_own = run_characters = 0;
      continue;
    }
    tally.add(finds, fragment.original);
    run_own += own_characters(reply, fragment.span, finds, filler);
    run_characters += characters_in(reply.original, fragment.original);
  }
  return stuffed();
}

bool is_keyword_stuffing(const NormalizedText& reply, const std::vector<Clause>& clauses,
                         const ReplyScan& scan, const std::vector<RuleResult>& rules,
                         const ConceptIndex& concepts) {
  const Filler filler(reply.original);
  const PhraseFinds finds = find_phrases(reply, scan, rules, concepts, filler);
  const std::vector<Fragment> fragments = split_fragments(reply, clauses);
  if (is_telegram(reply, fragments, finds, filler)) return true;
  // Every test below needs at least this many separate phrases.
  static_assert(kRunOnPhrases <= kListPhrases && kRunOnPhrases <= kManyPhrases &&
                kRunOnPhrases <= kRepeats);
  if (finds.spans.size() < static_cast<std::size_t>(kRunOnPhrases)) return false;
  OwnInReply own(reply, clauses, finds, filler);
  return has_few_own_words(reply, clauses, fragments, finds, filler) ||
         has_stuffed_fragment(reply, fragments, finds, filler, own) ||
         has_repeating_keyword_run(reply, fragments, finds, filler, own);
}

}  // namespace

std::optional<Stuffing> find_stuffing(const NormalizedText& reply,
                                      const std::vector<Clause>& clauses, const ReplyScan& scan,
                                      const std::vector<RuleResult>& rules,
                                      const ConceptIndex& concepts) {
  if (repeats_a_sentence(reply.text, clauses)) return Stuffing::repetition;
  if (is_filled_in_form(reply, clauses, rules, concepts)) return Stuffing::form;
  if (is_keyword_stuffing(reply, clauses, scan, rules, concepts)) return Stuffing::keywords;
  return std::nullopt;
}

namespace {

std::string stuffing_feedback(Stuffing why) {
  switch (why) {
    case Stuffing::repetition:
      return std::string(
          tr("同一句话说了一遍又一遍,这不是在和客户说话。每句话说一遍,回应客户的具体问题。",
             "The same sentence is said over and over: that is not a reply. Say each thing "
             "once and answer the customer's problem."));
    case Stuffing::form:
      return std::string(
          tr("这是按评分项写的提纲(称谓:……;道歉:……),不是对客户说的话。客户听不到标签:"
             "把要说的话连成完整的句子,直接对客户说。",
             "This is the rubric's outline filled in (address: …; apology: …), not words said "
             "to the customer, who hears no labels: say it to the customer in sentences."));
    case Stuffing::keywords:
      break;
  }
  return std::string(tr("这像是在堆砌关键词,而不是在和客户说话。用完整的句子回应客户的具体问题。",
                        "This reads like a string of keywords, not a reply. Answer the "
                        "customer's problem in sentences."));
}

}  // namespace

RuleResult stuffing_result(Stuffing why) {
  RuleResult result;
  result.kind = "coherence";
  result.description = std::string(tr("用完整的句子回应客户", "answers in sentences"));
  result.ok = false;
  result.feedback = stuffing_feedback(why);
  return result;
}

}  // namespace coach
