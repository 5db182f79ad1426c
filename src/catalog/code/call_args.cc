#include "catalog/code/call_args.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"

namespace aisec::catalog::code {
namespace {

constexpr size_t kMaxArgsBytes = 2000;

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '.';
}

// Splits at top-level commas until the bracket that closes the list opened before `from`.
std::vector<std::pair<size_t, size_t>> TopLevelItems(std::string_view text, size_t from,
                                                     size_t limit) {
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
        return items;
      }
      --depth;
    } else if (c == ',' && depth == 0) {
      items.emplace_back(start, i);
      start = i + 1;
    }
  }
  return items;
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
  auto items = TopLevelItems(text, open, limit);
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

std::vector<std::string> ListedNames(std::string_view list) {
  std::vector<std::string> names;
  list = Trim(list);
  if (list.size() < 2 || (list.front() != '[' && list.front() != '(')) return names;
  auto items = TopLevelItems(list, 1, list.size());
  for (const auto& [from, to] : items) {
    std::string_view item = Trim(list.substr(from, to - from));
    size_t n = 0;
    while (n < item.size() && IsNameChar(item[n])) ++n;
    if (n == 0 || std::isdigit(static_cast<unsigned char>(item[0]))) continue;
    std::string_view rest = Trim(item.substr(n));
    if (!rest.empty() && rest.front() != '(') continue;
    names.emplace_back(item.substr(0, n));
  }
  return names;
}

}  // namespace aisec::catalog::code
