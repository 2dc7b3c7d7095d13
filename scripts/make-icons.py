#!/usr/bin/env python3
"""Draws the app icons as PNG (no image libraries, nothing downloaded): a calm
teal square with two overlapping circles, the same mark as assets/icon.svg.
Run once after changing the design: python3 scripts/make-icons.py"""
import struct
import zlib
from pathlib import Path

BG = (0x2B, 0x66, 0x60)
LIGHT = (0xF6, 0xF3, 0xEE)
MINT = (0x8F, 0xD0, 0xC6)


def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    Path(path).write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def draw(size, maskable):
    # In a maskable icon everything important sits inside the central 80% circle,
    # and the background fills the whole square.
    scale = 0.72 if maskable else 1.0
    radius = 0 if maskable else 0.22
    ss = 4  # supersampling for smooth edges
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(ss):
                for sx in range(ss):
                    u = (x + (sx + 0.5) / ss) / size
                    v = (y + (sy + 0.5) / ss) / size
                    # Rounded square.
                    dx = max(abs(u - 0.5) - (0.5 - radius), 0)
                    dy = max(abs(v - 0.5) - (0.5 - radius), 0)
                    if radius and dx * dx + dy * dy > radius * radius:
                        continue
                    colour, alpha = BG, 1.0
                    cu, cv = (u - 0.5) / scale + 0.5, (v - 0.5) / scale + 0.5
                    if (cu - 0.40) ** 2 + (cv - 0.5) ** 2 < 0.203 ** 2:
                        colour = LIGHT
                    if (cu - 0.60) ** 2 + (cv - 0.5) ** 2 < 0.203 ** 2:
                        colour = tuple(round(m * 0.85 + c * 0.15) for m, c in zip(MINT, colour))
                    for i in range(3):
                        acc[i] += colour[i]
                    acc[3] += alpha
            n = ss * ss
            a = acc[3] / n
            row.append(tuple(round(c / max(acc[3], 1e-9)) for c in acc[:3]) + (round(a * 255),))
        rows.append(row)
    return rows


out = Path(__file__).resolve().parent.parent / "assets" / "icons"
out.mkdir(parents=True, exist_ok=True)
for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False),
                             ("maskable-512.png", 512, True), ("apple-touch-icon.png", 180, True)]:
    png(out / name, size, draw(size, maskable))
    print("wrote", out / name)
