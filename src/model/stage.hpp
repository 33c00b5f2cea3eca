#pragma once
// The five stages of the documents' method for calming a complaint.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace coach {

enum class Stage { vent, apologize, gather, resolve, follow_up };

constexpr std::array<Stage, 5> kAllStages = {Stage::vent, Stage::apologize, Stage::gather,
                                             Stage::resolve, Stage::follow_up};

std::string_view stage_id(Stage stage);     // "vent", …: the contract's names
std::string_view stage_label(Stage stage);  // 让客户发泄 / Let the customer vent, per language
std::optional<Stage> parse_stage(std::string_view id);
// "unknown stage `apologise` (did you mean `apologize`?); expected vent, …": a misspelt stage
// gets the nearest id, as a misspelt scenario or concept does.
std::string unknown_stage_text(std::string_view written);

}  // namespace coach
