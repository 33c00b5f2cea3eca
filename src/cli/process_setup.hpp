#pragma once
// What the caller hands the process (closed standard descriptors, signals that kill by default,
// resource limits) made safe before anything else runs: each default lost a trainee's work or a
// report in an outside pass.

namespace coach::cli {

// Puts closed descriptors 0–2 on /dev/null, ignores SIGPIPE and SIGXFSZ (a failed write is then
// an error coach reports), and leaves a second between the soft and hard CPU limits.
void prepare_process();

}  // namespace coach::cli
