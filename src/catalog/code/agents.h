#pragma once
// Agents, tools and system prompts in source text (data/code/agents.yaml). The code/agents
// cataloger runs it on source files; the notebook cataloger on the code cells of a notebook.
#include <functional>
#include <string>
#include <string_view>

#include "catalog/cataloger.h"
#include "catalog/code/knowledge.h"

namespace aisec::catalog::code {

// Adds what `text` (written in `lang`) defines to `sink`. `locate` maps an offset in `text` to
// its location; when empty, the line and column in `text` itself under `path`.
void DetectAgents(std::string_view text, const Language& lang, const std::string& path,
                  Sink& sink, std::function<Location(size_t)> locate);

}  // namespace aisec::catalog::code
