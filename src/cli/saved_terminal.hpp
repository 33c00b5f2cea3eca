#pragma once
// The terminal as coach found it, given back however coach leaves it: a line reader that
// changes the terminal's settings, or asks it to mark pastes, says so here, and a signal that
// ends coach (SIGTERM, SIGHUP, Ctrl-\ …) or stops it (Ctrl-Z) gives the terminal back before
// it acts. Without that, Ctrl-\ left the shell with no echo, and SIGTERM with no line editing
// (outside pass 39, finding 11). One terminal at a time (coach has one reader per run).
#include <termios.h>

namespace coach::cli {

// Called on the main thread before the reader changes anything; forget_terminal() once the
// reader has given the terminal back itself. A crash (a fault, an abort) gives it back too.
void remember_terminal(const termios& found);
void forget_terminal();

// Asks the terminal to mark what is pasted (`ESC [?2004h`: it then sends `ESC [200~` before a
// paste and `ESC [201~` after it, however it delivers the paste) or no longer to (`ESC [?2004l`).
// Only while the prompt reads: a shell or another program after coach must not get the marks.
void mark_pastes(bool on);

// Async-signal-safe, for the signal handlers and the thread that ends coach at a signal: the
// paste marks off and the settings as found. A no-op when nothing is remembered.
void give_terminal_back();
// Async-signal-safe: back from a stop, the paste marks on again if the prompt was reading.
void resume_paste_marks();

}  // namespace coach::cli
