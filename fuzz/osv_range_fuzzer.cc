// The OSV range evaluator (src/assess/osv/evaluate.h): the first byte picks the ecosystem, the
// first line is the version to evaluate, the rest an affected entry in the advisory database's
// encoding ("R ECOSYSTEM", "I 1.0", "F 2.0", "V 1.5", …). Evaluating must not fail, a listed
// version is always affected, and a version the OSV algorithm puts in a range is in the entry's
// interval set.
#include "assess/osv/advisory.h"
#include "assess/osv/evaluate.h"
#include "fuzz_input.h"

#include <vector>

namespace {

using namespace aisec::assess::osv;

constexpr std::string_view kEcosystems[] = {"PyPI",  "npm",   "Go",       "crates.io",
                                            "Maven", "NuGet", "RubyGems", "Packagist"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view ecosystem = kEcosystems[data[0] % std::size(kEcosystems)];
  std::string_view text = aisec::fuzz::AsText(data + 1, size - 1);
  size_t nl = text.find('\n');
  std::string_view version = text.substr(0, nl);
  std::string_view encoded = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
  auto entry = DecodeAffected(encoded);
  if (!entry.ok()) return 0;
  entry->ecosystem = std::string(ecosystem);
  const auto* scheme = aisec::assess::version::ForOsvEcosystem(ecosystem);
  AISEC_FUZZ_CHECK(scheme != nullptr);

  Evaluation e = Evaluate(*entry, scheme, version);
  for (const auto& listed : entry->versions) {
    AISEC_FUZZ_CHECK(listed != version || e.verdict == Verdict::kAffected);
  }
  (void)FixedVersions(*entry);
  auto set = AffectedSet(*entry, *scheme);
  (void)set.Normalized(*scheme).ToString();
  auto v = scheme->Parse(version);
  if (!v.ok()) return 0;
  for (const Range& r : entry->ranges) {
    const auto* rs = SchemeForRange(r, scheme);
    if (rs != scheme) continue;
    auto in = RangeIncludes(r, *scheme, *v);
    if (in && *in) AISEC_FUZZ_CHECK(set.Contains(*scheme, *v));
  }
  return 0;
}
