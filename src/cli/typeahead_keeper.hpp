#pragma once
// A terminal that coach reads without editing it (libedit with TERM=emacs) stays canonical: the
// kernel edits the line and turns Ctrl-C into SIGINT, and with that signal it threw away every
// key not yet read — a reply ended with Enter just before Ctrl-C, the text typed so far. While
// one of these lives the terminal keeps them (NOFLSH); its own settings come back exactly when
// it goes, and before coach is stopped (Ctrl-Z) or ended by a signal. One at a time: the
// signal handlers know one terminal's settings (coach has one reader per run).
#include <termios.h>

namespace coach::cli {

class TypeaheadKeeper {
 public:
  TypeaheadKeeper();   // sets NOFLSH on standard input's terminal
  ~TypeaheadKeeper();  // restores the settings found
  TypeaheadKeeper(const TypeaheadKeeper&) = delete;
  TypeaheadKeeper& operator=(const TypeaheadKeeper&) = delete;
};

}  // namespace coach::cli
