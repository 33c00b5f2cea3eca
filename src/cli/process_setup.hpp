#pragma once
// What the caller hands the process (closed standard descriptors, signals that kill by default,
// resource limits) made safe before anything else runs: each default lost a trainee's work or a
// report in an outside pass.

namespace coach::cli {

// Puts closed descriptors 0–2 on /dev/null, ignores SIGPIPE and SIGXFSZ (a failed write is then
// an error coach reports), leaves a second between the soft and hard CPU limits, and puts a
// buffer that keeps the reason of a failed write under std::cout (cli/stdout_buffer).
void prepare_process();

// The signals that end a run (Ctrl-C, `kill`, a closed terminal, Ctrl-\, the CPU limit) are held
// from the start of the process (a static initialiser) until the command can take them: until a
// session's watch or grade's reports were in place, their default ended coach at once, with the
// replies already piped unread and the earlier run's report left at its path (outside pass 49,
// finding 01). One that came meanwhile is taken when they are let go.

// Lets the held signals go now, as they were before coach started: for a command with nothing
// to lose, at once; for grade, once its reports are open and registered for removal. Once only.
void release_ending_signals();

// Lets them go when the command returns, whichever way it returns (practice's watch holds them
// for the session, and ends coach with one itself).
struct EndingSignalsReleasedOnReturn {
  EndingSignalsReleasedOnReturn() = default;
  ~EndingSignalsReleasedOnReturn() { release_ending_signals(); }
  EndingSignalsReleasedOnReturn(const EndingSignalsReleasedOnReturn&) = delete;
  EndingSignalsReleasedOnReturn& operator=(const EndingSignalsReleasedOnReturn&) = delete;
};

}  // namespace coach::cli
