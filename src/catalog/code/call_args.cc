#include "catalog/code/call_args.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "core/strings.h"

namespace aisec::catalog::code {
namespace {

constexpr size_t kMaxArgsBytes = 2000;

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '.';
}

// Splits at top-level commas until the bracket that closes the list opened before `from`
// (its offset goes to `close`), or until the end of `text` when that comes first.
std::vector<std::pair<size_t, size_t>> TopLevelItems(std::string_view text, size_t from,
                                                     size_t limit, size_t* close = nullptr) {
  std::vector<std::pair<size_t, size_t>> items;
  int depth = 0;
  char quote = 0;
  size_t start = from;
  for (size_t i = from; i < limit; ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '"' || c == '\'' || c == '`')
      quote = c;
    else if (c == '(' || c == '[' || c == '{')
      ++depth;
    else if (c == ')' || c == ']' || c == '}') {
      if (depth == 0) {
        items.emplace_back(start, i);
        if (close) *close = i;
        return items;
      }
      --depth;
    } else if (c == ',' && depth == 0) {
      items.emplace_back(start, i);
      start = i + 1;
    }
  }
  if (depth == 0 && quote == 0 && limit == text.size() && start < limit)
    items.emplace_back(start, limit);
  return items;
}

// The type or variable an element of a tool list names: `search`, `PythonREPLTool()`,
// `new WeatherTools()`, `tools.Calculator{}` (Go), `WeatherTool.new(...)` (Ruby).
std::optional<std::string> ElementName(std::string_view item) {
  item = Trim(item);
  if (item.starts_with("new ")) item = Trim(item.substr(4));
  size_t n = 0;
  while (n < item.size() && (IsNameChar(item[n]) || item.substr(n, 2) == "::")) n += item[n] == ':' ? 2 : 1;
  if (n == 0 || std::isdigit(static_cast<unsigned char>(item[0]))) return std::nullopt;
  std::string_view rest = Trim(item.substr(n));
  if (!rest.empty() && rest.front() != '(' && rest.front() != '{') return std::nullopt;
  std::string_view name = item.substr(0, n);
  if (name.ends_with(".new")) name.remove_suffix(4);
  return std::string(name);
}

}  // namespace

std::optional<std::string_view> QuotedLiteral(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'' || s.front() == '`') &&
      s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return std::nullopt;
}

CallArgs ReadCallArgs(std::string_view text, size_t open) {
  CallArgs out;
  size_t limit = std::min(text.size(), open + kMaxArgsBytes);
  auto items = TopLevelItems(text, open, limit, &out.close);
  // f({ name: "x", ... }): the single object argument holds the keywords.
  if (items.size() == 1) {
    std::string_view only = Trim(text.substr(items[0].first, items[0].second - items[0].first));
    if (only.starts_with("{")) {
      size_t inner = static_cast<size_t>(only.data() - text.data()) + 1;
      items = TopLevelItems(text, inner, limit);
    }
  }
  for (size_t index = 0; index < items.size(); ++index) {
    const auto& [from, to] = items[index];
    std::string_view arg = Trim(text.substr(from, to - from));
    if (arg.empty()) continue;
    if (auto lit = QuotedLiteral(arg)) {
      if (index == 0) out.first_positional = {static_cast<size_t>(lit->data() - text.data()), *lit};
      out.positional.push_back(arg);
      continue;
    }
    size_t eq = arg.find_first_of("=:");
    bool keyword =
        eq != std::string_view::npos && eq > 0 &&
        std::all_of(arg.begin(), arg.begin() + static_cast<long>(eq),
                    [](char c) {
                      return IsNameChar(c) || c == ' ' || c == '\t' || c == '"' || c == '\'';
                    }) &&
        (eq + 1 >= arg.size() || arg[eq + 1] != '=');
    if (!keyword) {
      out.positional.push_back(arg);
      continue;
    }
    std::string key(Trim(arg.substr(0, eq)));
    key.erase(std::remove(key.begin(), key.end(), '"'), key.end());
    key.erase(std::remove(key.begin(), key.end(), '\''), key.end());
    std::string_view value = Trim(arg.substr(eq + 1));
    out.raw[key] = value;
    if (auto lit = QuotedLiteral(value))
      out.keywords[key] = {static_cast<size_t>(lit->data() - text.data()), *lit};
  }
  return out;
}

CallArgs ReadBareArgs(std::string_view text, size_t from) {
  size_t end = from;
  while (true) {
    end = text.find('\n', end);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = TrimRight(text.substr(from, end - from));
    if (end == text.size() || !line.ends_with(",") || end - from > kMaxArgsBytes) break;
    ++end;
  }
  std::string_view args = text.substr(from, end - from);
  static const re2::RE2 kBlock(R"((?s)^(.*?)\s+(?:do(?:\s*\|[^|]*\|)?|\{)\s*$)");
  re2::StringPiece head;
  if (re2::RE2::FullMatch(re2::StringPiece(args.data(), args.size()), kBlock, &head))
    end = from + head.size();
  return ReadCallArgs(text.substr(0, end), from);
}

std::vector<std::string> ListedNames(std::string_view list) {
  std::vector<std::string> names;
  list = Trim(list);
  if (list.starts_with("vec!") || list.starts_with("&[")) list = Trim(list.substr(list[0] == '&' ? 1 : 4));
  if (list.starts_with("[]")) {  // Go: []tools.Tool{…}
    size_t brace = list.find('{');
    if (brace == std::string_view::npos) return names;
    list = list.substr(brace);
  }
  if (list.size() < 2 || (list.front() != '[' && list.front() != '(' && list.front() != '{'))
    return names;
  for (const auto& [from, to] : TopLevelItems(list, 1, list.size())) {
    if (auto name = ElementName(list.substr(from, to - from))) names.push_back(std::move(*name));
  }
  return names;
}

std::vector<std::string> ArgumentNames(const CallArgs& args) {
  std::vector<std::string> names;
  for (auto arg : args.positional) {
    if (auto name = ElementName(arg)) names.push_back(std::move(*name));
  }
  return names;
}

std::vector<ChainedCall> ChainedCalls(std::string_view text, size_t from) {
  std::vector<ChainedCall> calls;
  size_t limit = std::min(text.size(), from + 2 * kMaxArgsBytes);
  size_t i = from;
  while (i < limit) {
    while (i < limit && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= limit || text[i] != '.') break;
    size_t name = ++i;
    while (i < limit && IsNameChar(text[i]) && text[i] != '.') ++i;
    std::string method(text.substr(name, i - name));
    while (i < limit && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (method.empty() || i >= limit || text[i] != '(') break;
    calls.push_back({std::move(method), i + 1});
    size_t close = 0;
    TopLevelItems(text, i + 1, limit, &close);
    if (close == 0) break;
    i = close + 1;
  }
  return calls;
}

}  // namespace aisec::catalog::code
