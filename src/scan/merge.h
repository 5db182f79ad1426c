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

inline constexpr size_t kMaxEvidencePerComponent = 100;

}  // namespace aisec::scan
