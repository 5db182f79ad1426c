#include "formats/savedmodel/saved_model.h"

#include "formats/protobuf/wire.h"

namespace aisec::formats::savedmodel {
namespace {

using protobuf::Field;
using protobuf::WireType;

class Parser {
 public:
  Parser(ByteSource& src, SavedModel& m) : cur_(src, 0, src.size()), r_(cur_), m_(m) {}

  void Run() {
    Field f;
    while (r_.Next(&f)) {
      bool ok = true;
      if (f.number == 1 && f.type == WireType::kVarint) {
        m_.schema_version = static_cast<int64_t>(f.value);
      } else if (f.number == 2) {
        ok = ReadMetaGraph(f);
      } else {
        ok = r_.Skip(f);
      }
      if (!ok) break;
    }
    if (!cur_.ok()) {
      m_.issues.push_back(Issue{"malformed", cur_.error(), cur_.error_offset(), {}});
    } else if (m_.meta_graphs.empty()) {
      m_.issues.push_back(Issue{"empty", "no MetaGraphDef: not a SavedModel", 0, {}});
    } else {
      m_.complete = true;
    }
  }

 private:
  bool Str(const Field& f, std::string* out) { return r_.String(f, kMaxKept, out); }

  // MetaGraphDef: meta_info_def (1), graph_def (2), signature_def (5, map entries).
  bool ReadMetaGraph(const Field& f) {
    MetaGraph g;
    bool ok = r_.Message(f, [&](const Field& x) {
      switch (x.number) {
        case 1: return ReadMetaInfo(x, &g);
        case 2: return ReadGraph(x);
        case 5:  // map<string, SignatureDef> entry: key (1)
          return r_.Message(x, [&](const Field& e) {
            if (e.number != 1) return r_.Skip(e);
            std::string key;
            if (!Str(e, &key)) return false;
            g.signatures.push_back(std::move(key));
            return true;
          });
        default: return r_.Skip(x);
      }
    });
    m_.meta_graphs.push_back(std::move(g));
    return ok;
  }

  // MetaInfoDef: stripped_op_list (2), tags (4), tensorflow_version (5).
  bool ReadMetaInfo(const Field& f, MetaGraph* g) {
    return r_.Message(f, [&](const Field& x) {
      if (x.number == 4) {
        std::string tag;
        if (!Str(x, &tag)) return false;
        g->tags.push_back(std::move(tag));
        return true;
      }
      if (x.number == 5) return Str(x, &g->tensorflow_version);
      if (x.number == 2) {  // OpList: op (1) OpDef, whose name is field 1
        return r_.Message(x, [&](const Field& op) {
          return op.number == 1 ? r_.Message(op, [&](const Field& n) {
            return n.number == 1 ? AddOp(n) : r_.Skip(n);
          }) : r_.Skip(op);
        });
      }
      return r_.Skip(x);
    });
  }

  // GraphDef: node (1) NodeDef, library (2) FunctionDefLibrary.
  bool ReadGraph(const Field& f) {
    return r_.Message(f, [&](const Field& x) {
      if (x.number == 1) return ReadNode(x);
      if (x.number == 2) {
        return r_.Message(x, [&](const Field& fn) {  // FunctionDefLibrary.function (1)
          if (fn.number != 1) return r_.Skip(fn);
          ++m_.functions;
          return r_.Message(fn, [&](const Field& y) {  // FunctionDef.signature (1), node_def (3)
            if (y.number == 1) return ReadSignatureName(y);
            return y.number == 3 ? ReadNode(y) : r_.Skip(y);
          });
        });
      }
      return r_.Skip(x);
    });
  }

  // OpDef.name (1): a node whose op is this name calls the function, not a kernel.
  bool ReadSignatureName(const Field& f) {
    return r_.Message(f, [&](const Field& x) {
      if (x.number != 1) return r_.Skip(x);
      std::string name;
      if (!Str(x, &name)) return false;
      if (m_.function_names.size() < kMaxOpNames) m_.function_names.insert(std::move(name));
      return true;
    });
  }

  // NodeDef: op (2); attrs, inputs and constant tensors are skipped.
  bool ReadNode(const Field& f) {
    ++m_.nodes;
    return r_.Message(f, [&](const Field& x) { return x.number == 2 ? AddOp(x) : r_.Skip(x); });
  }

  bool AddOp(const Field& f) {
    std::string op;
    uint64_t at = f.offset;
    if (!Str(f, &op)) return false;
    if (m_.ops.count(op) || m_.ops.size() < kMaxOpNames) {
      if (++m_.ops[op] == 1) m_.op_offset[op] = at;
    }
    return true;
  }

  Cursor cur_;
  protobuf::Reader r_;
  SavedModel& m_;
};

}  // namespace

SavedModel ParseSavedModel(ByteSource& src) {
  SavedModel m;
  Parser(src, m).Run();
  return m;
}

// SavedMetadata: nodes (1) SavedObject { node_id (2), node_path (3), identifier (4),
// metadata (5) }.
KerasMetadata ParseKerasMetadata(ByteSource& src) {
  KerasMetadata k;
  Cursor cur(src, 0, src.size());
  protobuf::Reader r(cur);
  Field f;
  while (r.Next(&f)) {
    if (f.number != 1) {
      if (!r.Skip(f)) break;
      continue;
    }
    KerasLayer layer;
    bool ok = r.Message(f, [&](const Field& x) {
      switch (x.number) {
        case 3: return r.String(x, kMaxKept, &layer.node_path);
        case 4: return r.String(x, kMaxKept, &layer.identifier);
        case 5: layer.offset = x.offset; return r.String(x, kMaxMetadataBytes, &layer.metadata);
        default: return r.Skip(x);
      }
    });
    if (!ok) break;
    k.layers.push_back(std::move(layer));
  }
  if (!cur.ok()) {
    k.issues.push_back(Issue{"malformed", cur.error(), cur.error_offset(), {}});
  } else {
    k.complete = true;
  }
  return k;
}

}  // namespace aisec::formats::savedmodel
