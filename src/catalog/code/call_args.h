#pragma once
// The arguments of a call as written, read from the text right after its opening parenthesis:
// enough to pick out string literals and keyword values without parsing the language. Stops at
// the matching close, or after 2000 bytes.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aisec::catalog::code {

struct CallArgs {
  // Offset in the text and contents (without quotes) of the first argument when it is a literal.
  std::optional<std::pair<size_t, std::string_view>> first_positional;
  std::map<std::string, std::pair<size_t, std::string_view>> keywords;  // string literal values
  std::map<std::string, std::string_view> raw;  // every keyword's value as written
  std::vector<std::string_view> positional;     // every positional argument as written
  size_t close = 0;  // offset of the closing bracket, 0 when the call does not close in reach
};

// `open` is the offset just after '(' (or '{' for a JS options object). Keywords are `k=v`
// (Python) and `k: v` (JS objects); a lone `{...}` argument is read as the object it holds.
// Arguments that run to the end of `text` without a closing bracket are read too (Ruby calls
// without parentheses: pass the text up to the end of the statement).
CallArgs ReadCallArgs(std::string_view text, size_t open);

// Arguments written without parentheses (Ruby `define_function :f, description: "…" do`): from
// `from` to the end of the statement — a line that does not end with a comma — before a block.
CallArgs ReadBareArgs(std::string_view text, size_t from);

// The calls chained after offset `from` (".preamble(\"…\").tool(Adder).build()"): each method
// name with the offset just inside its '('. Stops at the first thing that is not a chained call
// or after 4000 bytes.
struct ChainedCall {
  std::string method;
  size_t open;
};
std::vector<ChainedCall> ChainedCalls(std::string_view text, size_t from);

// The names of a call's arguments that are tools: `new WeatherTools()`, `Adder`, `calc`.
std::vector<std::string> ArgumentNames(const CallArgs& args);

// The contents of `s` when it is one quoted literal ('…', "…", `…`), else nothing.
std::optional<std::string_view> QuotedLiteral(std::string_view s);

// The names in a list literal of tools as written: "[search, PythonREPLTool(), t.x]" ->
// {"search", "PythonREPLTool", "t.x"}; also Go `[]tools.Tool{tools.Calculator{}}`, Rust
// `vec![…]`, `new X()` and Ruby `X.new`, named by the type. Elements that are not a name or a
// call are skipped.
std::vector<std::string> ListedNames(std::string_view list);

}  // namespace aisec::catalog::code
