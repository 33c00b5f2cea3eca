#include "engine/impossible_condition.hpp"

#include <fmt/format.h>

#include "util/i18n.hpp"

namespace coach {
namespace {

std::string never_holds_because(std::string_view reason) {
  return fmt::format(
      fmt::runtime(tr("这个条件永远不会成立({})", "this condition can never hold ({})")), reason);
}

std::optional<std::string> contradictory_mood(const Condition& condition, int limit) {
  const auto& above = condition.mood_above;
  const auto& below = condition.mood_below;
  if (above && below && *below <= *above + 1) {
    return never_holds_because(
        fmt::format(fmt::runtime(tr("怒气不可能既高于 {} 又低于 {}",
                                    "anger cannot be above {} and below {} at once")),
                    *above, *below));
  }
  if ((above && *above >= limit - 1) || (below && *below <= 0)) {
    return never_holds_because(
        fmt::format(fmt::runtime(tr("怒气在 0 到 {} 之间,到 {} 客户就离开了",
                                    "anger runs from 0 to {}; at {} the customer leaves")),
                    limit, limit));
  }
  return std::nullopt;
}

std::optional<std::string> said_and_not_said(const Condition& condition) {
  if (condition.said.empty() || condition.said != condition.not_said) return std::nullopt;
  return never_holds_because(fmt::format(
      fmt::runtime(tr("`{}` 不可能既说过又没说过", "`{}` cannot be both said and not said")),
      condition.said));
}

// Before the first reply nothing has been said and the anger is still where it started.
std::optional<std::string> before_any_reply(const Condition& condition, int opening_mood) {
  if (!condition.said.empty()) {
    return never_holds_because(
        fmt::format(fmt::runtime(tr("这是第一步,学员还没有回答过,不可能已经说过 `{}`",
                                    "this is the first step: no earlier reply can have said `{}`")),
                    condition.said));
  }
  if (condition.mood_above && !(opening_mood > *condition.mood_above)) {
    return never_holds_because(fmt::format(
        fmt::runtime(tr("这是第一步,还没有回答改变过怒气,它仍是开始时的 {},不高于 {}",
                        "this is the first step: no reply has moved the anger yet, and its "
                        "starting {} is not above {}")),
        opening_mood, *condition.mood_above));
  }
  if (condition.mood_below && !(opening_mood < *condition.mood_below)) {
    return never_holds_because(fmt::format(
        fmt::runtime(tr("这是第一步,还没有回答改变过怒气,它仍是开始时的 {},不低于 {}",
                        "this is the first step: no reply has moved the anger yet, and its "
                        "starting {} is not below {}")),
        opening_mood, *condition.mood_below));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> why_never_holds(const Condition& condition,
                                           const ConditionPlace& place) {
  if (auto reason = contradictory_mood(condition, place.limit)) return reason;
  if (auto reason = said_and_not_said(condition)) return reason;
  if (place.opening_mood) return before_any_reply(condition, *place.opening_mood);
  return std::nullopt;
}

}  // namespace coach
