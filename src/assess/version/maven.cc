#include "assess/version/maven.h"

#include <array>

#include "assess/version/range.h"
#include "assess/version/util.h"
#include "core/strings.h"

namespace aisec::assess::version {
namespace {

using Kind = MavenItem::Kind;

constexpr size_t kMaxVersionLength = 256;  // longer strings are not versions anyone publishes

constexpr std::array<std::string_view, 7> kQualifiers = {"alpha", "beta", "milestone", "rc",
                                                         "snapshot", "", "sp"};
constexpr std::string_view kReleaseRank = "5";  // the rank of "" in kQualifiers

MavenItem IntItem(std::string_view digits) {
  return MavenItem{Kind::kInt, std::string(StripZeros(digits)), {}};
}

MavenItem StringItem(std::string_view s, bool followed_by_digit) {
  std::string v(s);
  if (followed_by_digit && v.size() == 1) {
    if (v == "a") v = "alpha";
    else if (v == "b") v = "beta";
    else if (v == "m") v = "milestone";
  }
  if (v == "ga" || v == "final" || v == "release") v.clear();
  else if (v == "cr") v = "rc";
  return MavenItem{Kind::kString, std::move(v), {}};
}

// Known qualifiers rank by position; unknown ones after all of them, alphabetically.
std::string QualifierRank(const std::string& q) {
  for (size_t i = 0; i < kQualifiers.size(); ++i) {
    if (kQualifiers[i] == q) return std::to_string(i);
  }
  return std::to_string(kQualifiers.size()) + "-" + q;
}

bool IsNull(const MavenItem& it) {
  switch (it.kind) {
    case Kind::kInt: return it.value == "0";
    case Kind::kString: return it.value.empty();
    case Kind::kList: return it.items.empty();
  }
  return false;
}

// Drops trailing null items; a non-empty sublist does not stop the trimming.
void Normalize(MavenItem& list) {
  for (size_t i = list.items.size(); i-- > 0;) {
    if (IsNull(list.items[i])) list.items.erase(list.items.begin() + static_cast<long>(i));
    else if (list.items[i].kind != Kind::kList) break;
  }
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) { stack_.push_back(&root_); }

  MavenItem Run() {
    bool digit = false;
    size_t start = 0;
    for (size_t i = 0; i < s_.size(); ++i) {
      char c = s_[i];
      if (c == '.' || c == '-') {
        if (i == start) Add(IntItem("0"));
        else AddToken(digit, start, i, false);
        start = i + 1;
        if (c == '-') Open();
      } else if (IsDigit(c)) {
        if (!digit && i > start) {  // letters then digits: "alpha1" is "alpha-1"
          AddToken(false, start, i, true);
          start = i;
          Open();
        }
        digit = true;
      } else {
        if (digit && i > start) {  // digits then letters: "1alpha" is "1-alpha"
          AddToken(true, start, i, false);
          start = i;
          Open();
        }
        digit = false;
      }
    }
    if (s_.size() > start) AddToken(digit, start, s_.size(), false);
    for (size_t i = stack_.size(); i-- > 0;) Normalize(*stack_[i]);
    return std::move(root_);
  }

 private:
  void Add(MavenItem it) { stack_.back()->items.push_back(std::move(it)); }
  void Open() {
    stack_.back()->items.push_back(MavenItem{});
    stack_.push_back(&stack_.back()->items.back());
  }
  void AddToken(bool digit, size_t start, size_t end, bool followed_by_digit) {
    std::string_view tok = s_.substr(start, end - start);
    if (digit) return Add(IntItem(tok));
    // ".qualifier" orders like "-qualifier".
    if (start > 0 && s_[start - 1] == '.' && !stack_.back()->items.empty()) Open();
    Add(StringItem(tok, followed_by_digit));
  }

