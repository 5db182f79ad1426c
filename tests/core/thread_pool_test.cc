#include "core/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>

namespace aisec {
namespace {

TEST(ThreadPool, RunsEveryTaskIncludingNestedOnes) {
  std::atomic<int> n{0};
  {
    ThreadPool pool(3);
    for (int i = 0; i < 100; ++i) {
      pool.Submit([&] {
        n++;
        pool.Submit([&] { n++; });
      });
    }
    pool.Wait();
    EXPECT_EQ(n.load(), 200);
  }
}

TEST(ThreadPool, ParallelForCoversRange) {
  ThreadPool pool(2);
  std::vector<int> hit(1000, 0);
  pool.ParallelFor(hit.size(), [&](size_t i) { hit[i]++; });
  for (int h : hit) EXPECT_EQ(h, 1);
}

}  // namespace
}  // namespace aisec
