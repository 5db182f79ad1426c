#include "catalog/maven/xml.h"

#include "catalog/gradle/manifest_files.h"

namespace aisec::catalog {
namespace {

int MaxDepth(pugi::xml_node root) {
  int max_depth = 0;
  ForEachElement(root, [&](pugi::xml_node, int depth) { max_depth = std::max(max_depth, depth); });
  return max_depth;
}

uint32_t FirstInvalidUtf8Line(const LineIndex& lines) {
  for (uint32_t i = 1; i <= lines.LineCount(); ++i) {
    if (!IsValidUtf8(lines.LineText(i))) return i;
  }
  return 0;
}

}  // namespace

XmlDocument::XmlDocument(std::string_view text, std::string path)
    : text_(text), path_(std::move(path)), lines_(text) {}

uint32_t XmlDocument::Line(pugi::xml_node node) const {
  ptrdiff_t off = node.offset_debug();
  if (off < 0) return 0;
  return lines_.Line(static_cast<size_t>(off));
}

std::string XmlDocument::Snippet(pugi::xml_node node) const {
  ptrdiff_t off = node.offset_debug();
  if (off <= 0 || static_cast<size_t>(off) > text_.size()) return std::string(node.name());
  // offset_debug points at the name; include the '<' before it, and stop where the element
  // ends when that is near.
  std::string_view s = text_.substr(static_cast<size_t>(off) - 1, 400);
  auto tag_end = s.find('>');
  if (tag_end != std::string_view::npos && tag_end > 0 && s[tag_end - 1] == '/') {
    s = s.substr(0, tag_end + 1);
  } else if (auto close = s.find("</" + std::string(node.name()) + ">");
             close != std::string_view::npos) {
    s = s.substr(0, close + std::string_view(node.name()).size() + 3);
  }
  return aisec::Snippet(s);
}

Result<std::unique_ptr<XmlDocument>> LoadXml(std::string_view text, const std::string& path) {
  auto doc = std::make_unique<XmlDocument>(text, path);
  // parse_default keeps offsets exact (no in-place modification is visible to offset_debug) and
  // leaves out parse_doctype, so DTD internals are skipped, never interpreted.
  pugi::xml_parse_result r =
      doc->doc_.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    size_t off = r.offset < 0 ? 0 : std::min(static_cast<size_t>(r.offset), text.size());
    // An error at the very end belongs to the last line, not to the empty one after it.
    if (!text.empty()) off = std::min(off, text.size() - 1);
    return Error{ErrorCode::kParse, std::string("invalid XML: ") + r.description(),
                 Location{path, doc->lines_.Line(off), 0, 0}};
  }
  if (!doc->root()) {
    return Error{ErrorCode::kParse, "invalid XML: no root element", Location{path, 1, 0, 0}};
  }
  if (MaxDepth(doc->root()) > kMaxXmlDepth) {
    return Error{ErrorCode::kLimit,
                 "XML nesting deeper than " + std::to_string(kMaxXmlDepth) + " levels",
                 Location{path, doc->Line(doc->root()), 0, 0}};
  }
  if (auto pos = text.find("<!ENTITY"); pos != std::string_view::npos) {
    doc->notes_.push_back(Error{ErrorCode::kUnsupported,
                                "DTD entity declarations are ignored, not expanded",
                                Location{path, doc->lines_.Line(pos), 0, 0}});
  }
  if (uint32_t bad = FirstInvalidUtf8Line(doc->lines_); bad != 0) {
    doc->notes_.push_back(Error{ErrorCode::kParse, "invalid UTF-8", Location{path, bad, 0, 0}});
  }
  return doc;
}

std::unique_ptr<XmlDocument> LoadManifestXml(Context& ctx, std::string_view source) {
  auto text = ManifestText(ctx, source, false);
  if (!text) return nullptr;
  auto doc = LoadXml(*text, ctx.path());
  if (!doc.ok()) {
    ctx.sink().Warn(doc.error().location, doc.error().message, source);
    return nullptr;
  }
  for (const Error& note : (*doc)->notes()) ctx.sink().Warn(note.location, note.message, source);
  return std::move(*doc);
}

std::string_view LocalName(pugi::xml_node node) {
  std::string_view name = node.name();
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  }
  return {};
}

std::string ChildText(pugi::xml_node node, std::string_view name) {
  return std::string(Trim(Child(node, name).child_value()));
}

}  // namespace aisec::catalog
