"""Damage Chromium's PDFs the way agencies' PDFs are damaged (used by ``builder.py``).

- ``break_sara_am``: the text layer loses the nikhahit of sara am, so that text extraction
  gives ``ดาเนินงาน``, ``สานักงาน``, ``ประจาปี`` while the page still shows the right glyphs.
  Chromium writes a classic xref table and plain (not object-stream) font objects, so the
  ToUnicode CMaps can be replaced by an incremental update: new CMap streams under the same
  object numbers, a small xref section and a trailer pointing back to the old one.
- ``corrupt``: a PDF header and some real objects, then garbage and no trailer.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(?m)^(\d+) 0 obj\b")
_BFCHAR = re.compile(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]*)>")
_BFRANGE = re.compile(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>")
# Nikhahit and its Thai-PUA positional variant: mapped to nothing.
_DROP = {"0E4D", "F711"}


def _streams(data: bytes) -> list[tuple[int, bytes]]:
    """(object number, decompressed stream) of every Flate stream object."""
    out = []
    for match in _OBJ.finditer(data):
        end = data.find(b"endobj", match.start())
        segment = data[match.start() : end]
        at = segment.find(b"stream")
        if at < 0:
            continue
        start = at + len(b"stream") + (2 if segment[at + 6 : at + 8] == b"\r\n" else 1)
        try:
            decoded = zlib.decompress(segment[start : segment.rindex(b"endstream")])
        except zlib.error:
            continue
        out.append((int(match.group(1)), decoded))
    return out


def _cmap_pairs(text: str) -> list[tuple[int, str]]:
    pairs: list[tuple[int, str]] = []
    for section in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        pairs += [(int(src, 16), dst.upper()) for src, dst in _BFCHAR.findall(section)]
    for section in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for first, last, dst in _BFRANGE.findall(section):
            for step in range(int(last, 16) - int(first, 16) + 1):
                pairs.append((int(first, 16) + step, f"{int(dst, 16) + step:04X}"))
    return pairs


def _rewrite_cmap(text: str) -> str:
    pairs = _cmap_pairs(text)
    head = text.split("1 begincodespacerange")[0]
    lines = "".join(f"<{src:04X}> <{'' if dst in _DROP else dst}>\n" for src, dst in pairs)
    return (
        f"{head}1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{len(pairs)} beginbfchar\n{lines}endbfchar\nendcmap\n"
        "CMapName currentdict /CMap defineresource pop\nend\nend\n"
    )


def break_sara_am(data: bytes) -> bytes:
    """The same PDF with nikhahit dropped from every font's ToUnicode map."""
    updates = [
        (number, zlib.compress(_rewrite_cmap(stream.decode("latin-1")).encode("latin-1")))
        for number, stream in _streams(data)
        if b"begincmap" in stream
    ]
    if not updates:
        raise ValueError("no ToUnicode CMap found")
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    root = re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = []
    for number, stream in updates:
        offsets.append((number, len(out)))
        out += b"%d 0 obj\n<</Length %d /Filter /FlateDecode>>\nstream\n" % (number, len(stream))
        out += stream + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for number, offset in offsets:
        out += b"%d 1\n%010d 00000 n \n" % (number, offset)
    out += b"trailer\n<</Size %d /Root %s /Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        root,
        prev,
        xref,
    )
    return bytes(out)


def corrupt(data: bytes) -> bytes:
    """The first third of a real PDF, then bytes that are no PDF syntax, and no trailer."""
    keep = data[: len(data) // 3]
    garbage = bytes((i * 37 + 11) % 256 for i in range(4096))
    return keep + b"\n" + garbage * 2
