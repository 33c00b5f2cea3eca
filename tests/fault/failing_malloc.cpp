// Loaded with LD_PRELOAD by tests/e2e/test_memory.py: makes chosen allocations fail, as they
// would when memory runs out at that moment, wherever they are made (coach, RE2, libyaml, the
// standard library). coach must then finish as it would have, or say that memory ran out.
// Allocations are counted from the start of coach's own code (its static objects, then main):
// those the shared libraries make as they are loaded, before it, are not coach's to survive.
//
//   COACH_FAIL_ALLOCATION=N      the Nth allocation fails (counted from 1) ...
//   COACH_FAIL_EVERY=P           ... and every Pth one after it
//   COACH_FAIL_IN=re2            counts only what RE2 allocates with operator new: the code that
//                                cannot survive a failure without coach's memory reserve
//   COACH_FAIL_ABOVE_BYTES=L     instead, an allocation fails while it would take the bytes in
//                                use past L: memory runs out as under a limit, and what is
//                                freed (coach's memory reserve) can be allocated again
//   COACH_COUNT_ALLOCATIONS=1    at exit, "allocations: <count>, failed: <count>, peak: <bytes
//                                in use at most>" on stderr
#include <dlfcn.h>
#include <link.h>
#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* block, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* block);
}

namespace {

std::atomic<bool> started = false;
std::atomic<long> counted_allocations = 0;
std::atomic<long> failed = 0;
std::atomic<long> in_use = 0;  // bytes, as malloc_usable_size counts them
std::atomic<long> peak = 0;

long setting(const char* name) {
  const char* value = std::getenv(name);  // getenv allocates nothing
  return value == nullptr ? 0 : std::atol(value);
}

bool only_in_re2() {
  static const bool re2 = [] {
    const char* where = std::getenv("COACH_FAIL_IN");
    return where != nullptr && std::strcmp(where, "re2") == 0;
  }();
  return re2;
}

// Counts one allocation; whether it is to fail.
bool this_one_fails() {
  static const long first = setting("COACH_FAIL_ALLOCATION");
  static const long every = setting("COACH_FAIL_EVERY");
  if (!started.load()) return false;
  const long count = ++counted_allocations;
  if (first <= 0 || count < first) return false;
  const bool fails = count == first || (every > 0 && (count - first) % every == 0);
  if (fails) ++failed;
  return fails;
}

// Whether `more` bytes would take the bytes in use past COACH_FAIL_ABOVE_BYTES.
bool over_limit(long more) {
  static const long limit = setting("COACH_FAIL_ABOVE_BYTES");
  if (limit <= 0 || !started.load() || in_use.load() + more <= limit) return false;
  ++failed;
  return true;
}

// malloc and its kin, which operator new calls too.
bool fails_in_c(std::size_t size) {
  const bool fails = over_limit(static_cast<long>(size)) || (!only_in_re2() && this_one_fails());
  if (fails) errno = ENOMEM;
  return fails;
}

void* counted(void* block) {
  if (block != nullptr) {
    const long now = in_use += static_cast<long>(malloc_usable_size(block));
    long seen = peak.load();
    while (now > seen && !peak.compare_exchange_weak(seen, now)) {
    }
  }
  return block;
}

void uncount(void* block) {
  if (block != nullptr) in_use -= static_cast<long>(malloc_usable_size(block));
}

struct Range {
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;
};

int find_re2(dl_phdr_info* info, std::size_t, void* data) {
  if (std::strstr(info->dlpi_name, "libre2") == nullptr) return 0;
  auto* range = static_cast<Range*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_LOAD || (segment.p_flags & PF_X) == 0) continue;
    range->begin = info->dlpi_addr + segment.p_vaddr;
    range->end = range->begin + segment.p_memsz;
  }
  return 1;
}

bool called_from_re2(const void* caller) {
  static const Range re2 = [] {
    Range range;
    dl_iterate_phdr(find_re2, &range);
    return range;
  }();
  const auto at = reinterpret_cast<std::uintptr_t>(caller);
  return at >= re2.begin && at < re2.end;
}

// operator new as the standard has it: when memory runs out, the new-handler is called and the
// allocation tried again.
void* allocate(std::size_t size, const void* caller) {
  bool fail = only_in_re2() && called_from_re2(caller) && this_one_fails();
  for (;;) {
    void* block = fail ? nullptr : std::malloc(size == 0 ? 1 : size);
    if (block != nullptr) return block;
    fail = false;
    const std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

__attribute__((destructor)) void say_count() {
  if (setting("COACH_COUNT_ALLOCATIONS") == 0) return;
  char line[96];
  const int length = std::snprintf(line, sizeof line, "allocations: %ld, failed: %ld, peak: %ld\n",
                                   counted_allocations.load(), failed.load(), peak.load());
  if (write(STDERR_FILENO, line, static_cast<std::size_t>(length)) < 0) return;
}

}  // namespace

void* operator new(std::size_t size) {
  return allocate(size, __builtin_return_address(0));
}

void* operator new[](std::size_t size) {
  return allocate(size, __builtin_return_address(0));
}

extern "C" {

// Where coach's own code starts: glibc runs the program's static constructors from here.
int __libc_start_main(int (*main)(int, char**, char**), int argc, char** argv, void (*init)(),
                      void (*fini)(), void (*rtld_fini)(), void* stack_end) {
  using Start = decltype(&__libc_start_main);
  const auto start = reinterpret_cast<Start>(dlsym(RTLD_NEXT, "__libc_start_main"));
  started.store(true);
  return start(main, argc, argv, init, fini, rtld_fini, stack_end);
}

void* malloc(std::size_t size) noexcept {
  return fails_in_c(size) ? nullptr : counted(__libc_malloc(size));
}

void* calloc(std::size_t count, std::size_t size) noexcept {
  return fails_in_c(count * size) ? nullptr : counted(__libc_calloc(count, size));
}

void* realloc(void* block, std::size_t size) noexcept {
  const long before = block == nullptr ? 0 : static_cast<long>(malloc_usable_size(block));
  if (size != 0 && fails_in_c(size > static_cast<std::size_t>(before) ? size - before : 0))
    return nullptr;
  void* moved = __libc_realloc(block, size);
  if (size == 0 || moved != nullptr) in_use -= before;  // freed, or moved and counted again
  return size == 0 ? moved : counted(moved);
}

void* memalign(std::size_t alignment, std::size_t size) noexcept {
  return fails_in_c(size) ? nullptr : counted(__libc_memalign(alignment, size));
}

void free(void* block) noexcept {
  uncount(block);
  __libc_free(block);
}

void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
  return memalign(alignment, size);
}

int posix_memalign(void** block, std::size_t alignment, std::size_t size) noexcept {
  void* allocated = memalign(alignment, size);
  if (allocated == nullptr) return ENOMEM;
  *block = allocated;
  return 0;
}

}  // extern "C"
