#include "assess/license/expression.h"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "core/data.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::assess::license {
namespace {

// Lower case without spaces, '-', '_', ',' and a trailing "license"/"licence".
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_' || c == ',' || c == '\t') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view suffix : {"license", "licence"}) {
    if (out.size() > suffix.size() && std::string_view(out).ends_with(suffix)) out.resize(out.size() - suffix.size());
  }
  return out;
}

struct Tables {
  std::unordered_map<std::string, std::string> by_lower;   // lower-case id -> SPDX id
  std::unordered_map<std::string, std::string> by_squash;  // squashed name/id/alias -> SPDX id
  std::unordered_set<std::string> exceptions;              // exact ids
  std::unordered_map<std::string, std::string> exceptions_lower;
  std::unordered_set<std::string> ids;
};

const Tables& Data() {
  static const Tables kTables = [] {
    Tables t;
    if (auto text = DataFile("licenses/spdx-licenses.json")) {
      if (auto doc = ParseJson(*text, "licenses/spdx-licenses.json"); doc.ok()) {
        for (const auto& l : (*doc)["licenses"]) {
          std::string id = l["id"];
          t.ids.insert(id);
          t.by_lower[ToLower(id)] = id;
          t.by_squash.emplace(Squash(l["name"].get<std::string>()), id);
        }
        for (const auto& e : (*doc)["exceptions"]) {
          t.exceptions.insert(e.get<std::string>());
          t.exceptions_lower[ToLower(e.get<std::string>())] = e.get<std::string>();
        }
      }
    }
    // Deprecated GNU ids name their -only/-or-later successors.
    for (const char* base : {"GPL-1.0", "GPL-2.0", "GPL-3.0", "LGPL-2.0", "LGPL-2.1", "LGPL-3.0", "AGPL-1.0", "AGPL-3.0", "GFDL-1.1", "GFDL-1.2", "GFDL-1.3"}) {
      std::string b = base;
      t.by_lower[ToLower(b)] = b + "-only";
      t.by_lower[ToLower(b) + "+"] = b + "-or-later";
    }
    if (auto text = DataFile("licenses/aliases.yaml")) {
      if (auto doc = ParseYaml(*text, "licenses/aliases.yaml"); doc.ok()) {
        for (const auto& kv : (*doc)["aliases"]) {
          t.by_squash[Squash(kv.first.as<std::string>())] = kv.second.as<std::string>();
        }
      }
    }
    for (const auto& id : t.ids) t.by_squash.emplace(Squash(id), id);
    return t;
  }();
  return kTables;
}

