#include "util/memory_reserve.hpp"

#include <cstdlib>
#include <new>

namespace coach {

namespace detail {
std::atomic<void*> memory_reserve = nullptr;
std::atomic<std::size_t> memory_reserve_bytes = 0;
}  // namespace detail

namespace {

// The new-handler: operator new tries again after it returns, and fails for good when it
// throws. It may run on any thread; the reserve's one pointer says whether it is held.
void draw_on_reserve() {
  void* held = detail::memory_reserve.exchange(nullptr);
  if (held == nullptr) throw std::bad_alloc();
  std::free(held);
}

}  // namespace

void keep_memory_reserve(std::size_t bytes) {
  detail::memory_reserve_bytes.store(bytes);
  // Never written, so it costs address space but no memory.
  std::free(detail::memory_reserve.exchange(std::malloc(bytes)));
  std::set_new_handler(draw_on_reserve);
}

void detail::take_back_memory_reserve() {
  void* fresh = std::malloc(memory_reserve_bytes.load());
  if (fresh == nullptr) throw std::bad_alloc();
  void* none = nullptr;
  if (!memory_reserve.compare_exchange_strong(none, fresh)) std::free(fresh);  // taken back already
}

}  // namespace coach
