// The symbolic pickle machine, opcode by opcode. The byte strings are what CPython's pickler
// writes (or hand-assembled opcode sequences where an attack needs them).
#include "formats/pickle/analysis.h"

#include <gtest/gtest.h>

#include <string>

#include "formats/pickle/sniff.h"
#include "source/input_stream.h"

namespace aisec::formats::pickle {
namespace {

using namespace std::string_literals;

Analysis Scan(const std::string& bytes, Options limits = {}) {
  auto in = source::OpenMemory(bytes);
  return Analyze(*in, limits);
}

const Import* FindImport(const Analysis& a, const std::string& module, const std::string& name) {
  for (const auto& i : a.imports) {
    if (i.module == module && i.name == name) return &i;
  }
  return nullptr;
}

const Call* FindCall(const Analysis& a, const std::string& callable) {
  for (const auto& c : a.calls) {
    if (c.callable == callable) return &c;
  }
  return nullptr;
}

TEST(PickleAnalysis, ReduceProtocol0ReportsImportCallAndArguments) {
  auto a = Scan("cposix\nsystem\np0\n(Vecho pwned\np1\ntp2\nRp3\n."s);
  EXPECT_FALSE(a.error) << a.error_message;
  EXPECT_EQ(a.pickles, 1u);
  const Import* imp = FindImport(a, "posix", "system");
  ASSERT_NE(imp, nullptr);
  EXPECT_EQ(imp->offset, 0u);
  const Call* call = FindCall(a, "posix.system");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->op, CallOp::kReduce);
  EXPECT_EQ(call->args, "('echo pwned',)");
  EXPECT_EQ(call->offset, 37u);  // the REDUCE opcode
}

TEST(PickleAnalysis, StackGlobalProtocol4WithFrameAndMemoize) {
  auto a = Scan("\x80\x04\x95%\x00\x00\x00\x00\x00\x00\x00\x8c\x05posix\x94\x8c\x06system\x94\x93\x94\x8c\necho pwned\x94\x85\x94R\x94."s);
  EXPECT_FALSE(a.error) << a.error_message;
  EXPECT_EQ(a.protocol, 4);
  const Import* imp = FindImport(a, "posix", "system");
  ASSERT_NE(imp, nullptr);
  EXPECT_EQ(imp->op, ImportOp::kStackGlobal);
  EXPECT_EQ(imp->offset, 28u);
  ASSERT_NE(FindCall(a, "posix.system"), nullptr);
}

TEST(PickleAnalysis, StackGlobalOperandsFromMemo) {
  // 'os' and 'system' are memoised, popped, and fetched back with BINGET before STACK_GLOBAL.
  auto a = Scan("\x80\x04\x8c\x02os\x94\x8c\x06system\x94\x30\x30h\x00h\x01\x93\x8c\x02id\x85R."s);
  EXPECT_FALSE(a.error) << a.error_message;
  ASSERT_NE(FindImport(a, "os", "system"), nullptr);
  const Call* call = FindCall(a, "os.system");
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->args, "('id',)");
}

TEST(PickleAnalysis, StackGlobalOnComputedOperandsIsUnresolved) {
  // The module name is the result of a call: it cannot be known statically.
  auto a = Scan("\x80\x04\x8c\x08" "builtins\x8c\x03str\x93\x8c\x02os\x85R\x8c\x06system\x93."s);
  EXPECT_FALSE(a.error) << a.error_message;
  ASSERT_EQ(a.imports.size(), 2u);
  EXPECT_TRUE(a.imports[0].resolved);
  EXPECT_FALSE(a.imports[1].resolved);
  EXPECT_EQ(a.imports[1].operands, "builtins.str('os',), 'system'");
}

TEST(PickleAnalysis, InstObjNewObjAndNewObjEx) {
  auto inst = Scan("(S'ls'\nios\nsystem\n."s);
  ASSERT_NE(FindCall(inst, "os.system"), nullptr);
  EXPECT_EQ(FindCall(inst, "os.system")->op, CallOp::kInst);
  EXPECT_EQ(FindCall(inst, "os.system")->args, "('ls',)");

  auto obj = Scan("(cos\nsystem\nS'ls'\no."s);
  ASSERT_NE(FindCall(obj, "os.system"), nullptr);
  EXPECT_EQ(FindCall(obj, "os.system")->op, CallOp::kObj);

  auto newobj_ex = Scan("\x80\x04\x8c\nsubprocess\x8c\x05Popen\x93\x8c\x02id\x85}\x92."s);
  EXPECT_FALSE(newobj_ex.error) << newobj_ex.error_message;
  ASSERT_NE(FindCall(newobj_ex, "subprocess.Popen"), nullptr);
  EXPECT_EQ(FindCall(newobj_ex, "subprocess.Popen")->op, CallOp::kNewObjEx);
}

