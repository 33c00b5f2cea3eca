#pragma once
// How large RE2's program for a trainer's pattern can be, read from its text without compiling
// it (its classes are compiled alone, each once): the load compiles only the patterns whose bound
// passes the limit it allows (engine/trainer_pattern), and every other pattern when a reply first
// needs it.
#include <cstddef>
#include <string_view>

namespace coach {

// How a bound reads a class: from its characters, loosely but for free, or by compiling it alone
// (once per distinct class, about 20 µs), closely.
enum class ClassSizes { read, measured };

// At least as many instructions as RE2 compiles the pattern into, case-insensitive and in UTF-8.
std::size_t program_size_bound(std::string_view pattern, ClassSizes classes = ClassSizes::measured);

// How many characters of a class (`.`, `[^,]`, `\pL`) the pattern spells out along its longest
// way through: `[^,]{0,24}` has 24, `.*` one, `(.{10}){10}` a hundred, `a|.{5}` five. RE2's DFA
// follows each of them at once, and with hundreds it runs out of room and gives up for the
// much slower NFA on a long reply (`.{1000}` made grading 200 times slower). Different classes
// side by side or as alternatives cost more than their count says.
std::size_t class_positions_bound(std::string_view pattern);

}  // namespace coach
