#pragma once
// A reserve of memory for the code that cannot survive an allocation failing inside it.
//
// RE2 is not written for std::bad_alloc: thrown from inside its parser it leaves half-built
// state that is later freed (a crash, seen under `ulimit -v`), and libstdc++'s
// directory_iterator::increment(error_code&) is noexcept, so there it ends the program. While
// a reserve is kept, an operator new that fails anywhere frees the reserve and is tried again,
// so the call it is in finishes (malloc, which C libraries call, fails as it would: libyaml and
// SQLite report it themselves). Before each such call, make_room_for_unsafe_code() takes the
// reserve back; when memory is too short for that it throws std::bad_alloc itself, from code
// that unwinds safely, and coach says it ran out of memory.
#include <atomic>
#include <cstddef>

namespace coach {

// At the start of the program: RE2 compiling one pattern, or searching one reply, needs far
// less. Under a limit too tight for the reserve there is none, and the first
// make_room_for_unsafe_code() says memory ran out.
inline constexpr std::size_t kMemoryReserveBytes = std::size_t{4} << 20;
void keep_memory_reserve(std::size_t bytes = kMemoryReserveBytes);

namespace detail {
extern std::atomic<void*> memory_reserve;              // null once drawn on (or never had)
extern std::atomic<std::size_t> memory_reserve_bytes;  // 0 while none is kept
void take_back_memory_reserve();
}  // namespace detail

// Cheap while nothing has failed: one read, so it may stand before every RE2 search.
inline void make_room_for_unsafe_code() {
  if (detail::memory_reserve.load(std::memory_order_acquire) == nullptr &&
      detail::memory_reserve_bytes.load(std::memory_order_relaxed) != 0)
    detail::take_back_memory_reserve();
}

}  // namespace coach
