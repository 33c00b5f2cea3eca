#include "engine/pattern_slips.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "engine/pattern_shape.hpp"
#include "text/miswritings.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {
namespace {

// A run of plain characters as a reply would hold it: with a character before it and what follows.
std::string probe_text(char32_t before, std::string_view run, std::u32string_view after) {
  std::string probe;
  utf8::append(probe, before);
  probe += run;
  for (const char32_t c : after) utf8::append(probe, c);
  return probe;
}

// The code points of the run that mending changes when it stands between `before` and `after`,
// by their index in the run, and the run as mended.
std::pair<std::vector<std::size_t>, std::string> mended_in_probe(char32_t before,
                                                                 std::string_view run,
                                                                 std::size_t length,
                                                                 std::u32string_view after) {
  const std::string probe = probe_text(before, run, after);
  std::string mended = probe;
  mend_miswritten_words(mended);  // in place: the run keeps its bytes' places
  std::vector<std::size_t> changed;
  std::size_t at = 0;
  utf8::decode(probe, at);  // the character before the run
  const std::size_t run_begin = at;
  for (std::size_t index = 0; index < length && mended != probe; ++index) {
    const std::size_t begin = at;
    utf8::decode(probe, at);
    if (probe.compare(begin, at - begin, mended, begin, at - begin) != 0) changed.push_back(index);
  }
  return {changed, mended.substr(run_begin, run.size())};
}

// Whether one of the slips of the run (by index), where the pattern lets any character follow
// the run (its end, `.`, `[^,]`), is kept before some one Chinese character: the run may then
// be meant as the start of a word such as 自个儿 or 措施, which replies keep as typed, and the
// message says to write the word out. Only the characters the slips' table names can keep one
// (characters_deciding_slips): trying every Chinese character took 4 ms a pattern refused.
bool kept_by_a_word(char32_t before, std::string_view run, const std::vector<std::size_t>& slips) {
  const std::size_t length = utf8::count_code_points(run);
  for (const char32_t next : characters_deciding_slips()) {
    const std::u32string after{next, kAnyCharacter};
    const auto changed = mended_in_probe(before, run, length, after).first;
    const auto kept = [&](std::size_t index) {
      return std::find(changed.begin(), changed.end(), index) == changed.end();
    };
    if (std::any_of(slips.begin(), slips.end(), kept)) return true;
  }
  return false;
}

// The slips in a run of plain characters that a reply has mended whatever the pattern lets stand
// before the run and follow it, by their index among its code points, and the run as mended. A
// slip is mended or kept by what stands around it (自已经确认 is kept, 自已经常 is not; 因该 is
// 应该 only after 您, 你 or 们 and before what 应该 is said of), so one that some neighbour the
// pattern spells keeps can be matched, and is no mistake. Where the pattern spells nothing (at its
// end, `.`), the slip is taken for what it looks like: 自已 at the end is a slip, though 自已经确认
// keeps it. No slips either when there are too many ways on to try.
struct MendedRun {
  std::vector<std::size_t> slips;
  std::string text;
  bool word_may_follow = false;  // kept_by_a_word where the pattern spells nothing after it
};
MendedRun certainly_mended(std::string_view run, const ContinuationReader& reader,
                           std::size_t first, std::size_t last) {
  const std::size_t length = utf8::count_code_points(run);
  MendedRun found;
  bool first_probe = true;
  char32_t unspelt_before = 0;  // a character before the run where nothing spelt follows it
  const auto mend_probe = [&](char32_t before, std::u32string_view after) {
    // Named, not a structured binding: clang (the fuzz build) cannot capture one in a lambda.
    auto probe = mended_in_probe(before, run, length, after);
    const auto& changed = probe.first;
    if (first_probe) found = {changed, std::move(probe.second)};
    std::erase_if(found.slips, [&](std::size_t index) {
      return std::find(changed.begin(), changed.end(), index) == changed.end();
    });
    if (!after.empty() && after.front() == kAnyCharacter) unspelt_before = before;
    first_probe = false;
    return !found.slips.empty();
  };
  const std::vector<char32_t> befores = reader.preceding(first);
  const bool nothing_before =
      std::all_of(befores.begin(), befores.end(), [](char32_t c) { return c == kAnyCharacter; });
  if (length == 1 && nothing_before) return {};  // a slip is read after the character before it
  for (const char32_t before : befores) {
    const bool read_all = reader.read(
        last + 1, 2, [&](std::u32string_view after) { return mend_probe(before, after); });
    if (!read_all || found.slips.empty()) return {};
  }
  found.word_may_follow = unspelt_before != 0 && kept_by_a_word(unspelt_before, run, found.slips);
  return found;
}

// What a token spells, as the reader of what follows a slip reads it (token_members): quoted
// text its characters, an assertion nothing.
void spell(std::string_view pattern, const Token& token, std::string& spelt) {
  switch (token.kind) {
    case TokenKind::quoted:
      spelt += quoted_text(pattern, token);
      return;
    case TokenKind::character:  // most tokens: spelt as written, without a list of members
      spelt += pattern.substr(token.begin, token.end - token.begin);
      return;
    case TokenKind::any:
    case TokenKind::brackets:
    case TokenKind::escape:
      if (is_assertion(pattern, token)) return;
      for (const char32_t c : token_members(pattern, token)) utf8::append(spelt, c);
      return;
    default:
      return;
  }
}

// The literal characters of the pattern one after another, without its syntax: what its plain
// and escaped characters, quoted text and small classes spell (`(您|你)因该(?:先|早)` spells
// 您你因该先早). A branch is spelt between what may stand around it: each but the last ends
// before what follows its group, and each but the first starts after what stands before it.
std::string spelt_characters(std::string_view pattern, const std::vector<Token>& tokens) {
  const std::vector<std::size_t> close = group_closes(tokens);
  struct Group {
    std::size_t close;
    char32_t before;  // the character spelt before the group
  };
  std::vector<Group> groups;
  std::string spelt;
  spelt.reserve(pattern.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const TokenKind kind = tokens[i].kind;
    if (kind == TokenKind::group_open) {
      std::size_t last = spelt.empty() ? 0 : utf8::previous_start(spelt, spelt.size());
      groups.push_back({close[i], spelt.empty() ? kAnyCharacter : utf8::decode(spelt, last)});
    } else if (kind == TokenKind::group_close && !groups.empty()) {
      groups.pop_back();
    } else if (kind == TokenKind::alternation) {
      if (!groups.empty()) {
        for (std::size_t j = groups.back().close + 1;
             j < tokens.size() && j <= groups.back().close + 2; ++j)
          spell(pattern, tokens[j], spelt);
      }
      utf8::append(spelt, kAnyCharacter);
      if (!groups.empty()) utf8::append(spelt, groups.back().before);
    } else {
      spell(pattern, tokens[i], spelt);
    }
  }
  return spelt;
}

// Whether a slip may be in the pattern at all, read at once: its literal characters, spelt one
// after another, are mended. Each run of characters then stands beside one of the characters
// that may stand beside it (the first branch of a group, a member of a class), so a pattern
// whose spelling holds no slip holds none that is certainly mended: most patterns need no more.
bool may_hold_slips(std::string_view pattern, const std::vector<Token>& tokens) {
  const std::string spelt = spelt_characters(pattern, tokens);
  std::string mended = spelt;
  mend_miswritten_words(mended);
  return mended != spelt;
}

}  // namespace

