#include "formats/onnx/onnx.h"

#include "formats/protobuf/wire.h"

namespace aisec::formats::onnx {
namespace {

using protobuf::Field;
using protobuf::WireType;

// Field numbers of onnx.proto (IR version 10).
namespace model_field {
constexpr uint32_t kIrVersion = 1, kProducerName = 2, kProducerVersion = 3, kDomain = 4,
                   kModelVersion = 5, kDocString = 6, kGraph = 7, kOpsetImport = 8,
                   kMetadataProps = 14, kTrainingInfo = 20, kFunctions = 25;
}
namespace graph_field {
constexpr uint32_t kNode = 1, kName = 2, kInitializer = 5, kSparseInitializer = 15;
}
namespace node_field {
constexpr uint32_t kOpType = 4, kAttribute = 5, kDomain = 7;
}
namespace attr_field {
constexpr uint32_t kT = 5, kG = 6, kTensors = 10, kGraphs = 11, kSparseTensor = 22,
                   kSparseTensors = 23;
}
namespace tensor_field {
constexpr uint32_t kDims = 1, kName = 8, kExternalData = 13, kDataLocation = 14;
}
constexpr int64_t kExternal = 1;  // TensorProto.DataLocation.EXTERNAL

class Parser {
 public:
  Parser(ByteSource& src, Model& m) : cur_(src, 0, src.size()), r_(cur_), m_(m) {}

  void Run() {
    ReadModel();
    if (!cur_.ok()) {
      m_.issues.push_back(Issue{too_deep_ ? "too-deep" : "malformed", cur_.error(),
                                cur_.error_offset(), {}});
      return;
    }
    if (m_.ir_version == 0 && m_.opsets.empty() && m_.nodes == 0) {
      m_.issues.push_back(Issue{"empty", "no IR version, opset or node: not an ONNX model", 0, {}});
      return;
    }
    m_.complete = true;
  }

 private:
  bool Str(const Field& f, std::string* out) {
    if (f.type != WireType::kLen) return true;
    return r_.String(f, kMaxKept, out);
  }

  template <typename Body>
  bool Message(const Field& f, Body body) {
    return r_.Message(f, body);
  }

  void ReadModel() {
    Field f;
    while (r_.Next(&f)) {
      bool ok = true;
      switch (f.number) {
        case model_field::kIrVersion: m_.ir_version = static_cast<int64_t>(f.value); break;
        case model_field::kProducerName: ok = Str(f, &m_.producer_name); break;
        case model_field::kProducerVersion: ok = Str(f, &m_.producer_version); break;
        case model_field::kDomain: ok = Str(f, &m_.domain); break;
        case model_field::kModelVersion: m_.model_version = static_cast<int64_t>(f.value); break;
        case model_field::kDocString: ok = Str(f, &m_.doc_string); break;
        case model_field::kGraph: ok = ReadGraph(f, 0, &m_.graph_name); break;
        case model_field::kOpsetImport: ok = ReadOpset(f); break;
        case model_field::kMetadataProps: ok = ReadMetadata(f); break;
        case model_field::kTrainingInfo:
          // TrainingInfoProto: initialization (1) and algorithm (2) are graphs.
          ok = Message(f, [&](const Field& g) {
            return g.number == 1 || g.number == 2 ? ReadGraph(g, 1, nullptr) : r_.Skip(g);
          });
          break;
        case model_field::kFunctions: ok = ReadFunction(f); break;
        default: ok = r_.Skip(f); break;
      }
      if (!ok) return;
    }
  }

  bool ReadOpset(const Field& f) {
    OpsetImport op;
    bool ok = Message(f, [&](const Field& g) {
      if (g.number == 1) return Str(g, &op.domain);
      if (g.number == 2 && g.type == WireType::kVarint) op.version = static_cast<int64_t>(g.value);
      return r_.Skip(g);
    });
    m_.opsets.push_back(std::move(op));
    return ok;
  }

  // StringStringEntryProto: key (1), value (2).
  bool ReadPair(const Field& f, std::string* key, std::string* value) {
    return Message(f, [&](const Field& g) {
      if (g.number == 1) return Str(g, key);
      if (g.number == 2) return Str(g, value);
      return r_.Skip(g);
    });
  }

  bool ReadMetadata(const Field& f) {
    std::string k, v;
    if (!ReadPair(f, &k, &v)) return false;
    m_.metadata_props[k] = v;
    return true;
  }

