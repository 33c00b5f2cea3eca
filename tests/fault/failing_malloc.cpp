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
//   COACH_COUNT_ALLOCATIONS=1    at exit, "allocations: <count>, failed: <count>" on stderr
#include <dlfcn.h>
#include <link.h>
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
}

namespace {

std::atomic<bool> started = false;
std::atomic<long> counted = 0;
std::atomic<long> failed = 0;

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
  const long count = ++counted;
  if (first <= 0 || count < first) return false;
  const bool fails = count == first || (every > 0 && (count - first) % every == 0);
  if (fails) ++failed;
  return fails;
}

// malloc and its kin, which operator new calls too.
bool fails_in_c() {
  if (only_in_re2() || !this_one_fails()) return false;
  errno = ENOMEM;
  return true;
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
  char line[64];
  const int length = std::snprintf(line, sizeof line, "allocations: %ld, failed: %ld\n",
                                   counted.load(), failed.load());
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
  return fails_in_c() ? nullptr : __libc_malloc(size);
}

void* calloc(std::size_t count, std::size_t size) noexcept {
  return fails_in_c() ? nullptr : __libc_calloc(count, size);
}

void* realloc(void* block, std::size_t size) noexcept {
  if (size == 0) return __libc_realloc(block, size);  // a free
  return fails_in_c() ? nullptr : __libc_realloc(block, size);
}

void* memalign(std::size_t alignment, std::size_t size) noexcept {
  return fails_in_c() ? nullptr : __libc_memalign(alignment, size);
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
