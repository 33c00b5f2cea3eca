#include "engine/rule_evaluator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <span>

#include "engine/address_forms.hpp"
#include "engine/filler.hpp"
#include "engine/questions.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

std::string quoted_list(const std::vector<std::string>& items, std::size_t at_most = 3) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < at_most; ++i) {
    out += fmt::format("{}“{}”", i == 0 ? "" : tr("、", ", "), items[i]);
  }
  if (items.size() > at_most) out += tr("等", " …");
  return out;
}

// Whether `next`, the place of an occurrence after the one at `last`, is the same place or
// overlaps it.
bool joins(TextSpan last, TextSpan next) {
  return next == last || (next.begin >= last.begin && next.begin < last.end);
}

// Adds the places of the occurrences the rule counts, each place once: occurrences that overlap
// (a concept's phrase and its pattern finding the same words, 抱歉 inside 非常抱歉, the nested
// phrases of 嗯嗯嗯嗯) are one span covering them all. `matches` are in text order, so the
// overlap is always with the span added last, and a reply's evidence is never longer than the
// reply. Returns how many spans were added.
template <typename Matches>
std::size_t add_evidence(RuleResult& result, const NormalizedText& reply, const Matches& matches,
                         bool negation, bool forbids) {
  const std::size_t before = result.matched.size();
  for (const PhraseMatch& match : matches) {
    if (!counts(match, negation, forbids)) continue;
    const TextSpan span = reply.to_original(match.span);
    const auto added = std::span<TextSpan>(result.matched).subspan(before);
    if (!added.empty() && joins(added.back(), span))
      added.back().end = std::max(added.back().end, span.end);
    else
      result.matched.push_back(span);
  }
  return result.matched.size() - before;
}

// The words of the first occurrence the rule counts, as typed, for a message quoting what was
// said: that occurrence alone, not the span it was merged into (a reply of 10,000 嗯 is one).
template <typename Matches>
std::string_view first_counted(const NormalizedText& reply, const Matches& matches, bool negation,
                               bool forbids) {
  for (const PhraseMatch& match : matches) {
    if (counts(match, negation, forbids)) return reply.original_text(match.span);
  }
  return {};
}

// Whether the match is a title that does not fit the customer (女士 to 王先生): no polite
// address.
bool misfits(const CompiledRule& rule, const PhraseMatch& match, const NormalizedText& reply) {
  const std::string_view words =
      std::string_view(reply.text).substr(match.span.begin, match.span.end - match.span.begin);
  // Most matches end in no title's last byte: told apart before a comparison of the whole.
  return std::any_of(
      rule.misfit_titles.begin(), rule.misfit_titles.end(), [&](const std::string& title) {
        return title.empty() ||
               (!words.empty() && title.back() == words.back() && words.ends_with(title));
      });
}

std::string wrong_title(std::string_view said, const Customer& customer) {
  return fmt::format(fmt::runtime(tr("“{}”称呼不对,应称呼客户“{}”。",
                                     "“{}” is the wrong title: address the customer as “{}”.")),
                     said, customer.name);
}

void judge_concept(const CompiledRule& rule, const NormalizedText& reply, const ReplyScan& scan,
                   const Customer& customer, RuleResult& result) {
  const auto& entry = *rule.concepts.front();
  const bool forbids = rule.rule->kind == RuleKind::concept_forbidden;
  // Most matches are no title at all: a vector of the fitting ones is made only when one misfits.
  const auto matches = scan.of(entry.index);
  const auto misfit = std::find_if(matches.begin(), matches.end(),
                                   [&](const PhraseMatch& m) { return misfits(rule, m, reply); });
  std::vector<PhraseMatch> fitting;
  if (misfit != matches.end()) {
    std::copy_if(matches.begin(), matches.end(), std::back_inserter(fitting),
                 [&](const PhraseMatch& m) { return !misfits(rule, m, reply); });
  }
  const auto judged = misfit == matches.end() ? matches : std::span<const PhraseMatch>(fitting);
  const bool found = add_evidence(result, reply, judged, rule.rule->negation, forbids) > 0;
  result.ok = rule.rule->kind == RuleKind::concept_present ? found : !found;
  if (rule.rule->kind == RuleKind::concept_present && !found && misfit != matches.end()) {
    result.missing.push_back(entry.label());
    result.detail = wrong_title(reply.original_text(misfit->span), customer);
  } else if (rule.rule->kind == RuleKind::concept_present && !found) {
    result.missing.push_back(entry.label());
    result.detail = rule.absence;
  } else if (rule.rule->kind == RuleKind::concept_forbidden && found) {
    result.detail =
        fmt::format(fmt::runtime(tr("不要说「{}」类的话:“{}”。", "avoid {}: “{}”.")), entry.label(),
                    first_counted(reply, judged, rule.rule->negation, forbids));
  }
}