  bool ReadFunction(const Field& f) {
    return Message(f, [&](const Field& g) {
      if (g.number == 10) {  // FunctionProto.domain
        std::string d;
        if (!Str(g, &d)) return false;
        m_.function_domains.insert(d);
        return true;
      }
      if (g.number == 7) return ReadNode(g, 1);  // FunctionProto.node
      return r_.Skip(g);
    });
  }

  bool ReadGraph(const Field& f, int depth, std::string* name) {
    if (depth > kMaxGraphDepth) {
      too_deep_ = true;
      return cur_.Fail("subgraphs nested deeper than " + std::to_string(kMaxGraphDepth));
    }
    return Message(f, [&](const Field& g) {
      switch (g.number) {
        case graph_field::kNode: return ReadNode(g, depth);
        case graph_field::kName: return name ? Str(g, name) : r_.Skip(g);
        case graph_field::kInitializer: return ReadTensor(g, true);
        case graph_field::kSparseInitializer: return ReadSparse(g, true);
        default: return r_.Skip(g);
      }
    });
  }

  bool ReadNode(const Field& f, int depth) {
    std::string op, domain;
    bool ok = Message(f, [&](const Field& g) {
      switch (g.number) {
        case node_field::kOpType: return Str(g, &op);
        case node_field::kDomain: return Str(g, &domain);
        case node_field::kAttribute: return ReadAttribute(g, depth);
        default: return r_.Skip(g);
      }
    });
    ++m_.nodes;
    auto& by_op = m_.ops[domain];
    if (by_op.count(op) || distinct_ops_++ < kMaxOpTypes) ++by_op[op];
    return ok;
  }

  bool ReadAttribute(const Field& f, int depth) {
    return Message(f, [&](const Field& g) {
      switch (g.number) {
        case attr_field::kT:
        case attr_field::kTensors: return ReadTensor(g, false);
        case attr_field::kG:
        case attr_field::kGraphs: return ReadGraph(g, depth + 1, nullptr);
        case attr_field::kSparseTensor:
        case attr_field::kSparseTensors: return ReadSparse(g, false);
        default: return r_.Skip(g);
      }
    });
  }

  // SparseTensorProto: values (1) and indices (2) are tensors.
  bool ReadSparse(const Field& f, bool initializer) {
    return Message(f, [&](const Field& g) {
      return g.number == 1 || g.number == 2 ? ReadTensor(g, initializer && g.number == 1)
                                            : r_.Skip(g);
    });
  }

  bool ReadTensor(const Field& f, bool initializer) {
    ExternalData ext;
    ext.file_offset = f.offset;
    int64_t location = 0;
    bool any_external = false;
    uint64_t elements = 1;
    bool overflow = false;
    bool ok = Message(f, [&](const Field& g) {
      switch (g.number) {
        case tensor_field::kDims:
          return r_.Varints(g, [&](uint64_t d) {
            overflow = overflow || __builtin_mul_overflow(elements, d, &elements);
          });
        case tensor_field::kName: return Str(g, &ext.tensor);
        case tensor_field::kDataLocation:
          if (g.type == WireType::kVarint) location = static_cast<int64_t>(g.value);
          return true;
        case tensor_field::kExternalData: {
          std::string k, v;
          if (!ReadPair(g, &k, &v)) return false;
          any_external = true;
          if (k == "location") {
            ext.location = v;
            ext.has_location = true;
          } else if (k == "offset") {
            ext.offset = v;
          } else if (k == "length") {
            ext.length = v;
          }
          return true;
        }
        default: return r_.Skip(g);  // raw_data and the typed data fields: never read
      }
    });
    if (initializer) {
      ++m_.initializers;
      if (overflow || __builtin_add_overflow(m_.parameters, elements, &m_.parameters)) {
        m_.parameters_overflow = true;
      }
    }
    if (location == kExternal || any_external) m_.external_data.push_back(std::move(ext));
    return ok;
  }

  Cursor cur_;
  protobuf::Reader r_;
  Model& m_;
  size_t distinct_ops_ = 0;
  bool too_deep_ = false;
};

}  // namespace

bool LooksLikeOnnx(std::string_view head) {
  // Tag 0x08 (field 1, varint) and a small IR version.
  return head.size() >= 2 && head[0] == 0x08 && head[1] >= 1 && head[1] <= 30;
}

Model Parse(ByteSource& src) {
  Model m;
  Parser(src, m).Run();
  return m;
}

}  // namespace aisec::formats::onnx
