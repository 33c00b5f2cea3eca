#include "model/stage.hpp"

#include <fmt/format.h>

#include <vector>

#include "util/closest_name.hpp"
#include "util/i18n.hpp"
#include "util/utf8.hpp"

namespace coach {

std::string_view stage_id(Stage stage) {
  switch (stage) {
    case Stage::vent:
      return "vent";
    case Stage::apologize:
      return "apologize";
    case Stage::gather:
      return "gather";
    case Stage::resolve:
      return "resolve";
    case Stage::follow_up:
      return "follow_up";
  }
  return "vent";
}

std::string_view stage_label(Stage stage) {
  switch (stage) {
    case Stage::vent:
      return tr("倾听发泄", "let them vent");
    case Stage::apologize:
      return tr("道歉复述", "apologize");
    case Stage::gather:
      return tr("搜集信息", "gather facts");
    case Stage::resolve:
      return tr("解决方案", "resolve");
    case Stage::follow_up:
      return tr("跟踪回访", "follow up");
  }
  return "";
}

std::optional<Stage> parse_stage(std::string_view id) {
  for (Stage stage : kAllStages) {
    if (stage_id(stage) == id) return stage;
  }
  return std::nullopt;
}

std::string unknown_stage_text(std::string_view written) {
  std::vector<std::string_view> ids;
  for (const Stage stage : kAllStages) ids.push_back(stage_id(stage));
  return fmt::format(
      fmt::runtime(tr("未知的阶段 `{}`{};应是 vent、apologize、gather、resolve 或 follow_up",
                      "unknown stage `{}`{}; expected vent, apologize, gather, resolve or "
                      "follow_up")),
      utf8::quote(written), did_you_mean(written, ids));
}

}  // namespace coach
