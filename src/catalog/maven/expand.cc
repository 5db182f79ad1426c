#include "catalog/maven/expand.h"

#include <set>

namespace aisec::catalog {
namespace {

struct Expander {
  ReferenceSyntax syntax;
  const PropertyLookup& lookup;
  std::set<std::string, std::less<>> active;  // names being expanded: a repeat is a cycle
  std::string out;
  bool ok = true;

  void Run(std::string_view text, int depth) {
    while (!text.empty()) {
      if (out.size() > kMaxExpandedSize) {
        ok = false;
        return;
      }
      auto open = text.find(syntax.open);
      auto close = open == std::string_view::npos ? open : text.find(syntax.close, open);
      if (close == std::string_view::npos) {
        out += text;
        return;
      }
      out += text.substr(0, open);
      std::string_view name =
          text.substr(open + syntax.open.size(), close - open - syntax.open.size());
      const std::string* value = lookup(name);
      if (value == nullptr || depth >= kMaxExpandDepth || active.count(name)) {
        out += text.substr(open, close - open + 1);
        ok = false;
      } else {
        auto it = active.emplace(name).first;
        Run(*value, depth + 1);
        active.erase(it);
      }
      text.remove_prefix(close + 1);
    }
  }
};

}  // namespace

std::string ExpandReferences(std::string_view text, ReferenceSyntax syntax,
                             const PropertyLookup& lookup, bool* complete) {
  Expander e{.syntax = syntax, .lookup = lookup};
  e.Run(text, 0);
  if (complete) *complete = e.ok;
  return std::move(e.out);
}

}  // namespace aisec::catalog
