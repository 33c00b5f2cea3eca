#pragma once
// Keys typed at a terminal before coach takes it out of canonical mode (the first tens of
// milliseconds, while the library loads). There the kernel keeps a Ctrl-D on an empty line as an
// end-of-file mark, which turns into a NUL byte once the terminal is non-canonical: the end of
// input was lost, and the NUL stood in the reply (outside pass 49, finding 6). Read while the
// terminal is still canonical, the mark is told apart from a NUL (Ctrl-Space).
#include <string>

namespace coach::cli {

// The complete lines already typed at `fd` while its terminal is canonical, as typed, with each
// end-of-file mark given back as the Ctrl-D that made it; the reading stops after one. Text
// typed without its Enter stays with the terminal, which hands it over after these. Empty when
// nothing is waiting or the terminal is not canonical; never waits.
std::string read_canonical_typeahead(int fd);

}  // namespace coach::cli