void judge_phrases(const CompiledRule& rule, const NormalizedText& reply, RuleResult& result) {
  const auto matches = rule.phrases->find_all(reply);
  const bool forbids = rule.rule->kind == RuleKind::none_of;
  const bool found = add_evidence(result, reply, matches, rule.rule->negation, forbids) > 0;
  const auto& phrases = rule.phrases->display_phrases();
  std::vector<bool> seen(phrases.size(), false);
  for (const auto& match : matches) {
    if (!counts(match, rule.rule->negation, forbids)) continue;
    // The phrases it begins with are said there too (不好 in 不好意思): find_all keeps only the
    // longest at a place. A phrase marked seen has its whole chain marked already.
    for (std::size_t said = match.source; said != PhraseMatcher::kNoPrefix && !seen[said];
         said = rule.phrases->prefix_of(said))
      seen[said] = true;
  }
  // Sized once: most phrases of a rule are missing from most replies, and growing the list one
  // by one moved every phrase copied so far at each step.
  result.missing.reserve(static_cast<std::size_t>(std::count(seen.begin(), seen.end(), false)));
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (!seen[i]) result.missing.push_back(phrases[i]);
  }
  switch (rule.rule->kind) {
    case RuleKind::any_of:
      result.ok = found;
      // The trainer's feedback says what was wanted; the keyword list under it is the rubric's.
      if (!result.ok && rule.rule->feedback.empty())
        result.detail = fmt::format(fmt::runtime(tr("应说到其中之一:{}。", "say one of: {}.")),
                                    quoted_list(phrases));
      break;
    case RuleKind::all_of:
      result.ok = result.missing.empty();
      if (!result.ok)
        result.detail = fmt::format(fmt::runtime(tr("还缺:{}。", "still missing: {}.")),
                                    quoted_list(result.missing));
      break;
    default:  // none_of
      result.ok = !found;
      result.missing.clear();
      if (!result.ok)
        result.detail = fmt::format(fmt::runtime(tr("不要说:“{}”。", "do not say: “{}”.")),
                                    first_counted(reply, matches, rule.rule->negation, forbids));
      break;
  }
}

// A scenario's regex, in a rule or an `order` item, reads negation and quotation as a concept's
// pattern does (its `negation` key as for phrases): `(我|我们)[^.!?;]{0,8}联系` gave the points for
// promising to make the call to 我们不会帮您联系 (outside pass 37, finding 11).
std::vector<PhraseMatch> regex_matches(const TrainerPattern& pattern, const NormalizedText& reply,
                                       std::size_t from = 0) {
  std::vector<PhraseMatch> matches = pattern_matches(pattern, reply.text, 0, from);
  for (PhraseMatch& match : matches) match.quoted = reply.is_quoted(match.span.begin);
  return matches;
}

