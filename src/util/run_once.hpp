#pragma once
// Work done once, by whichever thread asks first; work that throws is left undone, for the next
// caller to try again, as std::call_once leaves it.
//
// std::call_once itself is not used: it is glibc's pthread_once, and an exception thrown through
// it (out of memory while compiling a pattern) makes glibc load libgcc_s to unwind its frame.
// Under a memory limit that load fails, and glibc aborts the program ("libgcc_s.so.1 must be
// installed for unwinding to work") where coach would have said it ran out of memory. An
// exception thrown under a std::mutex unwinds through C++ frames only.
#include <atomic>
#include <mutex>

namespace coach {

class Once {
 public:
  template <typename Work>
  void run(Work&& work) {
    if (done_.load(std::memory_order_acquire)) return;
    const std::lock_guard lock(mutex_);
    if (done_.load(std::memory_order_relaxed)) return;
    work();
    done_.store(true, std::memory_order_release);
  }

 private:
  std::atomic<bool> done_ = false;
  std::mutex mutex_;
};

}  // namespace coach
