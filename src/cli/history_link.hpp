#pragma once
// A command's connection to the history database. The history must never cost a trainee a
// session or a cohort its grades: every failure (a path that cannot be written, a database
// locked for too long, a broken file) becomes one warning on stderr naming the file. A database
// that cannot be opened or read is off for the rest of the command; a write that fails (a disk
// full for a moment) leaves it on, so that what was not written can be at the next write.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "cli/file_identity.hpp"
#include "history/history_store.hpp"

namespace coach::cli {

// Opens the database at `path`, creating its directory if needed. Throws.
std::unique_ptr<history::HistoryStore> open_history_store(const std::string& path);

class HistoryLink {
 public:
  // Opens (creating it and its directory if needed) the database at `path`: nullopt means the
  // history is off, an empty path that there is nowhere to keep it (warned about).
  explicit HistoryLink(std::optional<std::string> path);

  bool on() const { return store_ != nullptr; }

  // Runs `body` on the store, if the history is on. A failure is warned about and turns the
  // history off; returns whether `body` ran to the end.
  bool use(const std::function<void(history::HistoryStore&)>& body);

  // Runs `body`, a write, on the store, if the history is on. A failure is warned about once
  // (until a write succeeds again) and leaves the history on; returns whether `body` ran to the
  // end.
  bool write(const std::function<void(history::HistoryStore&)>& body);
  const std::string& path() const { return path_; }
  // Whether the path still names the database opened: false once it was removed or replaced
  // (what was written since went into the old, unlinked file). True with the history off.
  bool still_at_path() const;

 private:
  void warn(std::string_view problem);
  void warn_unwritten(std::string_view problem);

  std::string path_;
  std::unique_ptr<history::HistoryStore> store_;
  bool failing_ = false;                // the last write failed
  std::optional<FileIdentity> opened_;  // the file the path named when it was opened
};

}  // namespace coach::cli
