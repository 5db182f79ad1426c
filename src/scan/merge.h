#pragma once
#include <vector>

#include "core/component.h"

namespace aisec::scan {

// Merges components with the same Key(): evidence is united (deduplicated by place, capped),
// the strongest scope wins (direct > transitive > declared > used), a component is dev-only only
// when every occurrence is. The result is sorted by Key().
std::vector<Component> MergeComponents(std::vector<Component> components);

// Sorts and deduplicates relations and drops those whose ends are not components.
std::vector<Relation> CleanRelations(std::vector<Relation> relations,
                                     const std::vector<Component>& components);

// A library seen in code (scope used) that a manifest also declares is the declared component:
// its evidence moves there (property aisec:used-in-code) and relations follow. What remains with
// scope used is undeclared.
void FoldUsageIntoDeclarations(std::vector<Component>& components, std::vector<Relation>& relations);

// A library a manifest declares without an exact version becomes the package the lock file in
// its folder, or the nearest folder above it (a workspace's root), resolved for it: it takes the
// lock entry's version and purl, so that the two merge, and the relations of the manifest's
// project follow. Left alone when no lock entry, or more than one, fits its requirement. Runs on
// the components of single files, before MergeComponents.
void ResolveDeclarationsWithLocks(std::vector<Component>& components, std::vector<Relation>& relations);

// A relation to a tool class that is not itself a component ("tool:WeatherTools") also goes to
// every tool whose aisec:tool:class is that class. Runs after MergeComponents.
void LinkToolClasses(const std::vector<Component>& components, std::vector<Relation>& relations);

inline constexpr size_t kMaxEvidencePerComponent = 100;

}  // namespace aisec::scan
