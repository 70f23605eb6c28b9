#!/usr/bin/env python3
"""PNG fixtures, one per colour type and bit depth, with the values a reader must return.

Writes src/test/resources/data/png/<name>.png and expected.json (python3 + zlib + struct, no
imaging library). ImageFilesTest reads every fixture through org.hiddenneurons.data.ImageFiles and
compares value by value (exactly). Run from anywhere:

    python3 scripts/png_fixtures.py

Expected values, from the STORED samples (no colour-space conversion, no gamma):
  gray        s / (2^depth - 1)
  RGB         (299 r + 587 g + 114 b) / (1000 (2^depth - 1))    (BT.601 luminance)
  palette     the entry's RGB as above with max 255; alpha = tRNS entry / 255 (255 without tRNS)
  alpha       a / (2^depth - 1); "alpha": null when every pixel is opaque
Rows alternate PNG filters 0 (None) and 1 (Sub) so the decoder's unfiltering is exercised. The
"unsupported" fixtures have colour types / bit depths the PNG specification does not define; the
reader must reject them with one line naming the file and the type.
"""
import json
import os
import random
import struct
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "test", "resources", "data", "png")
WIDTH, HEIGHT = 7, 5
SEED = 15


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def pack_row(samples, depth):
    """Samples of one row -> bytes (bit-packed MSB first below 8 bits, big-endian at 16)."""
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    if depth == 8:
        return bytes(samples)
    per_byte = 8 // depth
    out = bytearray()
    for start in range(0, len(samples), per_byte):
        byte = 0
        group = samples[start:start + per_byte]
        for k, s in enumerate(group):
            byte |= s << (8 - depth * (k + 1))
        out.append(byte)
    return bytes(out)


def png(color_type, depth, rows, palette=None, trns=None):
    """rows: HEIGHT lists of per-pixel sample tuples (channels interleaved)."""
    bits_per_pixel = depth * len(rows[0][0])
    bpp = max(1, bits_per_pixel // 8)
    raw = bytearray()
    for y, row in enumerate(rows):
        line = pack_row([s for pixel in row for s in pixel], depth)
        if y % 2 == 0:
            raw += b"\x00" + line
        else:
            sub = bytes((line[i] - (line[i - bpp] if i >= bpp else 0)) & 0xFF for i in range(len(line)))
            raw += b"\x01" + sub
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, depth, color_type, 0, 0, 0))
    if palette is not None:
        data += chunk(b"PLTE", b"".join(bytes(entry) for entry in palette))
    if trns is not None:
        data += chunk(b"tRNS", bytes(trns))
    data += chunk(b"IDAT", zlib.compress(bytes(raw), 9))
    data += chunk(b"IEND", b"")
    return data


def luminance(r, g, b, top):
    return (299 * r + 587 * g + 114 * b) / (1000 * top)


def samples(rng, top, channels):
    """Random samples with the extremes 0 and top in the first two pixels."""
    rows = []
    for y in range(HEIGHT):
        row = []
        for x in range(WIDTH):
            if y == 0 and x < 2:
                row.append(tuple([0 if x == 0 else top] * channels))
            else:
                row.append(tuple(rng.randint(0, top) for _ in range(channels)))
        rows.append(row)
    return rows


def fixture(rng, name, color_type, depth):
    top = (1 << depth) - 1
    palette = trns = None
    if color_type == 3:
        entries = 1 << depth
        palette = [tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(entries)]
        trns = [rng.randint(0, 255) for _ in range(entries)] if depth == 8 else None
        rows = samples(rng, top, 1)
        lum = [luminance(*palette[p[0]], 255) for row in rows for p in row]
        alpha = [trns[p[0]] / 255 for row in rows for p in row] if trns else None
    else:
        channels = {0: 1, 2: 3, 4: 2, 6: 4}[color_type]
        rows = samples(rng, top, channels)
        pixels = [p for row in rows for p in row]
        if color_type in (0, 4):
            lum = [p[0] / top for p in pixels]
        else:
            lum = [luminance(p[0], p[1], p[2], top) for p in pixels]
        alpha = [p[-1] / top for p in pixels] if color_type in (4, 6) else None
    with open(os.path.join(OUT, name + ".png"), "wb") as f:
        f.write(png(color_type, depth, rows, palette, trns))
    return {"file": name + ".png", "colorType": color_type, "bitDepth": depth, "width": WIDTH, "height": HEIGHT,
            "luminance": lum, "alpha": alpha}


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(SEED)
    cases = []
    names = {0: "gray", 2: "rgb", 3: "palette", 4: "gray-alpha", 6: "rgba"}
    for color_type, depths in ((0, (1, 2, 4, 8, 16)), (2, (8, 16)), (3, (1, 2, 4, 8)), (4, (8, 16)), (6, (8, 16))):
        for depth in depths:
            cases.append(fixture(rng, "%s-%d" % (names[color_type], depth), color_type, depth))
    unsupported = []
    for name, color_type, depth in (("unsupported-type5-8", 5, 8), ("unsupported-gray-3", 0, 3),
                                    ("unsupported-palette-16", 3, 16), ("unsupported-rgb-4", 2, 4)):
        raw = b"".join(b"\x00" + bytes(WIDTH * 2) for _ in range(HEIGHT))
        data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, depth, color_type, 0, 0, 0))
        data += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
        with open(os.path.join(OUT, name + ".png"), "wb") as f:
            f.write(data)
        unsupported.append({"file": name + ".png", "colorType": color_type, "bitDepth": depth})
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"generator": "scripts/png_fixtures.py", "cases": cases, "unsupported": unsupported}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
