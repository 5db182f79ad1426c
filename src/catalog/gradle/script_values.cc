#include "catalog/gradle/script_values.h"

#include <cctype>

#include "core/strings.h"

namespace aisec::catalog::gradle {
namespace {

constexpr int kMaxDepth = 8;
constexpr size_t kMaxExpanded = 4096;

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string_view LastSegment(std::string_view path) {
  auto dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

}  // namespace

ScriptValues::ScriptValues(const std::vector<Token>& t) {
  auto str = [&](size_t i) { return i < t.size() && t[i].kind == TokenKind::kString; };
  auto is = [&](size_t i, std::string_view p) { return i < t.size() && t[i].Is(p); };
  int parens = 0;  // named arguments inside calls are not bindings
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].Is("(")) ++parens;
    if (t[i].Is(")") && parens > 0) --parens;
    if (t[i].kind == TokenKind::kIdent && parens == 0 && is(i + 1, "=") && str(i + 2)) {
      // NAME = "v", ext.NAME = "v", and Kotlin's `val NAME: Type = "v"`.
      std::string_view name = t[i].text;
      if (i >= 3 && t[i - 1].Is(":") && (t[i - 3].IsIdent("val") || t[i - 3].IsIdent("var"))) {
        name = t[i - 2].text;
      }
      Bind(name, t[i + 2]);
    } else if (t[i].Is("[") && str(i + 1) && is(i + 2, "]") && is(i + 3, "=") && str(i + 4)) {
      Bind(t[i + 1].text, t[i + 4]);  // extra["NAME"] = "v"
    } else if (t[i].IsIdent("by") && i > 0 && i + 4 < t.size() && t[i + 1].IsIdent("extra") &&
               is(i + 2, "(") && str(i + 3) && is(i + 4, ")")) {
      Bind(t[i - 1].text, t[i + 3]);  // val NAME by extra("v")
    } else if (t[i].IsIdent("set") && is(i + 1, "(") && str(i + 2) && is(i + 3, ",") &&
               str(i + 4)) {
      Bind(t[i + 2].text, t[i + 4]);  // ext { set("NAME", "v") }
    }
  }
}

void ScriptValues::Bind(std::string_view name, const Token& value) {
  vars_.emplace(std::string(name), &value);
}

void ScriptValues::AddProperties(std::string_view text) {
  for (std::string_view line : SplitLines(text)) {
    line = Trim(line);
    if (line.empty() || line[0] == '#' || line[0] == '!') continue;
    auto sep = line.find_first_of("=:");
    if (sep == std::string_view::npos) continue;
    // Nearest file first: an entry already there wins.
    properties_.emplace(std::string(Trim(line.substr(0, sep))),
                        std::string(Trim(line.substr(sep + 1))));
  }
}

std::string ScriptValues::Expand(const Token& str, bool* complete) const {
  bool ok = true;
  std::string out = str.interpolates ? ExpandText(str.text, 0, ok) : std::string(str.text);
  if (complete) *complete = ok;
  return out;
}

std::optional<std::string> ScriptValues::Lookup(std::string_view path) const {
  return LookupAt(path, 0);
}

std::optional<std::string> ScriptValues::LookupAt(std::string_view path, int depth) const {
  if (path.ends_with(".get()")) path.remove_suffix(6);
  if (catalog_ != nullptr && path.starts_with("libs.versions.")) {
    std::string_view want = path.substr(14);
    for (const auto& [name, version] : catalog_->versions) {
      if (CatalogAccessor(name) == want) return version;
    }
    return std::nullopt;
  }
  for (std::string_view key : {path, LastSegment(path)}) {
    if (auto it = vars_.find(key); it != vars_.end()) {
      const Token& v = *it->second;
      if (!v.interpolates) return std::string(v.text);
      bool ok = true;
      std::string out = ExpandText(v.text, depth + 1, ok);
      if (ok) return out;
      return std::nullopt;
    }
    if (auto it = properties_.find(key); it != properties_.end()) return it->second;
  }
  return std::nullopt;
}

std::string ScriptValues::ExpandText(std::string_view text, int depth, bool& complete) const {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (out.size() > kMaxExpanded) {
      complete = false;
      break;
    }
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      out += text[++i];
      continue;
    }
    if (c != '$' || i + 1 >= text.size()) {
      out += c;
      continue;
    }
    size_t start = i, end;
    std::string_view expr;
    if (text[i + 1] == '{') {
      end = text.find('}', i);
      if (end == std::string_view::npos) end = text.size() - 1;
      expr = Trim(text.substr(i + 2, end - i - 2));
    } else {
      end = i + 1;
      while (end < text.size() && IsNameChar(text[end])) ++end;
      expr = text.substr(i + 1, end - i - 1);
      --end;
    }
    if (expr.empty()) {  // a lone '$' is text
      out += text.substr(start, end - start + 1);
      i = end;
      continue;
    }
    std::optional<std::string> v;
    if (depth < kMaxDepth) v = LookupAt(expr, depth);
    if (v) {
      out += *v;
    } else {
      out += text.substr(start, end - start + 1);
      complete = false;
    }
    i = end;
  }
  return out;
}

}  // namespace aisec::catalog::gradle
