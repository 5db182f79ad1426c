// MILSpec messages, by field number:
//   Program   { functions 2: map<string, Function> }
//   Function  { block_specializations 3: map<string, Block> }
//   Block     { operations 3: repeated Operation }
//   Operation { type 1: string, blocks 4: repeated Block, attributes 5: map<string, Value> }
//   Value     { immediateValue 3: { tensor 1: { strings 4: { values 1: repeated string } } } }
// A map entry is a message with the key in field 1 and the value in field 2. Control flow
// (cond, while_loop) nests blocks in operations; the wire reader's depth limit bounds it.
#include "formats/coreml/mil.h"

#include <initializer_list>
#include <map>
#include <utility>

namespace aisec::formats::coreml {
namespace {

using protobuf::Field;

constexpr uint64_t kKeptName = 256;

class ProgramReader {
 public:
  ProgramReader(protobuf::Reader& r, Model& m) : r_(r), m_(m) {
    for (size_t i = 0; i < m_.program_ops.size(); ++i) index_.emplace(m_.program_ops[i].type, i);
  }

  bool Program(const Field& f) {
    return r_.Message(f, [&](const Field& x) {
      if (x.number != 2) return r_.Skip(x);
      return MapEntry(x, &function_, [&](const Field& v) { return Function(v); });
    });
  }

 private:
  // Runs value(field) on the value of a map entry; its key goes to *key (when it precedes the
  // value, as every writer puts it).
  template <typename Value>
  bool MapEntry(const Field& f, std::string* key, Value value) {
    key->clear();
    return r_.Message(f, [&](const Field& e) {
      if (e.number == 1) return r_.String(e, kKeptName, key);
      return e.number == 2 ? value(e) : r_.Skip(e);
    });
  }

  bool Function(const Field& f) {
    std::string opset;
    return r_.Message(f, [&](const Field& x) {
      return x.number == 3 ? MapEntry(x, &opset, [&](const Field& b) { return Block(b); }) : r_.Skip(x);
    });
  }

  bool Block(const Field& f) {
    return r_.Message(f, [&](const Field& x) { return x.number == 3 ? Operation(x) : r_.Skip(x); });
  }

  bool Operation(const Field& f) {
    std::string type, name;
    uint64_t offset = f.offset;
    bool ok = r_.Message(f, [&](const Field& x) {
      switch (x.number) {
        case 1:
          offset = x.offset;
          return r_.String(x, kKeptName, &type);
        case 4: return Block(x);
        case 5: return Attribute(x, &name);
        default: return r_.Skip(x);
      }
    });
    Record(std::move(type), std::move(name), offset);
    return ok;
  }

  // Operation.attributes entry; the "name" attribute is a string tensor.
  bool Attribute(const Field& f, std::string* name) {
    std::string key;
    return MapEntry(f, &key, [&](const Field& v) {
      if (key != "name") return r_.Skip(v);
      return Nested(v, {3, 1, 4}, [&](const Field& s) { return s.number == 1 ? r_.String(s, kKeptName, name) : r_.Skip(s); });
    });
  }

  // Descends through single sub-message fields numbered by `path`, then runs body on the fields
  // of the innermost one.
  template <typename Body>
  bool Nested(const Field& f, std::initializer_list<uint32_t> path, Body body, size_t level = 0) {
    if (level == path.size()) return r_.Message(f, body);
    uint32_t want = *(path.begin() + level);
    return r_.Message(f, [&](const Field& x) { return x.number == want ? Nested(x, path, body, level + 1) : r_.Skip(x); });
  }

  void Record(std::string type, std::string name, uint64_t offset) {
    ++m_.program_operations;
    if (type.empty()) return;  // nothing to run: Core ML rejects it
    auto it = index_.find(type);
    if (it != index_.end()) {
      ++m_.program_ops[it->second].count;
      return;
    }
    if (m_.program_ops.size() >= kMaxProgramOpTypes) return;
    index_.emplace(type, m_.program_ops.size());
    m_.program_ops.push_back(Model::ProgramOp{.type = std::move(type),
                                              .name = std::move(name),
                                              .function = function_,
                                              .offset = offset,
                                              .count = 1});
  }

  protobuf::Reader& r_;
  Model& m_;
  std::string function_;  // the function being read
  std::map<std::string, size_t, std::less<>> index_;  // type -> position in m_.program_ops
};

}  // namespace

bool ReadProgram(protobuf::Reader& r, const Field& program, Model& m) {
  ProgramReader reader(r, m);
  return reader.Program(program);
}

}  // namespace aisec::formats::coreml
