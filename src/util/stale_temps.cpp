#include "util/stale_temps.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>

namespace coach {
namespace {

constexpr std::string_view kPrefix = ".coach-";
constexpr std::size_t kRandomPart = 6;  // mkstemp's XXXXXX

const std::string& host_name() {
  static const std::string name = [] {
    char buffer[256] = {};
    if (::gethostname(buffer, sizeof buffer - 1) != 0) return std::string("localhost");
    std::string host;
    for (const char* c = buffer; *c && host.size() < 64; ++c) {
      const bool plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                         (*c >= '0' && *c <= '9') || *c == '.' || *c == '-';
      host += plain ? *c : '_';
    }
    return host;
  }();
  return name;
}

// The process that made `name` (`.coach-PID@HOST-XXXXXX`), when it was made on this host.
std::optional<pid_t> maker_on_this_host(std::string_view name) {
  if (!name.starts_with(kPrefix) || name.size() < kPrefix.size() + kRandomPart + 3) return {};
  name.remove_prefix(kPrefix.size());
  const std::size_t at = name.find('@');
  if (at == std::string_view::npos) return {};
  const std::string_view rest = name.substr(at + 1);
  if (rest.size() < kRandomPart + 1 || rest[rest.size() - kRandomPart - 1] != '-') return {};
  if (rest.substr(0, rest.size() - kRandomPart - 1) != host_name()) return {};
  pid_t pid = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + at, pid);
  if (error != std::errc() || end != name.data() + at || pid <= 0) return {};
  return pid;
}

bool is_gone(pid_t pid) {
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace

std::string temp_file_template() {
  return std::string(kPrefix) + std::to_string(::getpid()) + "@" + host_name() + "-XXXXXX";
}

void remove_stale_temps(const std::string& folder) {
  static std::mutex swept_lock;
  static std::set<std::string> swept;
  {
    const std::lock_guard<std::mutex> lock(swept_lock);
    if (!swept.insert(folder).second) return;
  }
  std::error_code error;
  for (std::filesystem::directory_iterator entry(folder.empty() ? "." : folder, error), end;
       !error && entry != end; entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    const auto maker = maker_on_this_host(name);
    if (maker && *maker != ::getpid() && is_gone(*maker)) ::unlink(entry->path().c_str());
  }
}

}  // namespace coach
