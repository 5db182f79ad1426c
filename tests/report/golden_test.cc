// Whole documents for the sample result, compared with checked-in golden files so that every
// change to what a reporter writes shows up in review. AISEC_UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include <cstdlib>

#include "aisec/aisec.h"
#include "report/sample_result.h"
#include "test_util.h"

namespace aisec {
namespace {

TEST(ReportGolden, SampleDocumentsMatchTheGoldenFiles) {
  const bool update = std::getenv("AISEC_UPDATE_GOLDEN") != nullptr;
  for (const auto& [format, file] : {std::pair{"cyclonedx", "sample.cdx.json"},
                                     std::pair{"spdx", "sample.spdx.json"},
                                     std::pair{"sarif", "sample.sarif"}}) {
    auto text = Render(testing::SampleResult(), format);
    ASSERT_TRUE(text.ok()) << format;
    auto path = testing::Fixture(std::string("report/") + file);
    if (update) testing::WriteFile(path, *text);
    EXPECT_EQ(*text, testing::ReadFile(path))
        << format << " differs from " << path << "; if intended, rerun with AISEC_UPDATE_GOLDEN=1";
  }
}

}  // namespace
}  // namespace aisec
