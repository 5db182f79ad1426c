#include "assess/model/jinja_rules.h"

#include <set>

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include "assess/model/model_finding.h"
#include "core/data.h"
#include "core/parse.h"
#include "core/strings.h"

namespace aisec::assess::model {
namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x110000) {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Reads the string literal starting at s[i] (a quote) as Python would decode it; returns the
// index after the closing quote.
size_t ReadLiteral(std::string_view s, size_t i, std::string* out) {
  char quote = s[i++];
  while (i < s.size() && s[i] != quote) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      *out += s[i++];
      continue;
    }
    char e = s[i + 1];
    size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (digits != 0) {
      uint32_t cp = 0;
      size_t j = i + 2;
      for (; j < s.size() && j < i + 2 + digits && Hex(s[j]) >= 0; ++j) cp = cp * 16 + Hex(s[j]);
      if (j == i + 2 + digits) {
        AppendUtf8(cp, out);
        i = j;
        continue;
      }
    }
    if (e >= '0' && e <= '7') {
      uint32_t cp = 0;
      size_t j = i + 1;
      for (; j < s.size() && j < i + 4 && s[j] >= '0' && s[j] <= '7'; ++j) cp = cp * 8 + (s[j] - '0');
      AppendUtf8(cp, out);
      i = j;
      continue;
    }
    *out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    i += 2;
  }
  return i < s.size() ? i + 1 : i;
}

// After a literal: skips spaces and a joining operator ('+' or '~'); returns the position of the
// next literal's quote, or npos when the run of literals ends here.
size_t NextJoinedLiteral(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '~')) {
    ++i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  return i < s.size() && (s[i] == '\'' || s[i] == '"') ? i : std::string_view::npos;
}

// "|reverse" (with optional spaces) at s[i]: returns the index after it, or npos.
size_t ReverseFilter(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() || s[i] != '|') return std::string_view::npos;
  ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (s.substr(i, 7) != "reverse") return std::string_view::npos;
  return i + 7;
}

}  // namespace

std::vector<JinjaBlock> JinjaBlocks(std::string_view t) {
  std::vector<JinjaBlock> out;
  size_t i = 0;
  while ((i = t.find('{', i)) != std::string_view::npos) {
    if (i + 1 >= t.size()) break;
    char kind = t[i + 1];
    if (kind != '{' && kind != '%' && kind != '#') {
      ++i;
      continue;
    }
    char close = kind == '{' ? '}' : kind;
    size_t j = i + 2;
    char quote = 0;
    for (; j + 1 < t.size(); ++j) {
      if (quote) {
        if (t[j] == '\\') ++j;
        else if (t[j] == quote) quote = 0;
      } else if (kind != '#' && (t[j] == '\'' || t[j] == '"')) {
        quote = t[j];
      } else if (t[j] == close && t[j + 1] == '}') {
        break;
      }
    }
    size_t end = std::min(j + 2, t.size());
    if (kind != '#') out.push_back(JinjaBlock{i, t.substr(i, end - i)});
    i = end;
  }
  return out;
}

std::string Deobfuscate(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '\'' && s[i] != '"') {
      out += s[i++];
      continue;
    }
    std::string lit;
    i = ReadLiteral(s, i, &lit);
    for (size_t next; (next = NextJoinedLiteral(s, i)) != std::string_view::npos;) {
      i = ReadLiteral(s, next, &lit);
    }
    if (size_t after = ReverseFilter(s, i); after != std::string_view::npos) {
      lit.assign(lit.rbegin(), lit.rend());
      i = after;
    }
    out += '\'' + lit + '\'';
  }
  return out;
}

std::vector<JinjaHit> JinjaRules::Scan(std::string_view tmpl) const {
  std::vector<JinjaHit> hits;
  std::vector<JinjaBlock> blocks = JinjaBlocks(tmpl);
  std::vector<std::string> plain;
  for (const auto& b : blocks) plain.push_back(Deobfuscate(b.text));
  for (const auto& rule : rules_) {
    for (size_t k = 0; k < blocks.size(); ++k) {
      if (RE2::PartialMatch(blocks[k].text, *rule.pattern)) {
        hits.push_back(JinjaHit{&rule, Snippet(blocks[k].text, 160), blocks[k].offset, false});
        break;
      }
      if (RE2::PartialMatch(plain[k], *rule.pattern)) {
        hits.push_back(JinjaHit{&rule, Snippet(plain[k], 160), blocks[k].offset, true});
        break;
      }
    }
  }
  return hits;
}

Result<JinjaRules> JinjaRules::Load(std::string_view yaml) {
  auto doc = ParseYaml(yaml, "model/jinja-rules.yaml");
  if (!doc.ok()) return doc.error();
  JinjaRules out;
  std::set<std::string> ids;
  try {
    if (!(*doc)["version"]) return Status::Parse("jinja-rules: no version");
    for (const auto& r : (*doc)["rules"]) {
      JinjaRule rule;
      rule.id = r["id"].as<std::string>();
      if (!ids.insert(rule.id).second) return Status::Parse("jinja-rules: duplicate id " + rule.id);
      std::string sev = r["severity"].as<std::string>();
      auto severity = ParseSeverity(sev);
      if (!severity) return Status::Parse("jinja-rules: bad severity " + sev);
      rule.severity = *severity;
      rule.title = r["title"].as<std::string>();
      auto re = std::make_shared<re2::RE2>(r["pattern"].as<std::string>(), RE2::Quiet);
      if (!re->ok()) return Status::Parse("jinja-rules: " + rule.id + ": " + re->error());
      rule.pattern = std::move(re);
      for (const auto& e : r["examples"]) rule.examples.push_back(e.as<std::string>());
      out.rules_.push_back(std::move(rule));
    }
    for (const auto& b : (*doc)["benign"]) out.benign_.push_back(b.as<std::string>());
  } catch (const YAML::Exception& e) {
    return Status::Parse(std::string("jinja-rules: ") + e.what());
  }
  if (out.rules_.empty()) return Status::Parse("jinja-rules: no rules");
  return out;
}

const JinjaRules& JinjaRules::Default() {
  static const JinjaRules rules = LoadShippedData("model/jinja-rules.yaml", Load);
  return rules;
}

void ReportTemplate(const ModelFile& file, ModelReport& report, std::string_view format_id,
                    std::string_view key, std::string_view text, uint64_t offset) {
  for (const JinjaHit& hit : JinjaRules::Default().Scan(text)) {
    std::string id = "AISEC-MODEL-" + std::string(format_id) + "-JINJA-" + hit.rule->id;
    Rule rule{.id = id,
              .title = hit.rule->title,
              .severity = hit.obfuscated ? Severity::kCritical : hit.rule->severity,
              .technique = hit.obfuscated ? "template-injection-obfuscated" : "template-injection",
              .remediation = "Do not serve this model with its embedded chat template: replace "
                             "it with a reviewed template and render templates only in a "
                             "sandboxed Jinja environment.",
              .cwe = "CWE-1336",
              .atlas = "AML.T0010.003"};
    std::string description = hit.rule->title + " in " + std::string(key);
    if (hit.obfuscated) description += " (hidden by string concatenation, escapes or reversal)";
    AddFinding(file, report, rule,
               Hit{.description = std::move(description),
                   .offset = offset + hit.block_offset,
                   .discriminator = std::string(key),
                   .snippet = hit.match});
  }
}

}  // namespace aisec::assess::model
