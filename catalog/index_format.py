"""The matcher index's file format: a JSON header, then aligned numeric and text sections.

    magic (8 bytes) | header length (8, little-endian) | header JSON | sections, 8-aligned

Every section is a flat array (numpy dtype in the header) or a text blob with an offsets array
beside it, so a reader maps the file (`mmap`, read-only) and looks at it in place: nothing is
copied per process, and the pages are shared by every process that maps the same file. No
pickle: the file is data, a reader never runs code from it.
"""
from __future__ import annotations

import json
import mmap
import os
import shutil
import struct
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

MAGIC = b"VCIX\x00\x00\x02\x00"
_ALIGN = 8


class IndexFileError(ValueError):
    """The file is not a (complete, current-format) index file."""


class SectionWriter:
    """Writes named arrays, as they are made, into a spool file; `write` then puts the header
    (which must list every section) and the spooled sections into the output. A section
    leaves memory as soon as it is added: a million products' texts are never all held
    twice."""

    def __init__(self) -> None:
        self._spool = tempfile.TemporaryFile()
        self._layout: dict[str, list] = {}
        self._position = 0

    def array(self, name: str, values: Any, dtype: str) -> None:
        self._add(name, np.ascontiguousarray(np.asarray(values, dtype=dtype)))

    def texts(self, name: str, strings: Iterable[str | bytes], count: int) -> None:
        """`count` strings as one UTF-8 blob plus int64 offsets (count + 1) into it."""
        offsets = np.zeros(count + 1, dtype="<i8")
        blob = bytearray()
        for i, s in enumerate(strings):
            blob += s if isinstance(s, bytes) else s.encode("utf-8")
            offsets[i + 1] = len(blob)
        self._add(name + ".off", offsets)
        self._add(name, np.frombuffer(blob, dtype="u1"))

    def lists(self, name: str, rows: Sequence[Sequence[int]]) -> None:
        """Lists of int32 as one flat array plus int64 offsets (n + 1)."""
        offsets = np.zeros(len(rows) + 1, dtype="<i8")
        if rows:
            np.cumsum([len(r) for r in rows], out=offsets[1:])
        flat = np.fromiter((v for r in rows for v in r), dtype="<i4", count=int(offsets[-1]))
        self._add(name + ".off", offsets)
        self._add(name, flat)

    def lists_flat(self, name: str, flat: np.ndarray, offsets: np.ndarray) -> None:
        """Lists already flat: int32 values plus int64 offsets (n + 1)."""
        self._add(name + ".off", np.ascontiguousarray(offsets, dtype="<i8"))
        self._add(name, np.ascontiguousarray(flat, dtype="<i4"))

    def texts_gathered(self, name: str, blob: np.ndarray, offsets: np.ndarray,
                       order: np.ndarray, chunk: int = 4096) -> None:
        """Strings held as one blob + offsets, written in `order` (the i-th string written
        is the blob's `order[i]`-th), a chunk of strings at a time: the reordered blob is
        never held whole."""
        lengths = np.diff(offsets)[order]
        new_off = np.zeros(len(order) + 1, dtype="<i8")
        np.cumsum(lengths, out=new_off[1:])
        self._add(name + ".off", new_off)
        total = int(new_off[-1])
        self._layout[name] = [self._position, np.dtype("u1").str, total]
        for lo in range(0, len(order), chunk):
            hi = min(len(order), lo + chunk)
            at = (np.repeat(offsets[:-1][order[lo:hi]] - new_off[lo:hi], lengths[lo:hi])
                  + np.arange(new_off[lo], new_off[hi]))
            self._spool.write(blob[at].tobytes())
        padding = _padded(total) - total
        self._spool.write(b"\0" * padding)
        self._position += total + padding

    def _add(self, name: str, arr: np.ndarray) -> None:
        self._layout[name] = [self._position, arr.dtype.str, int(arr.size)]
        self._spool.write(arr.tobytes() if arr.nbytes < 1 << 24 else memoryview(arr).cast("B"))
        padding = _padded(arr.nbytes) - arr.nbytes
        self._spool.write(b"\0" * padding)
        self._position += arr.nbytes + padding

    def write(self, out: BinaryIO, header: dict) -> None:
        head = json.dumps({**header, "sections": self._layout}, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        out.write(MAGIC + struct.pack("<Q", len(head)) + head)
        out.write(b"\0" * (_padded(len(head) + 16) - len(head) - 16))
        self._spool.seek(0)
        shutil.copyfileobj(self._spool, out, 1 << 20)
        self._spool.close()


def _padded(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN


class Sections:
    """Read access to a written index held in `buf` (an mmap or bytes)."""

    def __init__(self, buf: Any) -> None:
        if len(buf) < 16 or bytes(buf[:8]) != MAGIC:
            raise IndexFileError("not a voicecart index file (or another format version)")
        (size,) = struct.unpack("<Q", bytes(buf[8:16]))
        try:
            self.header = json.loads(bytes(buf[16:16 + size]).decode("utf-8"))
        except ValueError as exc:
            raise IndexFileError(f"unreadable index header: {exc}") from None
        self._buf = buf
        self._base = _padded(16 + size)
        self._layout = self.header.pop("sections")
        end = max((self._base + off + _padded(count * np.dtype(dt).itemsize)
                   for off, dt, count in self._layout.values()), default=self._base)
        if end > len(buf):
            raise IndexFileError("index file is truncated")

    def __contains__(self, name: str) -> bool:
        return name in self._layout

    def array(self, name: str) -> np.ndarray:
        off, dtype, count = self._layout[name]
        return np.frombuffer(self._buf, dtype=dtype, count=count, offset=self._base + off)

    def view(self, name: str, fmt: str) -> memoryview:
        """The section as a memoryview of Python ints/floats: faster than numpy per item."""
        off, dtype, count = self._layout[name]
        start = self._base + off
        return memoryview(self._buf)[start:start + count * np.dtype(dtype).itemsize].cast(fmt)


def map_file(path: Path) -> mmap.mmap:
    """The file mapped read-only: its pages are the page cache's, shared by every process."""
    with open(path, "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def write_atomically(path: Path, write: Any) -> None:
    """`write(fileobj)` into a temporary file beside `path`, flushed to disk, then renamed
    over it: a reader sees the old file or the complete new one, never a partial one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
