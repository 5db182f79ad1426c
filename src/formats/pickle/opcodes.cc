#include "formats/pickle/opcodes.h"

#include <array>

namespace aisec::formats::pickle {
namespace {

struct Entry {
  uint8_t code;
  std::string_view name;
};

constexpr Entry kOpcodes[] = {
    {op::kMark, "MARK"},
    {op::kStop, "STOP"},
    {op::kPop, "POP"},
    {op::kPopMark, "POP_MARK"},
    {op::kDup, "DUP"},
    {op::kFloat, "FLOAT"},
    {op::kInt, "INT"},
    {op::kBinInt, "BININT"},
    {op::kBinInt1, "BININT1"},
    {op::kLong, "LONG"},
    {op::kBinInt2, "BININT2"},
    {op::kNone, "NONE"},
    {op::kPersId, "PERSID"},
    {op::kBinPersId, "BINPERSID"},
    {op::kReduce, "REDUCE"},
    {op::kString, "STRING"},
    {op::kBinString, "BINSTRING"},
    {op::kShortBinString, "SHORT_BINSTRING"},
    {op::kUnicode, "UNICODE"},
    {op::kBinUnicode, "BINUNICODE"},
    {op::kAppend, "APPEND"},
    {op::kBuild, "BUILD"},
    {op::kGlobal, "GLOBAL"},
    {op::kDict, "DICT"},
    {op::kEmptyDict, "EMPTY_DICT"},
    {op::kAppends, "APPENDS"},
    {op::kGet, "GET"},
    {op::kBinGet, "BINGET"},
    {op::kInst, "INST"},
    {op::kLongBinGet, "LONG_BINGET"},
    {op::kList, "LIST"},
    {op::kEmptyList, "EMPTY_LIST"},
    {op::kObj, "OBJ"},
    {op::kPut, "PUT"},
    {op::kBinPut, "BINPUT"},
    {op::kLongBinPut, "LONG_BINPUT"},
    {op::kSetItem, "SETITEM"},
    {op::kTuple, "TUPLE"},
    {op::kEmptyTuple, "EMPTY_TUPLE"},
    {op::kSetItems, "SETITEMS"},
    {op::kBinFloat, "BINFLOAT"},
    {op::kProto, "PROTO"},
    {op::kNewObj, "NEWOBJ"},
    {op::kExt1, "EXT1"},
    {op::kExt2, "EXT2"},
    {op::kExt4, "EXT4"},
    {op::kTuple1, "TUPLE1"},
    {op::kTuple2, "TUPLE2"},
    {op::kTuple3, "TUPLE3"},
    {op::kNewTrue, "NEWTRUE"},
    {op::kNewFalse, "NEWFALSE"},
    {op::kLong1, "LONG1"},
    {op::kLong4, "LONG4"},
    {op::kBinBytes, "BINBYTES"},
    {op::kShortBinBytes, "SHORT_BINBYTES"},
    {op::kShortBinUnicode, "SHORT_BINUNICODE"},
    {op::kBinUnicode8, "BINUNICODE8"},
    {op::kBinBytes8, "BINBYTES8"},
    {op::kEmptySet, "EMPTY_SET"},
    {op::kAddItems, "ADDITEMS"},
    {op::kFrozenSet, "FROZENSET"},
    {op::kNewObjEx, "NEWOBJ_EX"},
    {op::kStackGlobal, "STACK_GLOBAL"},
    {op::kMemoize, "MEMOIZE"},
    {op::kFrame, "FRAME"},
    {op::kByteArray8, "BYTEARRAY8"},
    {op::kNextBuffer, "NEXT_BUFFER"},
    {op::kReadOnlyBuffer, "READONLY_BUFFER"},
};

constexpr std::array<std::string_view, 256> MakeNames() {
  std::array<std::string_view, 256> names{};
  for (const auto& e : kOpcodes) names[e.code] = e.name;
  return names;
}

constexpr std::array<std::string_view, 256> kNames = MakeNames();

}  // namespace

bool IsOpcode(uint8_t byte) { return !kNames[byte].empty(); }

std::string_view OpcodeName(uint8_t byte) {
  return kNames[byte].empty() ? std::string_view("?") : kNames[byte];
}

}  // namespace aisec::formats::pickle
