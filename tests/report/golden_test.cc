// Whole documents for the sample result, compared with checked-in golden files so that every
// change to what a reporter writes shows up in review. AISEC_UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "aisec/aisec.h"
#include "core/strings.h"
#include "report/sample_result.h"
#include "test_util.h"

namespace aisec {
namespace {

// "" when equal, else the first line that differs, for a readable failure.
std::string FirstDifference(const std::string& got, const std::string& want) {
  if (got == want) return "";
  auto got_lines = SplitLines(got), want_lines = SplitLines(want);
  for (size_t i = 0; i < std::max(got_lines.size(), want_lines.size()); ++i) {
    std::string_view g = i < got_lines.size() ? got_lines[i] : "<end>";
    std::string_view w = i < want_lines.size() ? want_lines[i] : "<end>";
    if (g != w) {
      return "line " + std::to_string(i + 1) + ": got `" + std::string(g) + "`, golden has `" +
             std::string(w) + "`";
    }
  }
  return "line endings differ";
}

TEST(ReportGolden, SampleDocumentsMatchTheGoldenFiles) {
  const bool update = std::getenv("AISEC_UPDATE_GOLDEN") != nullptr;
  for (const auto& [format, file] : {std::pair{"cyclonedx", "sample.cdx.json"},
                                     std::pair{"spdx", "sample.spdx.json"},
                                     std::pair{"sarif", "sample.sarif"}}) {
    auto text = Render(testing::SampleResult(), format);
    ASSERT_TRUE(text.ok()) << format;
    auto path = testing::Fixture(std::string("report/") + file);
    if (update) testing::WriteFile(path, *text);
    EXPECT_EQ(FirstDifference(*text, testing::ReadFile(path)), "")
        << format << " differs from " << path << "; if intended, rerun with AISEC_UPDATE_GOLDEN=1";
  }
}

}  // namespace
}  // namespace aisec
