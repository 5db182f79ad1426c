#include "catalog/python/pip_install.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"

namespace aisec::catalog::python {
namespace {

struct Token {
  std::string text;
  size_t offset = 0;
  bool op = false;  // a command separator: && || ; | & ( ) or a newline
};

bool IsOpChar(char c) {
  return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '\n';
}

// Length of a redirection at the start of a word ("2>&1", ">", ">>log", "<in"), including its
// target word when attached; 0 when `s` does not start with one.
size_t RedirectionLength(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i >= s.size() || (s[i] != '>' && s[i] != '<')) return 0;
  while (i < s.size() && (s[i] == '>' || s[i] == '<' || s[i] == '&')) ++i;
  while (i < s.size() && s[i] != ' ' && s[i] != '\t' && !IsOpChar(s[i])) ++i;
  return i;
}

// Shell words with quote removal. Not a shell: no expansion, just enough to find arguments.
std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  Token cur;
  bool in_word = false;
  char quote = 0;
  auto flush = [&] {
    if (in_word) out.push_back(std::move(cur));
    cur = Token{};
    in_word = false;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote)
        quote = 0;
      else if (c == '\\' && quote == '"' && i + 1 < s.size())
        cur.text += s[++i];
      else
        cur.text += c;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      flush();
      continue;
    }
    if (IsOpChar(c)) {
      flush();
      out.push_back(Token{std::string(1, c), i, true});
      continue;
    }
    if (!in_word) {
      if (c == '#') break;  // a comment runs to the end
      if (size_t n = RedirectionLength(s.substr(i))) {
        i += n - 1;
        continue;
      }
      in_word = true;
      cur.offset = i;
    }
    if (c == '\'' || c == '"')
      quote = c;
    else if (c == '\\' && i + 1 < s.size())
      cur.text += s[++i];
    else
      cur.text += c;
  }
  flush();
  return out;
}

// pip, pip3, pip3.12, /usr/bin/pip, %pip, !pip
bool IsPipLauncher(std::string_view word) {
  if (word.starts_with('-')) return false;  // "--mount=…,target=/root/.cache/pip"
  if (auto slash = word.rfind('/'); slash != std::string_view::npos) word = word.substr(slash + 1);
  if (!word.empty() && (word.front() == '%' || word.front() == '!')) word.remove_prefix(1);
  if (!word.starts_with("pip")) return false;
  return std::all_of(word.begin() + 3, word.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
}

// pip and uv options that take the next word as their value.
constexpr std::string_view kWithValue[] = {"-r",
                                           "--requirement",
                                           "-c",
                                           "--constraint",
                                           "-i",
                                           "--index-url",
                                           "--extra-index-url",
                                           "--index",
                                           "-f",
                                           "--find-links",
                                           "-t",
                                           "--target",
                                           "--prefix",
                                           "--root",
                                           "--trusted-host",
                                           "--platform",
                                           "--python-version",
                                           "--implementation",
                                           "--abi",
                                           "--src",
                                           "--upgrade-strategy",
                                           "--progress-bar",
                                           "--cache-dir",
                                           "--log",
                                           "--proxy",
                                           "--no-binary",
                                           "--only-binary",
                                           "--global-option",
                                           "--config-settings",
                                           "-C",
                                           "--report",
                                           "--root-user-action",
                                           "--retries",
                                           "--timeout",
                                           "--python",
                                           "-p",
                                           "--override",
                                           "--build-constraint",
                                           "-b",
                                           "--resolution",
                                           "--prerelease",
                                           "--python-platform",
                                           "--exclude-newer",
                                           "--index-strategy",
                                           "--keyring-provider",
                                           "--link-mode",
                                           "--group",
                                           "--extra"};

bool TakesValue(std::string_view option) {
  return std::find(std::begin(kWithValue), std::end(kWithValue), option) != std::end(kWithValue);
}

bool IsLocalOrArchive(std::string_view arg) {
  return arg.starts_with(".") || arg.starts_with("/") || arg.starts_with("~") ||
         arg.starts_with("$") || arg.ends_with(".whl") || arg.ends_with(".tar.gz") ||
         arg.ends_with(".zip");
}

// The requirements among the arguments after "install", up to the end of the command.
void ReadInstallArgs(const std::vector<Token>& tokens, size_t i, std::vector<PipRequirement>& out) {
  for (; i < tokens.size() && !tokens[i].op; ++i) {
    const Token& t = tokens[i];
    if (t.text == "-e" || t.text == "--editable") {
      if (i + 1 < tokens.size() && !tokens[i + 1].op) {
        const Token& v = tokens[++i];
        if (std::string egg = EggName(v.text); !egg.empty()) {
          out.push_back({Requirement{.name = egg, .url = v.text}, v.offset});
        }
      }
      continue;
    }
    if (t.text.starts_with("-")) {
      if (TakesValue(t.text)) ++i;
      continue;
    }
    if (Contains(t.text, "://") || t.text.starts_with("git+")) {
      if (std::string egg = EggName(t.text); !egg.empty()) {
        out.push_back({Requirement{.name = egg, .url = t.text}, t.offset});
      }
      continue;
    }
    if (IsLocalOrArchive(t.text)) continue;
    if (auto req = ParseRequirement(t.text)) out.push_back({std::move(*req), t.offset});
  }
}

}  // namespace

std::vector<PipRequirement> FindPipInstalls(std::string_view command_line) {
  std::vector<PipRequirement> out;
  std::vector<Token> tokens = Tokenize(command_line);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].op || !IsPipLauncher(tokens[i].text)) continue;
    size_t j = i + 1;
    while (j < tokens.size() && !tokens[j].op && tokens[j].text.starts_with("-")) ++j;
    if (j >= tokens.size() || tokens[j].op || tokens[j].text != "install") continue;
    ReadInstallArgs(tokens, j + 1, out);
    for (i = j; i + 1 < tokens.size() && !tokens[i + 1].op;) ++i;  // the rest of this command
  }
  return out;
}

void CatalogPipInstalls(Context& ctx, const LogicalLine& line, std::string_view source,
                        const std::map<std::string, std::string>& properties) {
  if (!Contains(line.text, "pip")) return;
  for (auto& found : FindPipInstalls(line.text)) {
    uint32_t at = line.LineAt(found.offset);
    Evidence ev{Location{ctx.path(), at, 0, 0},
                Snippet(std::string_view(line.text).substr(found.offset)),
                EvidenceMethod::kManifest};
    Component c = MakePypiComponent(found.req, std::move(ev), Scope::kDirect);
    c.properties["aisec:declared-by"] = "pip-install";
    for (const auto& [k, v] : properties) c.properties[k] = v;
    ctx.sink().Add(std::move(c));
  }
}

}  // namespace aisec::catalog::python
