#include "engine/repeated_answer.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <string>
#include <utility>

#include "util/i18n.hpp"
#include "util/thread_scratch.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// Below this many letters and digits a reply is one stock sentence — 好的, 非常抱歉,给您添麻烦了,
// or a question the customer has not answered yet (王先生,麻烦您告诉我一下您的手机号码好吗?
// has 18) — which a real conversation fairly says again at a later step. Said again, such a
// reply is judged by the rubric of its step alone (and seldom meets it). Twenty is about the
// longest such sentence; a longer reply said again is a paragraph pasted, not a sentence said
// twice.
constexpr std::size_t kShortestRepeat = 20;

// One reply inside the other: four in five of its runs found in the other, so a name dropped or
// a few words changed (先生 for 王先生, 块 for 元) do not make it new. Different replies at
// different steps share stock phrases (您的心情我很理解, 给您添麻烦了), not most of their runs: in
// the trainers' corpus and among the bundled model answers, no reply shares three in five of its
// runs with a reply to another step (the closest, a second apology in get-me-the-manager, 57 %).
constexpr double kSharedRuns = 0.8;

// …and at least half as long as it: a reply that says one sentence of an earlier paragraph again
// (the phone number asked for once more, now that the customer has calmed down), or an earlier
// short reply before much that is new, answers this step too, and its rubric judges it.
constexpr double kShortestShare = 0.5;

// Characters a run is made of.
constexpr std::size_t kRunLength = 4;

// Letters and digits of any script: what is said, without the punctuation and symbols around it.
bool is_word(char32_t cp) {
  if (utf8::is_common_ideograph(cp)) return true;  // most replies are these: skip the look-up
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO &&
         category != UTF8PROC_CATEGORY_MN && category != UTF8PROC_CATEGORY_ME;
}

// The letters and digits of `text`, into `words` (scratch reused reply after reply: every step
// of `grade` reads one, and allocating it was a third of the reading).
void read_words(std::string_view text, std::u32string& words) {
  words.clear();
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::decode(text, pos);
    if (cp != utf8::kInvalid && is_word(cp)) words += cp;
  }
}

// Four characters in 64 bits, 16 each: exact for the Basic Multilingual Plane, where nearly all
// Chinese text is; a character beyond it is folded, so two rare ones may read alike.
std::uint64_t run_at(const std::u32string& words, std::size_t begin) {
  std::uint64_t run = 0;
  for (std::size_t i = begin; i < begin + kRunLength; ++i) {
    const char32_t cp = words[i];
    run = run << 16 | ((cp ^ (cp >> 16)) & 0xFFFF);
  }
  return run;
}

std::size_t shared_count(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

// Equal wordings have equal fingerprints: a reply pasted again is found without comparing it
// with every earlier one.
std::uint64_t fingerprint(const ReplyWording& wording) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const std::uint64_t run : wording.runs()) hash = (hash ^ run) * 0x100000001b3ULL;
  return hash;
}

// Enough of the customer's line for the trainee to recognise the step: its first line, cut to
// twenty characters.
std::string opening(std::string_view line) {
  constexpr std::size_t kShown = 20;
  std::string shown;
  std::size_t pos = 0;
  for (std::size_t count = 0; pos < line.size() && count < kShown; ++count) {
    const std::size_t begin = pos;
    if (utf8::is_line_break(utf8::decode(line, pos))) {
      pos = begin;
      break;
    }
    shown.append(line.substr(begin, pos - begin));
  }
  if (pos < line.size()) shown += "…";
  return shown;
}

}  // namespace

ReplyWording::ReplyWording(const NormalizedText& reply) {
  static thread_local auto& words = thread_scratch<std::u32string>();
  read_words(reply.text, words);
  characters_ = words.size();
  // A stock sentence neither repeats nor is repeated: its runs would never be asked for.
  if (!long_enough_to_repeat()) return;
  runs_.reserve(words.size() - kRunLength + 1);
  for (std::size_t begin = 0; begin + kRunLength <= words.size(); ++begin)
    runs_.push_back(run_at(words, begin));
  std::sort(runs_.begin(), runs_.end());
  runs_.erase(std::unique(runs_.begin(), runs_.end()), runs_.end());
}

bool ReplyWording::repeats(const ReplyWording& earlier) const {
  return repeats(earlier, shared_count(runs_, earlier.runs_));
}

bool ReplyWording::repeats(const ReplyWording& earlier, std::size_t shared_runs) const {
  const bool this_shorter = characters_ <= earlier.characters_;
  const ReplyWording& shorter = this_shorter ? *this : earlier;
  const ReplyWording& longer = this_shorter ? earlier : *this;
  if (!shorter.long_enough_to_repeat()) return false;
  if (static_cast<double>(shorter.characters_) < kShortestShare * longer.characters_) return false;
  return static_cast<double>(shared_runs) >= kSharedRuns * shorter.runs_.size();
}

