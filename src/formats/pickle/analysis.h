#pragma once
// Static analysis of pickle streams: a symbolic pickle machine that follows the stack and the
// memo through every opcode of protocols 0-5 and reports which globals a loader would import
// and which callables it would invoke, with what. Nothing is ever unpickled, imported or run.
//
// Memory is bounded by the limits below (stack, memo, kept string prefixes), never by the
// stream: large string and bytes payloads (tensor data) are skipped, not read into memory.
#include <cstdint>
#include <string>
#include <vector>

#include "source/input_stream.h"

namespace aisec::formats::pickle {

struct Options {
  uint32_t max_stack = 1u << 20;      // values on the stack
  uint32_t max_marks = 1u << 16;      // nesting (MARK depth)
  uint32_t max_memo = 8u << 20;       // memo entries; beyond, new entries are not kept
  uint32_t max_kept_string = 1024;    // bytes of a string or bytes value kept for analysis
  uint32_t max_line = 1u << 16;       // protocol-0 text arguments
  uint32_t max_imports = 1u << 16;    // distinct imports recorded
  uint32_t max_calls = 1u << 16;      // distinct calls recorded
  uint32_t max_pickles = 0;           // pickles to read from the stream; 0 = until the end
  // joblib's NumpyPickler writes each array's bytes (or, for object arrays, a nested pickle)
  // right after the BUILD of its NumpyArrayWrapper; follow that layout exactly as joblib's
  // loader does, so that the raw bytes are skipped and the stream resumes where it resumes.
  bool joblib_arrays = false;
};

// How an import was requested.
enum class ImportOp : uint8_t { kGlobal, kStackGlobal, kInst, kExt };

struct Import {
  std::string module;  // as written in the stream ("" when unresolved)
  std::string name;
  ImportOp op = ImportOp::kGlobal;
  bool resolved = true;   // false: STACK_GLOBAL operands were not literal strings, or EXT code
  int64_t ext_code = 0;   // kExt: the extension-registry code
  uint64_t offset = 0;    // first occurrence: byte offset of the opcode in the stream
  uint64_t count = 0;
  uint32_t pickle = 0;    // which pickle of the stream (0-based) first used it
  std::string operands;   // kStackGlobal unresolved: what the operands were
};

// How a call happens: REDUCE f(*args), INST/OBJ cls(*args), NEWOBJ cls.__new__(cls, *args),
// NEWOBJ_EX with kwargs, BUILD inst.__setstate__(state).
enum class CallOp : uint8_t { kReduce, kInst, kObj, kNewObj, kNewObjEx, kBuild };

struct Call {
  std::string callable;      // "os.system", "<result of builtins.getattr(...)>", …
  int64_t import_index = -1; // Import the callable is, when it is one directly
  CallOp op = CallOp::kReduce;
  uint64_t offset = 0;       // first occurrence
  uint64_t count = 0;
  std::string args;          // summary of the first call's arguments
  uint32_t pickle = 0;
  bool indirect = false;     // the callable is itself computed (a call result, a persistent
                             // object, or unknown): a way around name-based deny-lists
};

// An array that joblib before 0.10 wrote to a file of its own beside the pickle (the state of
// an NDArrayWrapper or ZNDArrayWrapper): joblib.load reads it with numpy.load, which unpickles
// an object array.
struct ArrayFile {
  std::string name;      // the state's 'filename', as written (joblib writes a base name)
  bool compressed = false;  // ZNDArrayWrapper: a zlib file, not an .npy
  uint64_t offset = 0;   // of the BUILD that set it
  uint32_t pickle = 0;
};
inline constexpr size_t kMaxArrayFiles = 4096;

struct Analysis {
  std::vector<Import> imports;
  std::vector<Call> calls;
  uint32_t pickles = 0;          // complete pickles (STOP reached)
  int protocol = -1;             // highest PROTO seen, -1 when none
  uint64_t opcodes = 0;
  uint64_t persistent_ids = 0;   // PERSID / BINPERSID
  uint64_t end_offset = 0;       // where analysis stopped
  bool error = false;            // the stream is malformed or truncated, or a limit stopped us
  bool limit_stop = false;       // the error is a limit of ours, not a fault of the stream
  std::string error_message;
  uint64_t error_offset = 0;
  uint32_t error_pickle = 0;     // which pickle the error is in
  bool trailing_data = false;    // bytes after the last pickle that do not start another one
  std::vector<std::string> limits_hit;  // limits that made the analysis approximate
  std::vector<ArrayFile> array_files;   // at most kMaxArrayFiles
};

// Reads pickles from `in` until its end (or options.max_pickles). Never fails: problems are
// recorded in the Analysis, and everything seen before them is kept.
Analysis Analyze(source::InputStream& in, const Options& options = {});

}  // namespace aisec::formats::pickle