void judge_regex(const CompiledRule& rule, const NormalizedText& reply, RuleResult& result) {
  const std::vector<PhraseMatch> matches = regex_matches(*rule.regex, reply);
  result.ok = add_evidence(result, reply, matches, rule.rule->negation, false) > 0;
  // A pattern cannot say what it wanted; the rule's own feedback can, and this line under it
  // told the trainee nothing more (outside pass 44, finding 07).
  if (!result.ok && rule.rule->feedback.empty()) {
    result.detail = std::string(
        tr("回答不符合要求的说法。", "the reply does not contain the expected wording."));
  }
}

// The characters a minimum length counts: not noise. Thirty-five 嗯, a row of …… or 哈哈哈 made a
// reply long enough (outside pass 53, finding 5). Punctuation, numbers and Latin words count, as
// they always did.
int words_counted(std::string_view text) {
  const std::size_t noise = Filler(text).noise_characters({0, text.size()});
  return static_cast<int>(utf8::count_code_points(text) - noise);
}

void judge_min_length(const CompiledRule& rule, const NormalizedText& reply, RuleResult& result) {
  const int length = words_counted(reply.text);
  result.ok = length >= rule.rule->limit;
  if (result.ok) return;
  result.detail = fmt::format(fmt::runtime(tr("回答太短(不算语气词和连打的字,只有 {} 字),"
                                              "至少要 {} 字。",
                                              "too short ({} characters, not counting "
                                              "interjections and characters typed over and "
                                              "over); at least {}.")),
                              grouped(length), grouped(rule.rule->limit));
}

// A maximum counts every character: what the customer has to read through.
void judge_max_length(const CompiledRule& rule, const NormalizedText& reply, RuleResult& result) {
  const auto length = static_cast<int>(utf8::count_code_points(reply.text));
  result.ok = length <= rule.rule->limit;
  if (result.ok) return;
  result.detail = fmt::format(
      fmt::runtime(tr("回答太长({} 字),最多 {} 字。", "too long ({} characters); at most {}.")),
      grouped(length), grouped(rule.rule->limit));
}

// A question whose mark (its question mark, or without one its last word: 吗, 呢 …) stands in
// a mention is one the trainee reports or names, not one they ask: 客户问“这是什么费用?”,
// “上过网吗?”这种问题我就不问了. A question of one's own may quote the customer, and ends
// outside the quotation: 您说的“乱扣费”是指哪一笔?, 您是说“一个电话都没打”?
bool only_mentioned(const Question& question, const NormalizedText& reply) {
  const std::size_t end = question.span.end;
  if (end < reply.text.size() && reply.text[end] == '?') return reply.is_quoted(end);
  return end > question.span.begin && reply.is_quoted(end - 1);
}

bool overlaps(TextSpan a, TextSpan b) {
  return a.begin < b.end && b.begin < a.end;
}

void judge_questions(const CompiledRule& rule, const NormalizedText& reply,
                     std::span<const TextSpan> misconduct, RuleResult& result) {
  int count = 0;
  std::optional<TextSpan> spoiled;  // the first question that does what the step forbids
  for (const Question& question : find_questions(reply.text)) {
    const bool wanted =
        rule.rule->question == QuestionKind::any || question.kind == rule.rule->question;
    if (!wanted || only_mentioned(question, reply)) continue;
    const TextSpan typed_span = reply.to_original(question.span);
    if (std::any_of(misconduct.begin(), misconduct.end(),
                    [&](TextSpan bad) { return overlaps(bad, typed_span); })) {
      if (!spoiled) spoiled = typed_span;
      continue;
    }
    ++count;
    result.matched.push_back(typed_span);
  }
  result.ok = count >= rule.rule->count;
  if (!result.ok) {
    const bool one = rule.rule->count == 1;
    const std::string_view kind =
        rule.rule->question == QuestionKind::open
            ? tr("开放式问题(什么、怎么、哪里……)",
                 one ? "open question (what, how, where …)" : "open questions (what, how, where …)")
        : rule.rule->question == QuestionKind::closed
            ? tr("封闭式问题(……吗、是不是……)",
                 one ? "closed question (yes/no)" : "closed questions (yes/no)")
            : tr("问题", one ? "question" : "questions");
    result.detail = fmt::format(
        fmt::runtime(tr("应提出至少 {} 个{},现在是 {} 个。", "ask at least {} {}; found {}.")),
        rule.rule->count, kind, count);
    if (spoiled) {
      const std::string_view question =
          std::string_view(reply.original).substr(spoiled->begin, spoiled->end - spoiled->begin);
      result.detail +=
          fmt::format(fmt::runtime(tr("“{}”说了这一步不该说的话,不算提问。",
                                      " “{}” says what this step forbids, and is no question.")),
                      utf8::escape_controls_in_line(question));
    }
  }
}

