// Running out of memory: the reserve that lets code which cannot survive a failing allocation
// finish (util/memory_reserve), scratch that needs no destructor registered
// (util/thread_scratch), and the words it is said in (util/out_of_memory).
#include <doctest/doctest.h>

#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "util/i18n.hpp"
#include "util/memory_reserve.hpp"
#include "util/out_of_memory.hpp"
#include "util/thread_scratch.hpp"

using namespace coach;

namespace {

// The new-handler is the whole program's: each test leaves none behind.
struct NewHandlerRestored {
  ~NewHandlerRestored() { std::set_new_handler(nullptr); }
};

}  // namespace

TEST_CASE("an allocation that fails draws on the reserve, which is taken back before unsafe code") {
  const NewHandlerRestored restored;
  keep_memory_reserve(1 << 16);
  const std::new_handler out_of_memory = std::get_new_handler();
  REQUIRE(static_cast<bool>(out_of_memory));
  out_of_memory();  // what operator new calls when malloc fails: the reserve is freed
  CHECK(detail::memory_reserve.load() == nullptr);
  CHECK_THROWS_AS(out_of_memory(), std::bad_alloc);  // nothing left to draw on
  make_room_for_unsafe_code();
  CHECK(detail::memory_reserve.load() != nullptr);
  out_of_memory();  // drawn on again
  make_room_for_unsafe_code();
  CHECK(detail::memory_reserve.load() != nullptr);
}

// AddressSanitizer ends the program on an allocation that large instead of failing it.
#if !defined(__SANITIZE_ADDRESS__)
TEST_CASE("without room for the reserve, unsafe code is not entered: memory ran out") {
  const NewHandlerRestored restored;
  keep_memory_reserve(SIZE_MAX / 2);  // more than any machine gives
  CHECK(detail::memory_reserve.load() == nullptr);
  CHECK_THROWS_AS(make_room_for_unsafe_code(), std::bad_alloc);
  keep_memory_reserve(1 << 16);
  CHECK_NOTHROW(make_room_for_unsafe_code());
}
#endif

TEST_CASE("scratch is kept per place: each call makes another") {
  static thread_local auto& first = thread_scratch<std::vector<int>>();
  static thread_local auto& second = thread_scratch<std::vector<int>>();
  first.push_back(1);
  CHECK(&first != &second);
  CHECK(second.empty());
}

TEST_CASE("running out of memory is said in words") {
  const Language before = language();
  set_language(Language::zh);
  CHECK(error_text(std::bad_alloc()) == "内存不足");
  set_language(Language::en);
  CHECK(error_text(std::bad_alloc()) == "out of memory");
  CHECK(error_text(std::runtime_error("r.yaml: cannot write")) == "r.yaml: cannot write");
  set_language(before);
  CHECK_THROWS_AS(throw_if_out_of_memory(std::make_error_code(std::errc::not_enough_memory)),
                  std::bad_alloc);
  CHECK_NOTHROW(throw_if_out_of_memory(std::make_error_code(std::errc::permission_denied)));
  CHECK_THROWS_AS(throw_if_out_of_memory(ENOMEM), std::bad_alloc);
  CHECK_NOTHROW(throw_if_out_of_memory(0));
}
