#pragma once
// A reply said again: one that is the same as a reply the trainee gave at an earlier step of the
// attempt, or nearly (the same words once normalised, one wholly inside the other), answers what
// the customer said then, not what the customer says now. Without this one all-purpose paragraph
// pasted into every step would pass every step.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/result.hpp"
#include "text/normalizer.hpp"

namespace coach {

// What a reply says, as compared with the trainee's other replies: its letters and digits after
// normalisation (punctuation, spacing, script and width never tell two replies apart), read as
// overlapping runs of four characters, so a word changed here and there leaves most runs shared.
class ReplyWording {
 public:
  ReplyWording() = default;  // an unanswered step: repeats nothing, is repeated by nothing
  explicit ReplyWording(const NormalizedText& reply);

  // Whether this reply says `earlier` again: one of the two lies (nearly) wholly inside the
  // other and is at least half of it, and it is longer than a stock sentence.
  bool repeats(const ReplyWording& earlier) const;
  // The same verdict, given how many runs the two replies share.
  bool repeats(const ReplyWording& earlier, std::size_t shared_runs) const;

  // A stock sentence is never said again, nor said again by anything: only longer replies count.
  bool long_enough_to_repeat() const;
  const std::vector<std::uint64_t>& runs() const { return runs_; }
  bool operator==(const ReplyWording&) const = default;

 private:
  std::size_t characters_ = 0;
  std::vector<std::uint64_t> runs_;  // sorted, each once
};

// The replies of an attempt so far. Which one a new reply says again is found among those that
// share a run with it — counting the shared runs run by run, not comparing the reply with every
// earlier one — and a reply pasted again word for word is kept once. A run is looked up in at
// most the latest kStockHolders replies that hold it: stock wording (您的心情我很理解) is in
// nearly every reply of a long attempt, and following all its holders made an attempt of
// thousands of steps take a time that grows with the square of its steps.
class RepliesSaid {
 public:
  // The next reply, in the order they were said (an unanswered step too, as ReplyWording()).
  void add(const ReplyWording& wording);
  // Which of the replies added, counted from 0 in that order, `reply` says again first.
  std::optional<std::size_t> first_repeated(const ReplyWording& reply) const;

 private:
  struct Distinct {
    ReplyWording wording;
    std::size_t first_said = 0;  // its position among the replies added
  };
  struct Holder {
    std::uint32_t distinct = 0;  // the reply in `distinct_` that holds the run …
    std::uint32_t next = kNone;  // … and the previous holder of the same run
  };
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // Replies before the latest this many that hold a run do not count it as shared: in a real
  // attempt (tens of steps) no run has so many holders, and the count is exact.
  static constexpr std::size_t kStockHolders = 64;

  // Below this many distinct replies (any real scenario) each is compared with the new one:
  // cheaper than keeping the index, which `check` would build for every path it walks.
  static constexpr std::size_t kIndexFrom = 32;
  bool indexed() const { return distinct_.size() >= kIndexFrom; }
  void index(std::uint32_t distinct);
  bool said_before(const ReplyWording& wording) const;

  std::size_t added_ = 0;
  std::vector<Distinct> distinct_;  // the long replies, each wording once, as first said
  // A run's holders: chained through `holders_` until there are kStockHolders of them, then
  // the latest kStockHolders side by side in a ring of `stock_`, where reading them costs no
  // cache miss each (the chain of a stock run cost most of a long attempt's grading).
  struct RunHolders {
    std::uint32_t latest = kNone;  // in `holders_`
    std::uint32_t count = 0;
    std::uint32_t ring = kNone;  // in `stock_`
  };
  struct StockRing {
    std::array<std::uint32_t, kStockHolders> holders{};  // distinct replies
    std::uint32_t next = 0;                              // where the next one goes
  };
  std::vector<Holder> holders_;  // the runs of every distinct reply, chained by run
  std::unordered_map<std::uint64_t, RunHolders> runs_;
  std::vector<StockRing> stock_;
  void add_holder(RunHolders& run, std::uint32_t distinct);
  template <typename Visit>
  void for_each_latest_holder(const RunHolders& run, Visit visit) const;
  std::unordered_multimap<std::uint64_t, std::uint32_t> by_fingerprint_;  // → `distinct_`
  // first_repeated's scratch: shared runs per distinct reply (zero between calls), and which
  // replies it counted.
  mutable std::vector<std::uint32_t> shared_runs_;
  mutable std::vector<std::uint32_t> sharing_;
};

// The verdict added to a step whose reply repeats the one given at step `step_number` (counted as
// the trainee met the steps, from 1), where the customer had said `customer_line`.
RuleResult repetition_result(std::size_t step_number, std::string_view customer_line);

}  // namespace coach
