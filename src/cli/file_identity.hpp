#pragma once
// Which file a path names: its device and inode. A history database removed or replaced while
// coach has it open is still written to (the open file lives on, unlinked), and every write
// succeeds; only comparing the path's file with the one opened tells that it went.
#include <sys/types.h>

#include <optional>
#include <string>

namespace coach::cli {

struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool operator==(const FileIdentity&) const = default;
};

// The file `path` names now; nullopt when it names none.
std::optional<FileIdentity> file_identity(const std::string& path);

}  // namespace coach::cli