bool IdChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '+' || c == ':' || c == '_';
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Expr> Parse() {
    auto e = ParseOr(0);
    if (!e.ok()) return e;
    Skip();
    if (pos_ < text_.size()) return Status::Parse("unexpected '" + std::string(text_.substr(pos_, 10)) + "'");
    return e;
  }

 private:
  static constexpr int kMaxDepth = 64;

  void Skip() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  std::string_view Word() {
    Skip();
    size_t start = pos_;
    while (pos_ < text_.size() && IdChar(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  bool Keyword(std::string_view kw) {
    Skip();
    size_t save = pos_;
    std::string_view w = Word();
    if (IEquals(w, kw)) return true;
    pos_ = save;
    return false;
  }

  Result<Expr> ParseOr(int depth) {
    auto left = ParseAnd(depth);
    if (!left.ok()) return left;
    Expr out = std::move(*left);
    while (Keyword("OR")) {
      auto right = ParseAnd(depth);
      if (!right.ok()) return right;
      out = Combine(Expr::Op::kOr, std::move(out), std::move(*right));
    }
    return out;
  }

  Result<Expr> ParseAnd(int depth) {
    auto left = ParseAtom(depth);
    if (!left.ok()) return left;
    Expr out = std::move(*left);
    while (Keyword("AND")) {
      auto right = ParseAtom(depth);
      if (!right.ok()) return right;
      out = Combine(Expr::Op::kAnd, std::move(out), std::move(*right));
    }
    return out;
  }

  static Expr Combine(Expr::Op op, Expr a, Expr b) {
    Expr out;
    out.op = op;
    for (Expr* e : {&a, &b}) {
      if (e->op == op) {
        for (auto& t : e->terms) out.terms.push_back(std::move(t));
      } else {
        out.terms.push_back(std::move(*e));
      }
    }
    return out;
  }

  Result<Expr> ParseAtom(int depth) {
    if (depth > kMaxDepth) return Status::Limit("licence expression nested too deeply");
    Skip();
    if (pos_ < text_.size() && text_[pos_] == '(') {
      ++pos_;
      auto inner = ParseOr(depth + 1);
      if (!inner.ok()) return inner;
      Skip();
      if (pos_ >= text_.size() || text_[pos_] != ')') return Status::Parse("missing ')'");
      ++pos_;
      return inner;
    }
    std::string_view w = Word();
    if (w.empty()) return Status::Parse("licence id expected");
    if (IEquals(w, "AND") || IEquals(w, "OR") || IEquals(w, "WITH")) return Status::Parse("licence id expected before " + std::string(w));
    Expr e;
    e.id = NormalizeId(w, &e.known);
    if (Keyword("WITH")) {
      std::string_view ex = Word();
      if (ex.empty()) return Status::Parse("exception id expected after WITH");
      auto it = Data().exceptions_lower.find(ToLower(ex));
      e.exception = it != Data().exceptions_lower.end() ? it->second : std::string(ex);
      // An exception off the SPDX list leaves the licence unidentified.
      if (it == Data().exceptions_lower.end() && !ex.starts_with("LicenseRef-")) e.known = false;
    }
    return e;
  }

  static std::string NormalizeId(std::string_view w, bool* known) {
    const Tables& t = Data();
    if (w.starts_with("LicenseRef-") || w.starts_with("DocumentRef-")) {
      *known = true;
      return std::string(w);
    }
    if (auto it = t.by_lower.find(ToLower(w)); it != t.by_lower.end()) {
      *known = true;
      return it->second;
    }
    if (w.ends_with("+")) {  // "MPL-1.1+": or any later version
      if (auto it = t.by_lower.find(ToLower(w.substr(0, w.size() - 1))); it != t.by_lower.end()) {
        *known = true;
        return it->second + "+";
      }
    }
    std::string alias = NormalizeLicenseId(w);
    *known = !alias.empty();
    return alias.empty() ? std::string(w) : alias;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

std::string Expr::ToString() const {
  if (op == Op::kLicense) return exception.empty() ? id : id + " WITH " + exception;
  std::string out;
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i) out += op == Op::kAnd ? " AND " : " OR ";
    bool paren = terms[i].op != Op::kLicense && terms[i].op != op;
    out += paren ? "(" + terms[i].ToString() + ")" : terms[i].ToString();
  }
  return out;
}

Result<Expr> ParseExpression(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return Status::Parse("empty licence expression");
  if (text.size() > 4096) return Status::Limit("licence expression longer than 4096 bytes");
  // A free-text name ("Apache License, Version 2.0") is one licence, not an expression.
  if (std::string id = NormalizeLicenseId(text); !id.empty()) {
    Expr e;
    e.id = id;
    e.known = true;
    return e;
  }
  auto parsed = Parser(text).Parse();
  if (parsed.ok() || text.find('/') == std::string_view::npos) return parsed;
  // "MIT/Apache-2.0" and "MIT / Apache-2.0": a common legacy spelling of a choice between
  // licences. Accepted only when every part is a licence we know.
  std::string spelled;
  for (std::string_view part : Split(text, '/')) {
    part = Trim(part);
    if (part.empty() || NormalizeLicenseId(part).empty()) return parsed;
    spelled += (spelled.empty() ? "" : " OR ") + std::string(part);
  }
  auto choice = Parser(spelled).Parse();
  if (!choice.ok()) return parsed;
  choice->note = "'" + Snippet(text, 80) + "' was read as the SPDX expression '" + choice->ToString() + "'.";
  return choice;
}

std::string NormalizeLicenseId(std::string_view name) {
  const Tables& t = Data();
  if (auto it = t.by_lower.find(ToLower(Trim(name))); it != t.by_lower.end()) return it->second;
  if (auto it = t.by_squash.find(Squash(name)); it != t.by_squash.end()) return it->second;
  return {};
}

bool IsSpdxLicense(std::string_view id) { return Data().ids.count(std::string(id)) > 0; }
bool IsSpdxException(std::string_view id) { return Data().exceptions.count(std::string(id)) > 0; }

}  // namespace aisec::assess::license
