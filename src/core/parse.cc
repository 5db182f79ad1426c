#include "core/parse.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "core/strings.h"

namespace aisec {

int BracketDepth(std::string_view text) {
  int depth = 0, max_depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '"') quote = c;
    else if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
    else if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return max_depth;
}

namespace {

Error NestingError(const std::string& path) {
  return Error{ErrorCode::kLimit,
               "nesting deeper than " + std::to_string(kMaxNesting) + " levels", Location{path}};
}

// Indentation depth guard for YAML block structure (yaml-cpp recurses per level).
bool YamlTooDeep(std::string_view text) {
  for (std::string_view line : SplitLines(text)) {
    size_t indent = 0;
    while (indent < line.size() && (line[indent] == ' ' || line[indent] == '-')) ++indent;
    if (indent > static_cast<size_t>(kMaxNesting) * 2) return true;
  }
  return BracketDepth(text) > kMaxNesting;
}

// Forwards nlohmann's SAX callbacks to JsonEvents and keeps the first error.
class SaxAdapter : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit SaxAdapter(JsonEvents& events) : events_(events) {}
  bool null() override { return Other(); }
  bool boolean(bool v) override {
    events_.Bool(v);
    return true;
  }
  bool number_integer(number_integer_t) override { return Other(); }
  bool number_unsigned(number_unsigned_t) override { return Other(); }
  bool number_float(number_float_t, const string_t&) override { return Other(); }
  bool string(string_t& v) override {
    events_.String(v);
    return true;
  }
  bool binary(binary_t&) override { return Other(); }  // not produced by the JSON text parser
  bool start_object(std::size_t) override {
    events_.StartObject();
    return true;
  }
  bool key(string_t& k) override {
    events_.Key(k);
    return true;
  }
  bool end_object() override {
    events_.EndObject();
    return true;
  }
  bool start_array(std::size_t) override {
    events_.StartArray();
    return true;
  }
  bool end_array() override {
    events_.EndArray();
    return true;
  }
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) override {
    error_byte_ = byte;
    error_ = e.what();
    return false;
  }
  const std::optional<std::string>& error() const { return error_; }
  size_t error_byte() const { return error_byte_; }

 private:
  bool Other() {
    events_.Other();
    return true;
  }
  JsonEvents& events_;
  std::optional<std::string> error_;
  size_t error_byte_ = 0;
};

Error JsonError(std::string_view text, const std::string& path, size_t byte, const std::string& what) {
  // nlohmann reports a byte offset; turn it into a line number.
  LineIndex index(text);
  size_t off = byte > 0 ? byte - 1 : 0;
  Location loc{path, index.Line(std::min(off, text.size())), 0, 0};
  return Error{ErrorCode::kParse, "invalid JSON: " + what, loc};
}

}  // namespace

Result<nlohmann::json> ParseJson(std::string_view text, const std::string& path) {
  return ParseJson(text, path, nullptr);
}

Result<nlohmann::json> ParseJson(std::string_view text, const std::string& path,
                                 std::vector<std::string>* duplicate_keys) {
  if (BracketDepth(text) > kMaxNesting) return NestingError(path);
  // One set of keys per open object; the parser callback sees keys in document order.
  std::vector<std::set<std::string>> open_objects;
  nlohmann::json::parser_callback_t on_event =
      [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        if (event == E::object_start) {
          open_objects.emplace_back();
        } else if (event == E::object_end && !open_objects.empty()) {
          open_objects.pop_back();
        } else if (event == E::key && !open_objects.empty() && parsed.is_string()) {
          if (!open_objects.back().insert(parsed.get<std::string>()).second) {
            duplicate_keys->push_back(parsed.get<std::string>());
          }
        }
        return true;
      };
  try {
    if (duplicate_keys == nullptr) return nlohmann::json::parse(text.begin(), text.end());
    return nlohmann::json::parse(text.begin(), text.end(), on_event);
  } catch (const nlohmann::json::parse_error& e) {
    return JsonError(text, path, e.byte, e.what());
  } catch (const std::exception& e) {
    return Error{ErrorCode::kParse, std::string("invalid JSON: ") + e.what(), Location{path}};
  }
}

Status ParseJsonEvents(std::string_view text, const std::string& path, JsonEvents& events) {
  if (BracketDepth(text) > kMaxNesting) return Status(NestingError(path));
  SaxAdapter adapter(events);
  try {
    if (nlohmann::json::sax_parse(text.begin(), text.end(), &adapter)) return Status::Ok();
    if (adapter.error()) return Status(JsonError(text, path, adapter.error_byte(), *adapter.error()));
    return Status::Parse("invalid JSON", Location{path});
  } catch (const std::exception& e) {
    return Status::Parse(std::string("invalid JSON: ") + e.what(), Location{path});
  }
}

Result<YAML::Node> ParseYaml(std::string_view text, const std::string& path) {
  if (YamlTooDeep(text)) return NestingError(path);
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    Location loc{path, static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1), 0};
    return Error{ErrorCode::kParse, "invalid YAML: " + e.msg, loc};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kParse, std::string("invalid YAML: ") + e.what(), Location{path}};
  }
}

namespace {

// Ignores every event: only the number of documents matters.
class NullHandler : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// yaml-cpp 0.7's LoadAll never returns on some malformed streams (one starting with a stray ','
// yields an empty document forever, found by fuzz/container_images), so the documents are first
// counted with a bounded loop.
bool TooManyYamlDocuments(std::string_view text) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  NullHandler handler;
  for (size_t n = 0; parser.HandleNextDocument(handler); ++n) {
    if (n >= kMaxYamlDocuments) return true;
  }
  return false;
}

}  // namespace

Result<std::vector<YAML::Node>> ParseYamlAll(std::string_view text, const std::string& path) {
  if (YamlTooDeep(text)) return NestingError(path);
  try {
    if (TooManyYamlDocuments(text)) {
      return Error{ErrorCode::kLimit, "more than " + std::to_string(kMaxYamlDocuments) + " YAML documents",
                   Location{path}};
    }
    return YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    Location loc{path, static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1), 0};
    return Error{ErrorCode::kParse, "invalid YAML: " + e.msg, loc};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kParse, std::string("invalid YAML: ") + e.what(), Location{path}};
  }
}

Result<toml::table> ParseToml(std::string_view text, const std::string& path) {
  if (BracketDepth(text) > kMaxNesting) return NestingError(path);
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    Location loc{path, static_cast<uint32_t>(e.source().begin.line),
                 static_cast<uint32_t>(e.source().begin.column), 0};
    return Error{ErrorCode::kParse, std::string("invalid TOML: ") + std::string(e.description()), loc};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kParse, std::string("invalid TOML: ") + e.what(), Location{path}};
  }
}

}  // namespace aisec
