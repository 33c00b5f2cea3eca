#pragma once
// Ctrl-C during a session: caught through a self-pipe so that a press at any moment, even
// between two reads, is seen by the next read instead of killing the session. Nothing else is
// broken off by it: a write it lands in (the feedback to a pipe whose reader is slow) resumes.
namespace coach::cli {

class InterruptCatcher {
 public:
  InterruptCatcher();   // installs the SIGINT handler
  ~InterruptCatcher();  // restores the previous handler
  InterruptCatcher(const InterruptCatcher&) = delete;
  InterruptCatcher& operator=(const InterruptCatcher&) = delete;

  // A descriptor that becomes readable when Ctrl-C was pressed.
  int fd() const;
  // Whether Ctrl-C was pressed since the last call.
  bool take();
  // Counts as a press: the key read as a character, where the terminal does not signal it.
  void post();
};

}  // namespace coach::cli
