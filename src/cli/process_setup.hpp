#pragma once
// What the caller hands the process (closed standard descriptors, signals that kill by default,
// resource limits) made safe before anything else runs: each default lost a trainee's work or a
// report in an outside pass.

namespace coach::cli {

// Puts closed descriptors 0–2 on /dev/null, ignores SIGPIPE and SIGXFSZ (a failed write is then
// an error coach reports), and leaves a second between the soft and hard CPU limits.
void prepare_process();

// Holds the signals that end a run (Ctrl-C, `kill`, a closed terminal, Ctrl-\, the CPU limit)
// from the start until the command can take them, and lets them go when it ends: until a
// session's watch or grade's reports were in place, their default ended coach at once, with
// the replies already piped unread and the earlier run's report left at its path (outside pass
// 49, finding 01). One that came meanwhile is taken then.
class EndingSignalsHeldAtStart {
 public:
  EndingSignalsHeldAtStart();
  ~EndingSignalsHeldAtStart();
  EndingSignalsHeldAtStart(const EndingSignalsHeldAtStart&) = delete;
  EndingSignalsHeldAtStart& operator=(const EndingSignalsHeldAtStart&) = delete;
};

// Lets the held signals go now, as they were before coach started: for a command with nothing
// to lose, at once; for grade, once its reports are open and registered for removal.
void release_ending_signals();

}  // namespace coach::cli
