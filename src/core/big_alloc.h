#pragma once
// An allocator for large, growing arrays (the pickle machine's heap and memo): blocks of 4 MiB
// and more are mapped directly and marked for transparent huge pages, so that filling hundreds
// of megabytes costs hundreds of page faults instead of tens of thousands. Smaller blocks come
// from the ordinary allocator. Stateless; usable with std::vector.
#include <sys/mman.h>

#include <cstddef>
#include <new>
#include <vector>

namespace aisec {

template <typename T>
struct BigAllocator {
  using value_type = T;
  static constexpr size_t kMapped = 4u << 20;

  BigAllocator() = default;
  template <typename U>
  BigAllocator(const BigAllocator<U>&) {}  // NOLINT: rebinding

  T* allocate(size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kMapped) return static_cast<T*>(::operator new(bytes));
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    ::madvise(p, bytes, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    size_t bytes = n * sizeof(T);
    if (bytes < kMapped) {
      ::operator delete(p);
    } else {
      ::munmap(p, bytes);
    }
  }
  template <typename U>
  bool operator==(const BigAllocator<U>&) const { return true; }
};

template <typename T>
using BigVector = std::vector<T, BigAllocator<T>>;

}  // namespace aisec
