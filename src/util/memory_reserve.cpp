#include "util/memory_reserve.hpp"

#include <cstdlib>
#include <new>

namespace coach {

namespace detail {
std::atomic<bool> memory_reserve_drawn = false;
}  // namespace detail

namespace {

std::atomic<void*> reserve = nullptr;
std::atomic<std::size_t> reserve_bytes = 0;

// The new-handler: operator new tries again after it returns, and fails for good when it
// throws.
void draw_on_reserve() {
  void* held = reserve.exchange(nullptr);
  if (held == nullptr) throw std::bad_alloc();
  std::free(held);
  detail::memory_reserve_drawn.store(true);
}

}  // namespace

void keep_memory_reserve(std::size_t bytes) {
  reserve_bytes.store(bytes);
  // Never written, so it costs address space but no memory.
  void* fresh = std::malloc(bytes);
  std::free(reserve.exchange(fresh));
  detail::memory_reserve_drawn.store(fresh == nullptr);
  std::set_new_handler(draw_on_reserve);
}

void detail::take_back_memory_reserve() {
  void* fresh = std::malloc(reserve_bytes.load());
  if (fresh == nullptr) throw std::bad_alloc();
  std::free(reserve.exchange(fresh));
  memory_reserve_drawn.store(false);
}

}  // namespace coach
