#include <gtest/gtest.h>

#include "catalog/cataloger.h"
#include "catalog/registry_decls.h"

namespace aisec::catalog {
namespace {

TEST(Context, OverInMemoryTextNeverReadsTheFile) {
  source::SourceFile file{"requirements.txt", "/nonexistent-aisec-test/requirements.txt"};
  source::FileReader reader;
  Sink sink;
  Context ctx(file, reader, sink, "openai==1.54.3\n");
  auto text = ctx.Text();
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "openai==1.54.3\n");
  EXPECT_EQ(reader.bytes_read(), 0u);
  python::RequirementsTxt(ctx);
  ASSERT_EQ(sink.components.size(), 1u);
  EXPECT_EQ(sink.components[0].purl, "pkg:pypi/openai@1.54.3");
}

TEST(Context, FromTheFileFailsWhenItIsMissing) {
  source::SourceFile file{"requirements.txt", "/nonexistent-aisec-test/requirements.txt"};
  source::FileReader reader;
  Sink sink;
  Context ctx(file, reader, sink);
  EXPECT_FALSE(ctx.Text().ok());
}

}  // namespace
}  // namespace aisec::catalog
