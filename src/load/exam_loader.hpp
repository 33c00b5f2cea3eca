#pragma once
// Reads an exam file (exams/*.yaml) and checks that what it names exists.
#include <optional>
#include <string>

#include "load/scenario_library.hpp"
#include "model/exam.hpp"
#include "util/diagnostic.hpp"

namespace coach {

std::optional<Exam> load_exam_file(const std::string& path, Diagnostics& diagnostics);

std::optional<Exam> parse_exam(const std::string& content, const std::string& file,
                               Diagnostics& diagnostics);

// Scenarios and concepts the exam names must be in the library; errors point into the exam.
void check_exam_references(const Exam& exam, const ScenarioLibrary& library,
                           Diagnostics& diagnostics);

}  // namespace coach
