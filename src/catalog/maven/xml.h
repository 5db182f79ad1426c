#pragma once
// XML manifests (pom.xml, MSBuild project files, packages.config) read with pugixml under our
// limits. pugixml never loads external entities and never expands entities declared in a DTD
// (only the five predefined ones and character references), so "billion laughs" documents stay
// the size they are; declared entities are reported so that a reader can tell why a value looks
// odd. Depth is checked without recursion after parsing.
#include <cstdint>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/cataloger.h"
#include "core/result.h"
#include "core/strings.h"

namespace aisec::catalog {

inline constexpr int kMaxXmlDepth = 256;

// A parsed document that keeps the text it came from, to locate nodes by line.
// Not copyable: pugixml's document owns its node pages.
class XmlDocument {
 public:
  XmlDocument(std::string_view text, std::string path);
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  pugi::xml_node root() const { return doc_.document_element(); }
  const std::string& path() const { return path_; }
  // 1-based line of a node's start tag; 0 when unknown.
  uint32_t Line(pugi::xml_node node) const;
  // The start of the element's source text, collapsed to one line, for evidence.
  std::string Snippet(pugi::xml_node node) const;
  // Problems that did not stop parsing (declared entities, invalid UTF-8), with their lines.
  const std::vector<Error>& notes() const { return notes_; }

 private:
  friend Result<std::unique_ptr<XmlDocument>> LoadXml(std::string_view, const std::string&);
  std::string_view text_;
  std::string path_;
  LineIndex lines_;
  pugi::xml_document doc_;
  std::vector<Error> notes_;
};

// Parses `text` (which must outlive the document). A syntax error or a depth over kMaxXmlDepth
// is an Error located at its line.
Result<std::unique_ptr<XmlDocument>> LoadXml(std::string_view text, const std::string& path);

// The cataloged file parsed as XML, or nullptr after a located warning on `source`; the
// document's notes are reported as warnings too. The document refers to the context's text.
std::unique_ptr<XmlDocument> LoadManifestXml(Context& ctx, std::string_view source);

// Calls fn(element, depth) for every element below and including `root`, in document order,
// without recursion.
template <typename Fn>
void ForEachElement(pugi::xml_node root, Fn&& fn) {
  int depth = 0;
  pugi::xml_node n = root;
  while (n) {
    if (n.type() == pugi::node_element) fn(n, depth);
    if (n.first_child()) {
      n = n.first_child();
      ++depth;
      continue;
    }
    while (n && n != root && !n.next_sibling()) {
      n = n.parent();
      --depth;
    }
    if (!n || n == root) break;
    n = n.next_sibling();
  }
}

// Text of the first child element named `name` (namespace prefixes ignored), trimmed.
std::string ChildText(pugi::xml_node node, std::string_view name);
// First child element named `name`, ignoring namespace prefixes.
pugi::xml_node Child(pugi::xml_node node, std::string_view name);
// Local name of an element without its namespace prefix.
std::string_view LocalName(pugi::xml_node node);

}  // namespace aisec::catalog
