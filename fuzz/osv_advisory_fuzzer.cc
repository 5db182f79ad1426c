// OSV advisory documents (src/assess/osv/advisory.h) as `aisec db import` reads them: a JSON or
// YAML document of one record or a JSON array of records, each read into an Advisory, whose
// affected entries are stored in the compact encoding and evaluated against their own versions.
#include "assess/osv/advisory.h"
#include "assess/osv/evaluate.h"
#include "fuzz_input.h"

#include <nlohmann/json.hpp>

namespace {

using namespace aisec::assess::osv;

bool Storable(const std::string& s) { return s.find_first_of("\r\n") == std::string::npos; }

// What the encoding keeps of an entry: ranges and versions, without the strings it drops.
bool EncodesExactly(const Affected& a) {
  for (const Range& r : a.ranges) {
    if (!Storable(r.repo)) return false;
    for (const Event& e : r.events) {
      if (!Storable(e.version)) return false;
    }
  }
  for (const auto& v : a.versions) {
    if (!Storable(v)) return false;
  }
  return true;
}

void CheckAffected(const Affected& a) {
  auto decoded = DecodeAffected(EncodeAffected(a));
  AISEC_FUZZ_CHECK(decoded.ok());
  if (EncodesExactly(a)) {
    AISEC_FUZZ_CHECK(decoded->ranges == a.ranges);
    AISEC_FUZZ_CHECK(decoded->versions == a.versions);
  }
  const auto* scheme = aisec::assess::version::ForOsvEcosystem(a.ecosystem);
  for (const auto& v : a.versions) {
    Evaluation e = Evaluate(a, scheme, v);
    AISEC_FUZZ_CHECK(e.verdict == Verdict::kAffected);
  }
  for (const Range& r : a.ranges) {
    for (const Event& e : r.events) (void)Evaluate(a, scheme, e.version);
  }
  if (scheme) (void)AffectedSet(a, *scheme).Normalized(*scheme).ToString();
  (void)FixedVersions(a);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto docs = ParseOsvDocument(aisec::fuzz::AsText(data, size), "fuzz.json");
  if (!docs.ok()) return 0;
  for (const auto& record : *docs) {
    auto adv = ParseAdvisory(record);
    if (!adv.ok()) continue;
    AISEC_FUZZ_CHECK(!adv->id.empty() && !adv->modified.empty());
    for (const Affected& a : adv->affected) CheckAffected(a);
  }
  return 0;
}
