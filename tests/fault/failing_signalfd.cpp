// Loaded with LD_PRELOAD by tests/e2e/test_practice.py: signalfd() fails as it does when no
// descriptor is left, so that practice's watch of the ending signals cannot start while the
// session still can. coach must then let the signals it held since it started end it at their
// default, not hold them for ever.
#include <sys/signalfd.h>

#include <cerrno>

extern "C" int signalfd(int, const sigset_t*, int) {
  errno = EMFILE;
  return -1;
}