TEST(PickleAnalysis, BuildIsACallOfSetstate) {
  auto a = Scan("\x80\x02" "ccollections\nOrderedDict\n)R}b."s);
  EXPECT_FALSE(a.error) << a.error_message;
  ASSERT_EQ(a.calls.size(), 2u);
  EXPECT_EQ(a.calls[1].op, CallOp::kBuild);
  EXPECT_EQ(a.calls[1].callable, "collections.OrderedDict().__setstate__");
}

TEST(PickleAnalysis, ExtensionCodesAreUnresolvedImports) {
  auto a = Scan("\x80\x02\x82\x01)R."s);
  EXPECT_FALSE(a.error) << a.error_message;
  ASSERT_EQ(a.imports.size(), 1u);
  EXPECT_EQ(a.imports[0].op, ImportOp::kExt);
  EXPECT_EQ(a.imports[0].ext_code, 1);
  EXPECT_EQ(a.calls.size(), 1u);
}

TEST(PickleAnalysis, BrokenStreamAfterTheCallStillReportsIt) {
  auto a = Scan("cos\nsystem\n(S'id'\ntR\xff\xff"s);
  EXPECT_TRUE(a.error);
  EXPECT_NE(a.error_message.find("invalid opcode"), std::string::npos) << a.error_message;
  ASSERT_NE(FindCall(a, "os.system"), nullptr);
}

TEST(PickleAnalysis, TruncatedStreamIsAnError) {
  auto a = Scan("\x80\x02X\x10\x00\x00\x00" "abc"s);
  EXPECT_TRUE(a.error);
  EXPECT_EQ(a.error_message.rfind("truncated", 0), 0u) << a.error_message;
  EXPECT_FALSE(a.limit_stop);
}

TEST(PickleAnalysis, ConcatenatedPicklesAreAllRead) {
  auto a = Scan("\x80\x02K\x01.\x80\x02" "cos\nsystem\nq\x00."s);
  EXPECT_FALSE(a.error) << a.error_message;
  EXPECT_EQ(a.pickles, 2u);
  const Import* imp = FindImport(a, "os", "system");
  ASSERT_NE(imp, nullptr);
  EXPECT_EQ(imp->pickle, 1u);
  EXPECT_EQ(imp->offset, 7u);
}

TEST(PickleAnalysis, TrailingNonPickleDataStops) {
  auto a = Scan("\x80\x02K\x01.\x00\x01\x02"s);
  EXPECT_FALSE(a.error);
  EXPECT_TRUE(a.trailing_data);
  EXPECT_EQ(a.pickles, 1u);
}

TEST(PickleAnalysis, MaxPicklesStopsBeforeRawData) {
  Options limits;
  limits.max_pickles = 1;
  auto a = Scan("K\x01.cos\nsystem\n."s, limits);
  EXPECT_EQ(a.pickles, 1u);
  EXPECT_TRUE(a.imports.empty());
  EXPECT_EQ(a.end_offset, 3u);
}

TEST(PickleAnalysis, LargePayloadsAreSkippedNotKept) {
  std::string big(100000, 'x');
  std::string p = "\x80\x04\x8e"s + std::string("\xa0\x86\x01\x00\x00\x00\x00\x00", 8) + big + "\x85."s;
  auto a = Scan(p);
  EXPECT_FALSE(a.error) << a.error_message;
  EXPECT_EQ(a.end_offset, p.size());
}

TEST(PickleAnalysis, StackUnderflowAndMissingMarkAreErrors) {
  EXPECT_TRUE(Scan("R."s).error);
  EXPECT_TRUE(Scan("K\x01t."s).error);
  EXPECT_TRUE(Scan("h\x05."s).error);  // memo value not found
  EXPECT_TRUE(Scan("\x80\x06."s).error);  // protocol 6 does not exist
  EXPECT_TRUE(Scan("."s).error);
}

