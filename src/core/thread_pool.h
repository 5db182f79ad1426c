#pragma once
// A fixed-size pool of worker threads. One pool per scan, sized to the cores.
// Thread-safe: Submit() may be called from any thread, including from inside a task.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace aisec {

class ThreadPool {
 public:
  // threads == 0 means std::thread::hardware_concurrency().
  explicit ThreadPool(unsigned threads = 0);
  ~ThreadPool();  // waits for every submitted task
  // Owns threads; neither copyable nor movable.
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  void Submit(std::function<void()> task);
  // Blocks until every task submitted so far (and those they submit) has finished.
  void Wait();
  unsigned size() const { return static_cast<unsigned>(workers_.size()); }

  // Runs fn(i) for i in [0, n), spread over the pool in chunks; returns when all are done.
  void ParallelFor(size_t n, const std::function<void(size_t)>& fn);

 private:
  void Work();

  std::vector<std::thread> workers_;
  std::deque<std::function<void()>> queue_;
  std::mutex mu_;
  std::condition_variable has_work_;
  std::condition_variable idle_;
  size_t active_ = 0;
  bool stop_ = false;
};

}  // namespace aisec
