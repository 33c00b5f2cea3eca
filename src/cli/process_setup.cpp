#include "cli/process_setup.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "cli/deferred_signals.hpp"
#include "cli/stdout_buffer.hpp"
#include "util/ending_note.hpp"
#include "util/memory_reserve.hpp"

namespace coach::cli {
namespace {

// The memory reserve (util/memory_reserve.hpp) is kept before any other static object is made:
// CLI11's validators allocate as the program starts.
struct MemoryReserveKeptAtStart {
  MemoryReserveKeptAtStart() { keep_memory_reserve(); }
};
const MemoryReserveKeptAtStart memory_reserve_kept_at_start __attribute__((init_priority(101)));

// A descriptor of 0, 1 or 2 left closed by the caller (`coach practice <&-`) would be handed to
// the next file opened: Ctrl-C's self-pipe then became standard input, a session waited on its
// own pipe for ever, and a report could have received what was printed. Each is put on
// /dev/null, read-only as SQLite does: reading it is end of input, and writing to it still
// fails (EBADF) as it would have, so `coach list >&-` is still a failure.
void open_closed_standard_descriptors() {
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // The lowest free descriptor: this one, since those below it are open by now.
    const int opened = ::open("/dev/null", O_RDONLY);
    if (opened >= 0 && opened != fd) ::close(opened);
  }
}

// A reader that stops early (`coach grade … | head`) must not kill the program: SIGPIPE's
// default ended it between opening the --report files and writing them, leaving their
// temporary files behind and the reports unwritten. Ignored, a write to the closed pipe fails
// with EPIPE instead, which ends only that stream (see unless_stdout_failed).
void ignore_closed_pipes() {
  std::signal(SIGPIPE, SIG_IGN);
}

// A file-size limit (`ulimit -f`, as batch systems and hardened CI runners set) must not kill
// the program either: SIGXFSZ's default ended it at the first write past the limit, without a
// word, with its temporary files left behind. Ignored, that write fails with EFBIG and is
// reported like a full disk: a report is named, a history or recording warned about.
void ignore_file_size_limit() {
  std::signal(SIGXFSZ, SIG_IGN);
}

// `ulimit -t N` sets the hard CPU limit with the soft one, and at the hard limit the kernel
// sends SIGKILL in the same tick as SIGXCPU: the reports and the files they replace could not be
// removed, and an earlier run's report stayed at the path as this run's. A second less of soft
// limit lets SIGXCPU come first, which ends coach as a cancelled job does (util/output_file).
void leave_time_for_the_cpu_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_CPU, &limit) != 0 || limit.rlim_max == RLIM_INFINITY) return;
  if (limit.rlim_cur < limit.rlim_max || limit.rlim_max < 2) return;
  limit.rlim_cur = limit.rlim_max - 1;
  ::setrlimit(RLIMIT_CPU, &limit);
}

sigset_t mask_before_start;
bool held_at_start = false;

void hold_ending_signals() {
  sigset_t held = session_ending_signals();
  for (const int signal : kEndingSignals) sigaddset(&held, signal);
  held_at_start = pthread_sigmask(SIG_BLOCK, &held, &mask_before_start) == 0;
}

// As early as a static object can: the shared libraries' own start-up takes milliseconds more.
struct EndingSignalsHeldFirst {
  EndingSignalsHeldFirst() { hold_ending_signals(); }
};
const EndingSignalsHeldFirst ending_signals_held_first __attribute__((init_priority(101)));

}  // namespace

void release_ending_signals() {
  if (!held_at_start) return;
  held_at_start = false;
  pthread_sigmask(SIG_SETMASK, &mask_before_start, nullptr);
}

void prepare_process() {
  open_closed_standard_descriptors();
  ignore_closed_pipes();
  ignore_file_size_limit();
  leave_time_for_the_cpu_limit();
  stdout_buffer();
}

}  // namespace coach::cli
