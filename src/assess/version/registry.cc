// The table from ecosystem names (OSV's and purl types) to version schemes.
#include "assess/version/cargo.h"
#include "assess/version/composer.h"
#include "assess/version/go.h"
#include "assess/version/maven.h"
#include "assess/version/nuget.h"
#include "assess/version/pep440.h"
#include "assess/version/rubygems.h"
#include "assess/version/scheme.h"
#include "assess/version/semver.h"

namespace aisec::assess::version {
namespace {

struct Row {
  std::string_view osv;   // OSV ecosystem name
  std::string_view purl;  // purl type
  const Scheme& (*scheme)();
};

const Row kSchemes[] = {
    {"PyPI", "pypi", Pep440},       {"npm", "npm", Semver},
    {"Go", "golang", Go},           {"crates.io", "cargo", Cargo},
    {"Maven", "maven", Maven},      {"NuGet", "nuget", NuGet},
    {"RubyGems", "gem", RubyGems},  {"Packagist", "composer", Composer},
};

// "Maven:https://maven.google.com" names the Maven ecosystem of another repository.
std::string_view BaseEcosystem(std::string_view ecosystem) {
  return ecosystem.substr(0, ecosystem.find(':'));
}

}  // namespace

const Scheme* ForOsvEcosystem(std::string_view ecosystem) {
  ecosystem = BaseEcosystem(ecosystem);
  for (const Row& r : kSchemes) {
    if (r.osv == ecosystem) return &r.scheme();
  }
  return nullptr;
}

const Scheme* ForPurlType(std::string_view type) {
  for (const Row& r : kSchemes) {
    if (r.purl == type) return &r.scheme();
  }
  return nullptr;
}

std::string_view PurlTypeForOsvEcosystem(std::string_view ecosystem) {
  ecosystem = BaseEcosystem(ecosystem);
  for (const Row& r : kSchemes) {
    if (r.osv == ecosystem) return r.purl;
  }
  return {};
}

}  // namespace aisec::assess::version
