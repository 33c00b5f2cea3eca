#include "session/answers_writer.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace coach {
namespace {

void emit_attempt_body(YAML::Emitter& out, const Attempt& attempt) {
  out << YAML::Key << "scenario" << YAML::Value << attempt.scenario_id;
  out << YAML::Key << "responses" << YAML::Value << YAML::BeginMap;
  for (const auto& [step, response] : attempt.responses) {
    out << YAML::Key << step << YAML::Value << YAML::DoubleQuoted << response.text;
  }
  out << YAML::EndMap;
  if (!attempt.seconds.empty()) {
    out << YAML::Key << "seconds" << YAML::Value << YAML::BeginMap;
    for (const auto& [step, seconds] : attempt.seconds) {
      out << YAML::Key << step << YAML::Value << fmt::format("{:.1f}", seconds);
    }
    out << YAML::EndMap;
  }
  if (!attempt.path.empty()) {
    out << YAML::Key << "path" << YAML::Value << YAML::BeginSeq;
    for (const auto& turn : attempt.path) {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "step" << YAML::Value << turn.step_id
          << YAML::Key << "customer" << YAML::Value << YAML::DoubleQuoted << turn.customer_line
          << YAML::Key << "mood" << YAML::Value << turn.mood_after << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  if (!attempt.earlier_tries.empty()) {
    out << YAML::Key << "earlier_tries" << YAML::Value << YAML::BeginMap;
    for (const auto& [step, tries] : attempt.earlier_tries) {
      out << YAML::Key << step << YAML::Value << YAML::BeginSeq;
      for (const auto& text : tries) out << YAML::DoubleQuoted << text;
      out << YAML::EndSeq;
    }
    out << YAML::EndMap;
  }
}

}  // namespace

std::string format_answers(const AnswersFile& answers) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  if (!answers.trainee.empty())
    out << YAML::Key << "trainee" << YAML::Value << YAML::DoubleQuoted << answers.trainee;
  if (answers.attempts.size() == 1) {
    emit_attempt_body(out, answers.attempts.front());
  } else {
    out << YAML::Key << "attempts" << YAML::Value << YAML::BeginSeq;
    for (const auto& attempt : answers.attempts) {
      out << YAML::BeginMap;
      emit_attempt_body(out, attempt);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace coach
