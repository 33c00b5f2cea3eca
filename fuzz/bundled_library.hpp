#pragma once
// The bundled scenarios (or one of them) with the bundled lexicons, loaded once per fuzz target.
// A library that does not load cleanly stops the target at once: every input would be wasted.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "load/scenario_library.hpp"

#ifndef COACH_FUZZ_SCENARIOS
#error "COACH_FUZZ_SCENARIOS must name the bundled scenario directory"
#endif

inline const coach::ScenarioLibrary& bundled_library(const std::string& scenarios) {
  static const coach::ScenarioLibrary loaded = [&] {
    coach::Diagnostics diagnostics;
    auto result =
        coach::ScenarioLibrary::load({scenarios}, {COACH_FUZZ_SCENARIOS "/lexicons"}, diagnostics);
    if (!diagnostics.empty() || result.rubrics().empty()) {
      std::fprintf(stderr, "cannot load %s:\n%s\n", scenarios.c_str(),
                   diagnostics.to_string().c_str());
      std::abort();
    }
    return result;
  }();
  return loaded;
}