TEST(PickleAnalysis, PopOnAnEmptyFrameDiscardsTheMark) {
  auto a = Scan("K\x01(0."s);
  EXPECT_FALSE(a.error) << a.error_message;
}

TEST(PickleAnalysis, StackGlobalOnNonStringFails) {
  auto a = Scan("\x80\x04K\x01K\x02\x93."s);
  EXPECT_TRUE(a.error);
}

TEST(PickleAnalysis, ProtocolZeroStringEscapesAndUnicode) {
  // STRING with escapes gives 'os'; UNICODE with \u escapes gives 'system'.
  auto a = Scan("S'\\x6fs'\nV\\u0073ystem\n\x93."s);
  EXPECT_FALSE(a.error) << a.error_message;
  EXPECT_NE(FindImport(a, "os", "system"), nullptr);
}

TEST(PickleAnalysis, PersistentIdsAreCounted) {
  auto a = Scan("\x80\x02(X\x07\x00\x00\x00storagectorch\nFloatStorage\nX\x01\x00\x00\x000tQ."s);
  EXPECT_FALSE(a.error) << a.error_message;
  EXPECT_EQ(a.persistent_ids, 1u);
  EXPECT_NE(FindImport(a, "torch", "FloatStorage"), nullptr);
}

TEST(PickleAnalysis, CallsAreAggregatedPerCallable) {
  std::string p = "\x80\x02" "ccollections\nOrderedDict\nq\x00"s;
  for (int i = 0; i < 100; ++i) p += "h\x00)R0"s;
  p += "N.";
  auto a = Scan(p);
  EXPECT_FALSE(a.error) << a.error_message;
  ASSERT_EQ(a.calls.size(), 1u);
  EXPECT_EQ(a.calls[0].count, 100u);
}

TEST(PickleAnalysis, StackLimitStopsWithALimitError) {
  Options limits;
  limits.max_stack = 10;
  std::string p = "\x80\x02(";
  for (int i = 0; i < 20; ++i) p += "K\x01";
  p += "l.";
  auto a = Scan(p, limits);
  EXPECT_TRUE(a.error);
  EXPECT_TRUE(a.limit_stop);
}

TEST(PickleAnalysis, MemoLimitGivesUnknownsNotErrors) {
  Options limits;
  limits.max_memo = 1;
  auto a = Scan("\x80\x04\x8c\x02os\x94\x8c\x06system\x94\x30\x30h\x00h\x01\x93."s, limits);
  EXPECT_FALSE(a.error) << a.error_message;
  ASSERT_EQ(a.imports.size(), 1u);
  EXPECT_FALSE(a.imports[0].resolved);
  EXPECT_FALSE(a.limits_hit.empty());
}

TEST(PickleAnalysis, GarbageCollectionKeepsMemoisedStrings) {
  // Enough discarded strings to force several collections; the memoised names survive them.
  std::string p = "\x80\x04\x8c\x02os\x94\x8c\x06system\x94\x30\x30";
  for (int i = 0; i < 3000000; ++i) p += "\x8c\x01x0";
  p += "h\x00h\x01\x93."s;
  auto a = Scan(p);
  EXPECT_FALSE(a.error) << a.error_message;
  EXPECT_NE(FindImport(a, "os", "system"), nullptr);
}

TEST(PickleSniff, RecognisesPicklesByContent) {
  EXPECT_TRUE(LooksLikePickle("\x80\x02}q\x00(X\x01\x00\x00\x00a"s));
  EXPECT_TRUE(LooksLikePickle("\x80\x04\x95\x10\x00\x00\x00\x00\x00\x00\x00}\x94"s));
  EXPECT_TRUE(LooksLikePickle("(dp0\nS'a'\np1\nI1\nsS'b'\np2\n"s));
  EXPECT_TRUE(LooksLikePickle("cposix\nsystem\np0\n(Vecho pwned\np1\ntp2\nRp3\n."s));
  EXPECT_FALSE(LooksLikePickle("# README\nThis is text\n"s));
  EXPECT_FALSE(LooksLikePickle("ID,name\n1,x\n"s));
  EXPECT_FALSE(LooksLikePickle("\x89PNG\r\n\x1a\n"s));
  EXPECT_FALSE(LooksLikePickle("\x80\x07}"s));
  EXPECT_FALSE(LooksLikePickle("(this is a parenthesis"s));
}

}  // namespace
}  // namespace aisec::formats::pickle
