#pragma once
// Times in the history are stored as ISO 8601 in UTC ("2024-05-01T08:30:00Z"), which sort as
// text; people read and type them in local time.
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace coach::history {

std::string utc_timestamp(std::time_t when);
std::string utc_now();

// "2024-05-01 16:30" in local time, for the chart; the stored text itself when unreadable.
std::string local_label(const std::string& utc);

// A date or time typed in local time — YYYY-MM-DD, optionally followed by `T` or a space and
// HH:MM[:SS] — as the UTC timestamp it names; nullopt when it is not one.
std::optional<std::string> parse_local_time(std::string_view text);

}  // namespace coach::history
