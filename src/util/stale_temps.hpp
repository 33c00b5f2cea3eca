#pragma once
// The temporary files a write leaves beside its target until it is renamed into place. A
// process killed outright (SIGKILL, the OOM killer) leaves them behind: 360 killed grading runs
// left 342 of them, 27 MB, that no later run removed (outside pass 49, finding 03). Each is
// named after the process and host that made it, and a later run removes those of processes of
// this host that are gone.
#include <string>

namespace coach {

// The mkstemp template of this process's temporary files: `.coach-PID@HOST-XXXXXX`.
std::string temp_file_template();

// Removes, once per folder in a process, the temporary files in `folder` left by a process of
// this host that is no longer running. Files of other hosts (a shared folder), of live
// processes, and those named otherwise are left alone.
void remove_stale_temps(const std::string& folder);

}  // namespace coach