bool ReplyWording::long_enough_to_repeat() const {
  return characters_ >= kShortestRepeat;
}

void RepliesSaid::add(const ReplyWording& wording) {
  const std::size_t position = added_++;
  // What can repeat nothing need not be found; a copy is found as its first.
  if (!wording.long_enough_to_repeat() || said_before(wording)) return;
  distinct_.push_back({wording, position});
  if (distinct_.size() == kIndexFrom) {
    for (std::uint32_t each = 0; each < kIndexFrom; ++each) index(each);
  } else if (indexed()) {
    index(static_cast<std::uint32_t>(distinct_.size() - 1));
  }
}

void RepliesSaid::index(std::uint32_t distinct) {
  const ReplyWording& wording = distinct_[distinct].wording;
  by_fingerprint_.emplace(fingerprint(wording), distinct);
  for (const std::uint64_t run : wording.runs()) add_holder(runs_[run], distinct);
}

void RepliesSaid::add_holder(RunHolders& run, std::uint32_t distinct) {
  ++run.count;
  if (run.ring != kNone) {
    StockRing& ring = stock_[run.ring];
    ring.holders[ring.next] = distinct;
    ring.next = (ring.next + 1) % kStockHolders;
    return;
  }
  holders_.push_back({distinct, run.latest});
  run.latest = static_cast<std::uint32_t>(holders_.size() - 1);
  if (run.count < kStockHolders) return;
  // Now a stock run: its holders move to a ring, oldest first, and the chain is read no more.
  StockRing& ring = stock_.emplace_back();
  std::uint32_t at = run.latest;
  for (std::size_t i = kStockHolders; i > 0; --i, at = holders_[at].next)
    ring.holders[i - 1] = holders_[at].distinct;
  run.ring = static_cast<std::uint32_t>(stock_.size() - 1);
}

template <typename Visit>
void RepliesSaid::for_each_latest_holder(const RunHolders& run, Visit visit) const {
  if (run.ring != kNone) {
    for (const std::uint32_t distinct : stock_[run.ring].holders) visit(distinct);
    return;
  }
  for (std::uint32_t at = run.latest; at != kNone; at = holders_[at].next)
    visit(holders_[at].distinct);
}

bool RepliesSaid::said_before(const ReplyWording& wording) const {
  if (!indexed()) {
    return std::any_of(distinct_.begin(), distinct_.end(),
                       [&](const Distinct& each) { return each.wording == wording; });
  }
  const auto [begin, end] = by_fingerprint_.equal_range(fingerprint(wording));
  return std::any_of(begin, end,
                     [&](const auto& entry) { return distinct_[entry.second].wording == wording; });
}

std::optional<std::size_t> RepliesSaid::first_repeated(const ReplyWording& reply) const {
  if (!reply.long_enough_to_repeat()) return std::nullopt;
  if (!indexed()) {
    for (const Distinct& each : distinct_) {
      if (reply.repeats(each.wording)) return each.first_said;
    }
    return std::nullopt;
  }
  // Each run is held once by a reply, so the count of a reply is the runs it shares. Counted in
  // a flat array, cleared where it was touched: a hash map cost 40 ns an increment.
  shared_runs_.resize(distinct_.size(), 0);
  sharing_.clear();
  for (const std::uint64_t run : reply.runs()) {
    const auto holders = runs_.find(run);
    if (holders == runs_.end()) continue;
    for_each_latest_holder(holders->second, [&](std::uint32_t distinct) {
      if (shared_runs_[distinct]++ == 0) sharing_.push_back(distinct);
    });
  }
  std::optional<std::uint32_t> first;
  // A copy word for word is found whatever its runs' holders: by its fingerprint.
  const auto [copy, no_copy] = by_fingerprint_.equal_range(fingerprint(reply));
  for (auto each = copy; each != no_copy; ++each) {
    if (distinct_[each->second].wording == reply && (!first || each->second < *first))
      first = each->second;
  }
  for (const std::uint32_t distinct : sharing_) {
    const std::size_t shared = std::exchange(shared_runs_[distinct], 0);
    if ((!first || distinct < *first) && reply.repeats(distinct_[distinct].wording, shared))
      first = distinct;
  }
  if (!first) return std::nullopt;
  return distinct_[*first].first_said;
}

RuleResult repetition_result(std::size_t step_number, std::string_view customer_line) {
  RuleResult result;
  result.kind = "repetition";
  result.description = std::string(tr("回应客户此刻说的话", "answers what the customer says now"));
  result.ok = false;
  result.feedback = fmt::format(
      fmt::runtime(tr("与第 {} 步「{}」的回答相同:每一步要回应客户此刻说的话。",
                      "The same reply as at step {} (“{}”): at each step, answer what the "
                      "customer is saying now.")),
      step_number, opening(customer_line));
  return result;
}

}  // namespace coach
