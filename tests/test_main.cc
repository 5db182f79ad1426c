#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  // Compiled pattern databases go to a cache shared by this run's test processes (and the
  // aisec binaries they start), never to the user's own cache.
  ::setenv("AISEC_CACHE_DIR", (testing::TempDir() + "aisec-test-cache").c_str(), 0);
  return RUN_ALL_TESTS();
}
