#include "assess/registry_decls.h"

namespace aisec::assess {

Status AssessTyposquats(Context& ctx) { return Status::Ok(); }

}  // namespace aisec::assess
