#pragma once
// Scratch storage kept per thread and reused call after call, so that most replies allocate
// nothing for it. Each place holds its own:
//
//   static thread_local auto& words = thread_scratch<std::vector<WordFound>>();
//
// A thread_local object would be simpler, but glibc registers its destructor on first use with
// calloc, and when memory has run out it ends the program there ("failed to register TLS
// destructor") where coach would have said so. A thread_local reference needs no destructor;
// the object is made with new, which throws std::bad_alloc (the reference is then made on the
// next call), and is never destroyed: the only thread coach starts besides the main one, to
// watch for signals, uses none.

namespace coach {

template <typename T>
T& thread_scratch() {
  return *new T();
}

}  // namespace coach
