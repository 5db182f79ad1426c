#pragma once
// A growable array for large arrays of plain values (the pickle machine's heap and memo).
//
// std::vector grows by allocating twice the size, copying and freeing: filling 100 MB that way
// touches (and has the kernel zero) about twice that, and copies it once more. Here blocks of
// 4 MiB and more are mapped directly, marked for transparent huge pages, and grown with mremap,
// which moves page tables instead of bytes: each byte is faulted in once and never copied.
// Smaller blocks use realloc. Only for trivially copyable T; elements are not initialised by
// push_back/append (they are written), and resize value-initialises new ones.
#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <new>
#include <type_traits>

namespace aisec {

template <typename T>
class BigArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  BigArray() = default;
  ~BigArray() { Release(); }
  // Move-only: a copy of hundreds of megabytes should never happen by accident.
  BigArray(const BigArray&) = delete;
  BigArray& operator=(const BigArray&) = delete;
  BigArray(BigArray&& o) noexcept : p_(o.p_), size_(o.size_), cap_(o.cap_) { o.Forget(); }
  BigArray& operator=(BigArray&& o) noexcept {
    if (this != &o) {
      Release();
      p_ = o.p_;
      size_ = o.size_;
      cap_ = o.cap_;
      o.Forget();
    }
    return *this;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return p_; }
  const T* data() const { return p_; }
  T& operator[](size_t i) { return p_[i]; }
  const T& operator[](size_t i) const { return p_[i]; }
  T* begin() { return p_; }
  T* end() { return p_ + size_; }
  const T* begin() const { return p_; }
  const T* end() const { return p_ + size_; }

  void push_back(T v) {  // by value: v may live in this array
    if (size_ == cap_) [[unlikely]] Grow(size_ + 1);
    p_[size_++] = v;
  }
  // Appends n values from `first`, which may point into this array.
  void append(const T* first, size_t n) {
    if (n == 0) return;
    if (size_ + n > cap_) {
      bool inside = !std::less<const T*>()(first, p_) && std::less<const T*>()(first, p_ + size_);
      size_t at = inside ? static_cast<size_t>(first - p_) : 0;
      Grow(size_ + n);
      if (inside) first = p_ + at;
    }
    if (n <= 8) {  // the common case (a tuple's items, a short string): no call to memcpy
      for (size_t i = 0; i < n; ++i) p_[size_ + i] = first[i];
    } else {
      std::memcpy(static_cast<void*>(p_ + size_), first, n * sizeof(T));
    }
    size_ += n;
  }
  void resize(size_t n) {
    if (n > cap_) Grow(n);
    for (size_t i = size_; i < n; ++i) p_[i] = T{};
    size_ = n;
  }
  void reserve(size_t n) {
    if (n > cap_) Grow(n);
  }
  void clear() { size_ = 0; }  // keeps the memory for the next fill

 private:
  static constexpr size_t kMapped = 4u << 20;
  static constexpr size_t kPage = 4096;

  static bool Mapped(size_t bytes) { return bytes >= kMapped; }

  void Grow(size_t min) {
    size_t want = cap_ < 64 ? 64 : cap_ * 2;
    if (want < min) want = min;
    size_t old_bytes = cap_ * sizeof(T);
    size_t bytes = want * sizeof(T);
    void* p;
    if (!Mapped(bytes)) {
      p = std::realloc(p_, bytes);
      if (p == nullptr) throw std::bad_alloc();
    } else {
      bytes = (bytes + kPage - 1) / kPage * kPage;
      if (Mapped(old_bytes)) {
        p = ::mremap(static_cast<void*>(p_), (old_bytes + kPage - 1) / kPage * kPage, bytes, MREMAP_MAYMOVE);
      } else {
        p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p != MAP_FAILED && size_ > 0) std::memcpy(p, static_cast<void*>(p_), size_ * sizeof(T));
        if (p != MAP_FAILED) std::free(p_);
      }
      if (p == MAP_FAILED) throw std::bad_alloc();
      ::madvise(p, bytes, MADV_HUGEPAGE);
    }
    p_ = static_cast<T*>(p);
    cap_ = bytes / sizeof(T);
  }

  void Release() {
    if (p_ == nullptr) return;
    size_t bytes = cap_ * sizeof(T);
    if (Mapped(bytes)) {
      ::munmap(static_cast<void*>(p_), (bytes + kPage - 1) / kPage * kPage);
    } else {
      std::free(p_);
    }
  }
  void Forget() {
    p_ = nullptr;
    size_ = cap_ = 0;
  }

  T* p_ = nullptr;
  size_t size_ = 0;
  size_t cap_ = 0;
};

}  // namespace aisec
