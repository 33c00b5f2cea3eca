#pragma once
// Finds the questions in a reply and tells open questions (asking for facts: 什么, 怎么, 哪 …)
// from closed ones (answered yes or no: 吗, 是不是, 对吗 …).
#include <string_view>
#include <vector>

#include "model/scenario.hpp"
#include "text/normalizer.hpp"

namespace coach {

struct Question {
  TextSpan span;  // in the normalised text
  QuestionKind kind = QuestionKind::closed;
};

std::vector<Question> find_questions(std::string_view normalized);

}  // namespace coach