// Slips are read in each run of plain characters, against what the pattern lets stand before
// the run and follow it.
MendedPattern mended_slips(std::string_view pattern, const std::vector<Token>& tokens) {
  if (!may_hold_slips(pattern, tokens)) return {};
  const ContinuationReader continuations(pattern, tokens);
  MendedPattern mended;
  const auto run_ends = [&](std::size_t i) {
    return i >= tokens.size() || tokens[i].kind != TokenKind::character ||
           (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::quantifier);
  };
  for (std::size_t i = 0; i < tokens.size();) {
    if (run_ends(i)) {
      ++i;
      continue;
    }
    const std::size_t first = i;
    std::size_t last = i;
    while (!run_ends(last + 1)) ++last;
    i = last + 1;
    const std::size_t begin = tokens[first].begin;
    const std::string_view run = pattern.substr(begin, tokens[last].end - begin);
    const auto [slips, mended_run, word_may_follow] =
        certainly_mended(run, continuations, first, last);
    if (slips.empty()) continue;
    if (mended.text.empty()) mended.text = pattern;
    mended.word_may_follow = mended.word_may_follow || word_may_follow;
    std::size_t at = 0;
    for (std::size_t index = 0; at < run.size(); ++index) {
      const std::size_t character = at;
      utf8::decode(run, at);
      if (std::find(slips.begin(), slips.end(), index) != slips.end())
        mended.text.replace(begin + character, at - character, mended_run, character,
                            at - character);
    }
  }
  return mended;
}

std::string slip_refusal(std::string_view pattern, const MendedPattern& mended) {
  const std::string_view word =
      mended.word_may_follow
          ? tr("(要的若是以它开头、回答里照原样保留的词,如 自个儿、措施,请把词写全)",
               " (or, for a word that starts with it and that replies keep as typed, such as "
               "自个儿 or 措施, write the word out)")
          : "";
  return fmt::format(fmt::runtime(tr("正则表达式 `{}` 里有回答比较前会被改正的错别字(如 自已、"
                                     "弄措),它永远匹配不到;写成 `{}`{}",
                                     "regular expression `{}` holds a slip that replies have "
                                     "mended before matching (such as 自已, 弄措), so it never "
                                     "matches; write `{}`{}")),
                     utf8::quote_visibly(pattern), utf8::quote_visibly(mended.text), word);
}

}  // namespace coach
