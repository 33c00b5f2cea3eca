#include "report/report.hpp"

namespace coach {

std::unique_ptr<ReportWriter> make_report_writer(std::string_view format, const Style& style) {
  if (format == "json") return make_json_writer();
  if (format == "junit") return make_junit_writer();
  if (format == "csv") return make_csv_writer();
  if (format == "markdown") return make_markdown_writer();
  if (format == "html") return make_html_writer();
  return make_text_writer(style);
}

std::string render_report(ReportWriter& writer, const std::vector<AttemptResult>& results) {
  ReportFacts facts;
  std::string body;
  for (std::size_t i = 0; i < results.size(); ++i) {
    AttemptNote note;
    note.index = static_cast<int>(i);
    facts.cohort.add(results[i], note.index);
    body += writer.attempt(results[i], note);
  }
  return writer.head(facts) + body + writer.tail(facts);
}

std::string format_text_report(const std::vector<AttemptResult>& results, const Style& style) {
  return render_report(*make_text_writer(style), results);
}

std::string format_json_report(const std::vector<AttemptResult>& results) {
  return render_report(*make_json_writer(), results);
}

std::string format_junit_report(const std::vector<AttemptResult>& results) {
  return render_report(*make_junit_writer(), results);
}

}  // namespace coach
