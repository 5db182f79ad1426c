// Version schemes (src/assess/version/): the first byte picks the ecosystem (PEP 440, npm, Go,
// Cargo, Maven, NuGet, RubyGems, Composer), the rest is up to three NUL-separated strings, each
// parsed as a version and as a range. Comparison must be a total order on what parses:
// reflexive, antisymmetric and transitive; a range's normal form admits what the range admits.
#include "assess/version/range.h"
#include "assess/version/scheme.h"
#include "fuzz_input.h"

#include <optional>
#include <vector>

namespace {

using namespace aisec::assess::version;

constexpr std::string_view kTypes[] = {"pypi",  "npm",   "golang", "cargo",
                                       "maven", "nuget", "gem",    "composer"};

int Sign(int c) { return (c > 0) - (c < 0); }

void CheckOrder(const Scheme& s, const std::vector<Version>& vs) {
  for (const auto& a : vs) {
    AISEC_FUZZ_CHECK(s.Compare(a, a) == 0);
    for (const auto& b : vs) {
      int ab = Sign(s.Compare(a, b));
      AISEC_FUZZ_CHECK(ab == -Sign(s.Compare(b, a)));
      for (const auto& c : vs) {
        if (ab <= 0 && Sign(s.Compare(b, c)) <= 0) AISEC_FUZZ_CHECK(Sign(s.Compare(a, c)) <= 0);
      }
    }
  }
}

void CheckRange(const Scheme& s, std::string_view spec, const std::vector<Version>& vs) {
  auto range = s.ParseRange(spec);
  if (!range.ok()) return;
  (void)range->ToString();
  VersionSet normal = range->Normalized(s);
  (void)normal.ToString();
  (void)range->Complement(s).ToString();
  (void)range->IsEmpty(s);
  for (const auto& v : vs) AISEC_FUZZ_CHECK(range->Contains(s, v) == normal.Contains(s, v));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Scheme* s = ForPurlType(kTypes[data[0] % std::size(kTypes)]);
  AISEC_FUZZ_CHECK(s != nullptr);
  std::string_view rest = aisec::fuzz::AsText(data + 1, size - 1);
  std::vector<std::string_view> texts;
  for (int i = 0; i < 3 && !rest.empty(); ++i) {
    auto [head, tail] = aisec::fuzz::SplitAtNul(rest);
    texts.push_back(head);
    rest = tail;
  }
  std::vector<Version> versions;
  for (auto t : texts) {
    if (auto v = s->Parse(t); v.ok()) {
      AISEC_FUZZ_CHECK(v->valid());
      versions.push_back(std::move(*v));
    }
  }
  CheckOrder(*s, versions);
  for (auto t : texts) CheckRange(*s, t, versions);
  return 0;
}
