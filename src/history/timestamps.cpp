#include "history/timestamps.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

namespace coach::history {
namespace {

std::optional<std::time_t> parse_utc(const std::string& utc) {
  std::tm parts{};
  char zone = 0;
  if (std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &parts.tm_year, &parts.tm_mon,
                  &parts.tm_mday, &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &zone) != 7 ||
      zone != 'Z')
    return std::nullopt;
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  return ::timegm(&parts);
}

bool in_range(int value, int low, int high) {
  return value >= low && value <= high;
}

}  // namespace

std::string utc_timestamp(std::time_t when) {
  std::tm parts{};
  ::gmtime_r(&when, &parts);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", parts.tm_year + 1900, parts.tm_mon + 1,
                     parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
}

std::string utc_now() {
  return utc_timestamp(std::time(nullptr));
}

std::string local_label(const std::string& utc) {
  const auto when = parse_utc(utc);
  if (!when) return utc;
  std::tm parts{};
  ::localtime_r(&*when, &parts);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", parts.tm_year + 1900, parts.tm_mon + 1,
                     parts.tm_mday, parts.tm_hour, parts.tm_min);
}

std::optional<std::string> parse_local_time(std::string_view text) {
  const std::string input(text);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, used = 0;
  if (std::sscanf(input.c_str(), "%4d-%2d-%2d%n", &year, &month, &day, &used) != 3)
    return std::nullopt;
  // 2024-02-30 is no date: mktime would quietly make it 1 March.
  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  if (static_cast<std::size_t>(used) < input.size()) {
    const char separator = input[static_cast<std::size_t>(used)];
    const std::string rest = input.substr(static_cast<std::size_t>(used) + 1);
    int tail = 0;
    if (separator != 'T' && separator != ' ') return std::nullopt;
    const int fields =
        std::sscanf(rest.c_str(), "%2d:%2d%n:%2d%n", &hour, &minute, &tail, &second, &tail);
    if (fields < 2 || static_cast<std::size_t>(tail) != rest.size() || !in_range(hour, 0, 23) ||
        !in_range(minute, 0, 59) || !in_range(second, 0, 60))
      return std::nullopt;
  }
  std::tm parts{};
  parts.tm_year = year - 1900;
  parts.tm_mon = month - 1;
  parts.tm_mday = day;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  parts.tm_isdst = -1;  // let the C library decide whether summer time applies
  const std::time_t when = std::mktime(&parts);
  if (when == static_cast<std::time_t>(-1)) return std::nullopt;
  return utc_timestamp(when);
}

}  // namespace coach::history
