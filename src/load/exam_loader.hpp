#pragma once
// Reads an exam file (exams/*.yaml) and checks that what it names exists.
#include <optional>
#include <string>

#include "load/scenario_library.hpp"
#include "model/exam.hpp"
#include "util/diagnostic.hpp"

namespace coach {

// With `library`, the scenarios and concepts the exam names are checked too, in the same round
// as its other problems: a trainer fixes the file once.
std::optional<Exam> load_exam_file(const std::string& path, Diagnostics& diagnostics,
                                   const ScenarioLibrary* library = nullptr);

std::optional<Exam> parse_exam(const std::string& content, const std::string& file,
                               Diagnostics& diagnostics, const ScenarioLibrary* library = nullptr);

// Scenarios and concepts the exam names must be in the library; errors point into the exam.
void check_exam_references(const Exam& exam, const ScenarioLibrary& library,
                           Diagnostics& diagnostics);

}  // namespace coach
