#!/usr/bin/python3
"""Large model files for bench/model_bench.sh (written to OUT, default bench/out/models).

  pytorch_1g.pt          ~1 GB PyTorch zip checkpoint (64 float32 tensors of 16 MiB)
  pytorch_legacy_1g.pt   the same in the legacy torch.save layout
  numpy_500m_p4.pkl      ~500 MB dict of NumPy arrays, pickle protocol 4
  numpy_500m_p5.pkl      the same, protocol 5 (in-band buffers)
  dense_5m.pkl           ~5 million small objects (ints, floats, strings, tuples, dicts)

Uses the corpus generator's stand-ins for PyTorch (tests/fixtures/model/gen_corpus.py).
"""
import collections
import os
import pickle
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "fixtures", "model"))
import gen_corpus as gc  # noqa: E402
import numpy as np  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "out", "models")
TENSORS, TENSOR_BYTES = 64, 16 << 20


def storages():
    state, sts = collections.OrderedDict(), []
    for i in range(TENSORS):
        data = (np.arange(TENSOR_BYTES // 4, dtype=np.float32) * (i + 1)).tobytes()
        st = gc.Storage(str(i), gc.FloatStorage, data)
        sts.append(st)
        state[f"layers.{i}.weight"] = gc.Tensor(st, (TENSOR_BYTES // 4 // 1024, 1024))
    return state, sts


def write_zip(path, records):
    """Streams a PyTorch-style zip (stored, 64-byte aligned) without holding it in memory."""
    central = []
    with open(path, "wb") as f:
        for name, data in records:
            bname = name.encode()
            offset = f.tell()
            pad = (-(offset + 30 + len(bname) + 4)) % 64
            extra = b"FB" + struct.pack("<H", pad) + b"Z" * pad
            crc = zlib.crc32(data)
            f.write(struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 0, 0, 0x21, crc, len(data), len(data),
                                len(bname), len(extra)) + bname + extra)
            f.write(data)
            central.append((bname, crc, len(data), offset))
        cd = f.tell()
        for bname, crc, size, offset in central:
            f.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, 0, 0, 0x21, crc, size, size,
                                len(bname), 0, 0, 0, 0, 0, offset) + bname)
        size = f.tell() - cd
        f.write(struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(central), len(central), size, cd, 0))


def main():
    os.makedirs(OUT, exist_ok=True)
    state, sts = storages()
    records = [("archive/data.pkl", gc.torch_pickle(state)), ("archive/byteorder", b"little")]
    records += [(f"archive/data/{s.key}", s.data) for s in sorted(sts, key=lambda s: s.key)]
    records += [("archive/version", b"3\n")]
    write_zip(os.path.join(OUT, "pytorch_1g.pt"), records)
    with open(os.path.join(OUT, "pytorch_legacy_1g.pt"), "wb") as f:
        f.write(gc.torch_legacy(state, sts))
    arrays = {f"a{i}": np.full((1024, 1024), i, dtype=np.float32) for i in range(125)}
    for proto in (4, 5):
        with open(os.path.join(OUT, f"numpy_500m_p{proto}.pkl"), "wb") as f:
            pickle.dump(arrays, f, protocol=proto)
    dense = []
    for i in range(5_000_000):
        k = i % 5
        dense.append(i if k == 0 else i * 0.5 if k == 1 else f"s{i}" if k == 2 else (i, i + 1) if k == 3
                     else {"id": i, "ok": True})
    with open(os.path.join(OUT, "dense_5m.pkl"), "wb") as f:
        pickle.dump(dense, f, protocol=4)
    for name in sorted(os.listdir(OUT)):
        print(f"{name}: {os.path.getsize(os.path.join(OUT, name)) / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
