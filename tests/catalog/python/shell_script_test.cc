#include <gtest/gtest.h>

#include "catalog/python/pip_install.h"
#include "catalog/python/python_test_util.h"
#include "catalog/registry_decls.h"
#include "test_util.h"

namespace aisec::catalog {
namespace {

using testing::Fixture;

testing::CatalogOutput Catalog() {
  return testing::RunCataloger(python::ShellScript, Fixture("catalog/python/shell"), "setup.sh");
}

TEST(ShellScript, ReadsPipInstallLines) {
  auto out = Catalog();
  EXPECT_TRUE(out.warnings.empty());
  const Component* anthropic = out.Find("anthropic");
  ASSERT_NE(anthropic, nullptr);
  EXPECT_EQ(anthropic->version_spec, ">=0.34");
  EXPECT_EQ(anthropic->evidence[0].location.line, 7u);
  EXPECT_EQ(testing::Prop(*anthropic, "aisec:declared-by"), "pip-install");
  const Component* tiktoken = out.Find("tiktoken");
  ASSERT_NE(tiktoken, nullptr);
  EXPECT_EQ(tiktoken->version, "0.7.0");
  EXPECT_EQ(tiktoken->evidence[0].location.line, 8u);
  const Component* evals = out.Find("evals");  // -e git+…#egg=evals
  ASSERT_NE(evals, nullptr);
  EXPECT_EQ(evals->evidence[0].location.line, 9u);
  const Component* cohere = out.Find("cohere");  // sudo /usr/local/bin/pip3.11 … > /dev/null
  ASSERT_NE(cohere, nullptr);
  EXPECT_EQ(cohere->version, "5.9.1");
  EXPECT_NE(out.Find("wheel"), nullptr);
}

TEST(ShellScript, SkipsWhatIsNotAnInstallOfANamedPackage) {
  auto out = Catalog();
  for (const char* name : {"commented-out", "quoted-not-run", "some-wheel", "old-package",
                           "local-package", "sibling", "a", "b", "dev", "1"}) {
    EXPECT_EQ(out.Find(name), nullptr) << name;
  }
  EXPECT_EQ(out.components.size(), 6u);
}

TEST(PipInstall, FindsEveryLauncherForm) {
  auto names = [](std::string_view line) {
    std::vector<std::string> out;
    for (const auto& r : python::FindPipInstalls(line)) out.push_back(r.req.name);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names("pip install a"), V{"a"});
  EXPECT_EQ(names("pip3 install a b==1"), (V{"a", "b"}));
  EXPECT_EQ(names("%pip install -q a"), V{"a"});
  EXPECT_EQ(names("!pip3 install a"), V{"a"});
  EXPECT_EQ(names("python -m pip install a"), V{"a"});
  EXPECT_EQ(names("uv pip install --python 3.11 a"), V{"a"});
  EXPECT_EQ(names("pip --disable-pip-version-check install a"), V{"a"});
  EXPECT_EQ(names("pip install -i https://x/simple a; pip install b | tee log"), (V{"a", "b"}));
  EXPECT_EQ(names("pip install a 2>&1"), V{"a"});
  EXPECT_EQ(names("pip install -r requirements.txt -c constraints.txt"), V{});
  EXPECT_EQ(names("pipx install black"), V{});
  EXPECT_EQ(names("pip show a"), V{});
  EXPECT_EQ(python::FindPipInstalls("echo x && pip install  \"a[b]>=1\"")[0].offset,
            23u);  // the opening quote
}

}  // namespace
}  // namespace aisec::catalog
