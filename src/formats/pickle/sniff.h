#pragma once
// Recognises a pickle stream by its first bytes, whatever the file is called.
#include <string_view>

namespace aisec::formats::pickle {

// True when `head` (the first bytes of a file, any length) starts a pickle: protocol 2-5 by the
// PROTO opcode; protocols 0-1 by running the machine over the head, which must parse cleanly
// (reaching STOP or the end of the head) through several opcodes.
bool LooksLikePickle(std::string_view head);

}  // namespace aisec::formats::pickle