// The text of the reply as typed where `span` (normalised offsets) stands.
std::string_view typed(const NormalizedText& reply, TextSpan span) {
  const TextSpan original = reply.to_original(span);
  return std::string_view(reply.original).substr(original.begin, original.end - original.begin);
}

void judge_address(const CompiledRule& rule, const NormalizedText& reply, const Customer& customer,
                   RuleResult& result) {
  for (const auto& form : rule.address_forms.accepted) {
    if (const auto at = reply.text.find(form); at != std::string::npos) {
      result.matched.push_back(reply.to_original({at, at + form.size()}));
      result.ok = true;
      return;
    }
  }
  if (customer.name.empty()) {
    result.detail = std::string(
        tr("用礼貌称谓称呼客户(先生/女士)。", "address the customer politely (sir / madam)."));
    return;
  }
  for (const auto& form : rule.address_forms.mistaken) {
    if (const auto at = reply.text.find(form); at != std::string::npos) {
      result.detail = wrong_title(typed(reply, {at, at + form.size()}), customer);
      return;
    }
  }
  result.detail = fmt::format(
      fmt::runtime(tr("称呼客户“{}”,让客户感到被尊重。", "address the customer as “{}”.")),
      customer.name);
}

// The first place at or after `from` where the item is said: a match of its concept, phrases
// or regex that counts.
std::optional<TextSpan> first_said(const OrderItem& item, bool negation,
                                   const NormalizedText& reply, const ReplyScan& scan,
                                   std::size_t from) {
  const auto counted = [&](const auto& matches) -> std::optional<TextSpan> {
    for (const PhraseMatch& match : matches) {
      if (match.span.begin >= from && counts(match, negation)) return match.span;
    }
    return std::nullopt;
  };
  if (item.concept_entry) return counted(scan.of(item.concept_entry->index));
  if (item.phrases) return counted(item.phrases->find_all(reply));
  return counted(regex_matches(*item.regex, reply, from));
}

void judge_order(const CompiledRule& rule, const NormalizedText& reply, const ReplyScan& scan,
                 RuleResult& result) {
  std::size_t previous_end = 0;
  result.ok = true;
  for (const OrderItem& item : rule.order) {
    const auto said = first_said(item, rule.rule->negation, reply, scan, previous_end);
    if (!said) {
      result.ok = false;
      result.missing.push_back(item.label);
      break;
    }
    result.matched.push_back(reply.to_original(*said));
    previous_end = said->end;
  }
  if (!result.ok)
    result.detail = fmt::format(fmt::runtime(tr("顺序应为:{}。", "the order should be: {}.")),
                                describe_rule(rule));
}

}  // namespace

