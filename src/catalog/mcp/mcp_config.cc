// MCP servers configured for AI clients (Claude Desktop, Cursor, VS Code, Windsurf, project
// .mcp.json files): each server becomes a tool component with its transport, command or URL,
// and the package it launches (npx/uvx/pipx/docker) becomes a used library, so that malicious
// and vulnerable MCP server packages are checked like any dependency.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

#include "core/json_field.h"
#include "catalog/registry_decls.h"
#include "core/parse.h"
#include "core/purl.h"
#include "core/strings.h"

namespace aisec::catalog::mcp {
namespace {

constexpr std::string_view kSource = "mcp";

// Line of the first occurrence of "\"name\"" in the text, for evidence.
uint32_t LineOfKey(std::string_view text, const std::string& key) {
  size_t pos = text.find("\"" + key + "\"");
  if (pos == std::string_view::npos) return 0;
  return static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n') + 1);
}

// The package a launcher command runs: `npx -y @scope/server@1.2`, `uvx mcp-server-git`,
// `pipx run x`, `docker run … image`.
std::optional<std::pair<std::string, std::string>> LaunchedPackage(const std::string& command,
                                                                   const std::vector<std::string>& args) {
  std::string cmd = command.substr(command.rfind('/') == std::string::npos ? 0 : command.rfind('/') + 1);
  std::string ecosystem;
  if (cmd == "npx" || cmd == "bunx" || cmd == "pnpx") ecosystem = "npm";
  else if (cmd == "uvx" || cmd == "pipx") ecosystem = "pypi";
  else return std::nullopt;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "run" && cmd == "pipx") continue;
    if (a.starts_with("-")) {
      if (a == "--from" || a == "-p" || a == "--package") {
        if (i + 1 < args.size()) return std::make_pair(ecosystem, args[i + 1]);
      }
      continue;
    }
    return std::make_pair(ecosystem, a);
  }
  return std::nullopt;
}

void AddServer(Context& ctx, std::string_view text, const std::string& name, const nlohmann::json& s) {
  Component c;
  c.kind = ComponentKind::kTool;
  c.name = name;
  c.scope = Scope::kDeclared;
  c.ai = AiInfo{.category = "mcp", .provider = "Model Context Protocol"};
  uint32_t line = LineOfKey(text, name);
  Evidence ev{Location{ctx.path(), line, 0, 0}, Snippet("\"" + name + "\""), EvidenceMethod::kConfig};
  c.evidence.push_back(ev);
  std::string command = JsonString(s, "command");
  std::vector<std::string> args;
  if (auto a = s.find("args"); a != s.end() && a->is_array()) {
    for (const auto& x : *a) {
      if (x.is_string()) args.push_back(x.get<std::string>());
    }
  }
  std::string url = JsonString(s, "url", JsonString(s, "serverUrl"));
  std::string transport = JsonString(s, "type", JsonString(s, "transport", url.empty() ? "stdio" : "http"));
  c.properties["aisec:mcp:transport"] = transport;
  if (!command.empty()) c.properties["aisec:mcp:command"] = Snippet(command + " " + Join(args, " "), 200);
  if (!url.empty()) c.properties["aisec:mcp:url"] = url;
  if (auto env = s.find("env"); env != s.end() && env->is_object()) {
    std::vector<std::string> keys;
    for (const auto& [k, _] : env->items()) keys.push_back(k);
    c.properties["aisec:mcp:env"] = Join(keys, ",");  // names only: values may be secrets
  }
  std::string tool_key = c.Key();
  if (auto pkg = LaunchedPackage(command, args)) {
    auto [ecosystem, spec] = *pkg;
    std::string pkg_name = spec, version;
    // "@scope/name@1.2.3" / "name@1.2" / "name==1.2"
    size_t at = spec.rfind('@');
    if (ecosystem == "npm" && at != std::string::npos && at > 0) {
      pkg_name = spec.substr(0, at);
      version = spec.substr(at + 1);
    } else if (auto eq = spec.find("=="); eq != std::string::npos) {
      pkg_name = spec.substr(0, eq);
      version = spec.substr(eq + 2);
    }
    Component lib;
    lib.kind = ComponentKind::kLibrary;
    lib.ecosystem = ecosystem;
    lib.name = NormalizePackageName(ecosystem, pkg_name);
    bool exact = !version.empty() && version != "latest";
    lib.version = exact ? version : "";
    lib.purl = MakePurl(ecosystem, lib.name, lib.version);
    lib.scope = Scope::kUsed;
    lib.properties["aisec:launched-by"] = "mcp:" + name;
    lib.evidence.push_back(ev);
    c.properties["aisec:mcp:package"] = lib.purl;
    ctx.sink().Relate(tool_key, lib.Key(), RelationKind::kDependsOn);
    ctx.sink().Add(std::move(lib));
  }
  ctx.sink().Add(std::move(c));
}

}  // namespace

bool ClaimsMcpConfig(std::string_view rel_path) {
  auto slash = rel_path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? rel_path : rel_path.substr(slash + 1);
  return base == "mcp.json" || base == ".mcp.json" || base == "claude_desktop_config.json" ||
         base == "mcp_config.json" || base.ends_with(".mcp.json") || rel_path.ends_with(".vscode/mcp.json") ||
         rel_path.ends_with(".cursor/mcp.json");
}

void McpConfig(Context& ctx) {
  auto text = ctx.Text();
  if (!text.ok()) {
    ctx.sink().Warn(text.error().location, text.error().message, kSource);
    return;
  }
  auto doc = ParseJson(*text, ctx.path());
  if (!doc.ok()) {
    ctx.sink().Warn(doc.error().location, doc.error().message, kSource);
    return;
  }
  if (!doc->is_object()) return;
  for (const char* key : {"mcpServers", "servers", "mcp_servers"}) {
    auto servers = doc->find(key);
    if (servers == doc->end() || !servers->is_object()) continue;
    for (const auto& [name, s] : servers->items()) {
      if (s.is_object()) AddServer(ctx, *text, name, s);
    }
  }
}

}  // namespace aisec::catalog::mcp