  std::string_view s_;
  MavenItem root_;
  std::vector<MavenItem*> stack_;  // the open lists, outermost first
};

int CompareLists(const MavenItem& a, const MavenItem& b);

int ItemSign(const MavenItem& it);

// How the items from `from` on compare with nothing: the sign of the first one that is not
// null. Maven looks at one item only (a list by its first item), which makes its order cyclic
// for some strings ("r03" < "0-alpha-2" < "0.0" < "r03"); deciding by the whole rest agrees
// with it wherever it is consistent.
int SuffixSign(const MavenItem& list, size_t from) {
  for (size_t i = from; i < list.items.size(); ++i) {
    if (int s = ItemSign(list.items[i])) return s;
  }
  return 0;
}

int ItemSign(const MavenItem& it) {
  switch (it.kind) {
    case Kind::kInt: return it.value == "0" ? 0 : 1;
    case Kind::kString: return Sign(QualifierRank(it.value).compare(kReleaseRank));
    case Kind::kList: return SuffixSign(it, 0);
  }
  return 0;
}

// Kinds against each other: string < list < int ("1-sp" < "1-1" < "1.1").
int KindRank(Kind k) { return k == Kind::kString ? 0 : (k == Kind::kList ? 1 : 2); }

int CompareSame(const MavenItem& a, const MavenItem& b) {
  switch (a.kind) {
    case Kind::kInt: return CompareDigits(a.value, b.value);
    case Kind::kString: return Sign(QualifierRank(a.value).compare(QualifierRank(b.value)));
    case Kind::kList: return CompareLists(a, b);
  }
  return 0;
}

// Position by position, each position keyed by (sign of the rest against nothing, kind, value);
// a missing position is nothing. Rests that equal nothing on both sides are equal. Every key is
// from a total order, so the whole is one: the version ranges rely on that.
int CompareLists(const MavenItem& a, const MavenItem& b) {
  size_t n = std::max(a.items.size(), b.items.size());
  for (size_t i = 0; i < n; ++i) {
    int sa = SuffixSign(a, i), sb = SuffixSign(b, i);
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    const MavenItem& l = a.items[i];  // both exist: a missing rest has sign 0
    const MavenItem& r = b.items[i];
    if (l.kind != r.kind) return KindRank(l.kind) < KindRank(r.kind) ? -1 : 1;
    if (int c = CompareSame(l, r)) return c;
  }
  return 0;
}

void Render(const MavenItem& it, std::string& out) {
  if (it.kind != Kind::kList) {
    out += it.value;
    return;
  }
  for (size_t i = 0; i < it.items.size(); ++i) {
    const MavenItem& c = it.items[i];
    if (i > 0) out += c.kind == Kind::kList ? "-" : ".";
    if (c.kind == Kind::kList) {
      out += '[';
      Render(c, out);
      out += ']';
    } else {
      Render(c, out);
    }
  }
}

class MavenScheme final : public Scheme {
 public:
  std::string_view name() const override { return "maven"; }
  Result<Version> Parse(std::string_view text) const override {
    std::string_view s = Trim(text);
    if (s.empty() || s.size() > kMaxVersionLength) return ParseError("Maven", text);
    MavenVersion v;
    v.items = Parser(ToLower(s)).Run();
    return MakeVersion(text, std::move(v));
  }
  int Compare(const Version& a, const Version& b) const override {
    return CompareLists(As<MavenVersion>(a).items, As<MavenVersion>(b).items);
  }
  Result<VersionSet> ParseRange(std::string_view spec) const override {
    return ParseIntervalRange(*this, spec, /*bare_is_minimum=*/false);
  }
};

}  // namespace

const Scheme& Maven() {
  static const MavenScheme kScheme;
  return kScheme;
}

std::string MavenCanonical(std::string_view text) {
  auto v = Maven().Parse(text);
  if (!v.ok()) return "";
  std::string out;
  Render(As<MavenVersion>(*v).items, out);
  return out;
}

}  // namespace aisec::assess::version