std::string describe_rule(const CompiledRule& compiled) {
  const Rule& rule = *compiled.rule;
  if (!rule.label.empty()) return rule.label;
  switch (rule.kind) {
    case RuleKind::concept_present:
      return fmt::format(fmt::runtime(tr("体现「{}」", "includes {}")),
                         compiled.concepts.front()->label());
    case RuleKind::concept_forbidden:
      return fmt::format(fmt::runtime(tr("避免「{}」", "avoids {}")),
                         compiled.concepts.front()->label());
    case RuleKind::any_of:
      return fmt::format(fmt::runtime(tr("说到其一:{}", "says one of: {}")),
                         quoted_list(compiled.phrases->display_phrases()));
    case RuleKind::all_of:
      return fmt::format(fmt::runtime(tr("全部说到:{}", "says all of: {}")),
                         quoted_list(compiled.phrases->display_phrases()));
    case RuleKind::none_of:
      return fmt::format(fmt::runtime(tr("不说:{}", "says none of: {}")),
                         quoted_list(compiled.phrases->display_phrases()));
    case RuleKind::regex:
      return fmt::format(fmt::runtime(tr("符合模式 /{}/", "matches /{}/")), rule.pattern);
    case RuleKind::min_chars:
      return fmt::format(fmt::runtime(tr("至少 {}", "at least {}")),
                         counted(rule.limit, "字", "character", "characters"));
    case RuleKind::max_chars:
      return fmt::format(fmt::runtime(tr("最多 {}", "at most {}")),
                         counted(rule.limit, "字", "character", "characters"));
    case RuleKind::asks_question: {
      const bool one = rule.count == 1;
      const std::string_view kind =
          rule.question == QuestionKind::open
              ? tr("开放式问题", one ? "an open question" : "open questions")
          : rule.question == QuestionKind::closed
              ? tr("封闭式问题", one ? "a closed question" : "closed questions")
              : tr("问题", one ? "a question" : "questions");
      return fmt::format(
          fmt::runtime(tr("提出{}(至少 {} 个)", one ? "asks {0}" : "asks at least {1} {0}")), kind,
          rule.count);
    }
    case RuleKind::addresses_customer:
      return std::string(rule.address == AddressMode::name
                             ? tr("称呼客户姓氏", "addresses the customer by name")
                             : tr("礼貌称呼客户", "addresses the customer politely"));
    case RuleKind::order: {
      std::string chain;
      for (const OrderItem& item : compiled.order) {
        chain += fmt::format(fmt::runtime(tr("{}「{}」", "{}{}")),
                             chain.empty() ? tr("先", "first ") : tr(",再", ", then "), item.label);
      }
      return chain;
    }
  }
  return "";
}

std::string describe_absence(const CompiledRule& compiled) {
  const auto& entry = *compiled.concepts.front();
  return fmt::format(fmt::runtime(tr("缺少「{}」,例如:{}。", "missing {}, e.g. {}.")),
                     entry.label(), quoted_list(entry.matcher->display_phrases(), 2));
}

RuleResult evaluate_rule(const CompiledRule& compiled, const NormalizedText& reply,
                         const ReplyScan& scan, const Customer& customer,
                         std::span<const TextSpan> misconduct) {
  const Rule& rule = *compiled.rule;
  RuleResult result;
  result.kind = std::string(rule_kind_key(rule.kind));
  result.forbidding = forbids(rule.kind);
  result.description = compiled.description;
  result.max = rule.points;
  result.critical = compiled.critical;
  switch (rule.kind) {
    case RuleKind::concept_present:
    case RuleKind::concept_forbidden:
      judge_concept(compiled, reply, scan, customer, result);
      break;
    case RuleKind::any_of:
    case RuleKind::all_of:
    case RuleKind::none_of:
      judge_phrases(compiled, reply, result);
      break;
    case RuleKind::regex:
      judge_regex(compiled, reply, result);
      break;
    case RuleKind::min_chars:
      judge_min_length(compiled, reply, result);
      break;
    case RuleKind::max_chars:
      judge_max_length(compiled, reply, result);
      break;
    case RuleKind::asks_question:
      judge_questions(compiled, reply, misconduct, result);
      break;
    case RuleKind::addresses_customer:
      judge_address(compiled, reply, customer, result);
      break;
    case RuleKind::order:
      judge_order(compiled, reply, scan, result);
      break;
  }
  result.points = result.ok ? rule.points : 0;
  if (result.ok) {
    result.feedback = compiled.praise;
  } else {
    result.feedback = compiled.feedback.empty() ? SharedText(result.detail) : compiled.feedback;
  }
  return result;
}

}  // namespace coach
