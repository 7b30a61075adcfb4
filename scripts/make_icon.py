#!/usr/bin/env python3
"""Writes assets/icon.png: the app icon, a 300x300 RGBA PNG (Stripe requires 300x300).

A Stripe-purple (#635bff) rounded square with a white "sync" glyph: two circular arrows
chasing each other. Python 3 standard library only (zlib + struct); run from anywhere:

    python3 scripts/make_icon.py
"""

import math
import os
import struct
import zlib

SIZE = 300
PURPLE = (0x63, 0x5B, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF)
CORNER = 66  # radius of the square's rounded corners
SS = 4  # supersampling per axis, for anti-aliased edges

CENTER = SIZE / 2
RING = 78.0  # radius of the arrows' centre line
STROKE = 26.0  # arrow shaft thickness
HEAD = 30.0  # arrowhead half-width, measured radially
HEAD_LEN = 30.0  # arrowhead length, in degrees along the ring
# Two arcs (screen angles, clockwise from +x, y pointing down); each ends in an arrowhead
# pointing clockwise, so the arrows chase each other round the circle.
ARCS = [(200.0, 320.0), (20.0, 140.0)]


def in_rounded_square(x, y):
    r = CORNER
    cx = min(max(x, r), SIZE - r)
    cy = min(max(y, r), SIZE - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def angle_in(a, start, end):
    return (a - start) % 360.0 <= (end - start) % 360.0


def in_triangle(p, a, b, c):
    def side(p1, p2, p3):
        return (p1[0] - p3[0]) * (p2[1] - p3[1]) - (p2[0] - p3[0]) * (p1[1] - p3[1])

    d1, d2, d3 = side(p, a, b), side(p, b, c), side(p, c, a)
    neg = d1 < 0 or d2 < 0 or d3 < 0
    pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (neg and pos)


def polar(radius, degrees):
    t = math.radians(degrees)
    return (CENTER + radius * math.cos(t), CENTER + radius * math.sin(t))


HEADS = [
    (polar(RING - HEAD, end), polar(RING + HEAD, end), polar(RING, end + HEAD_LEN))
    for _, end in ARCS
]


def in_glyph(x, y):
    dx, dy = x - CENTER, y - CENTER
    dist = math.hypot(dx, dy)
    if abs(dist - RING) <= STROKE / 2:
        a = math.degrees(math.atan2(dy, dx)) % 360.0
        if any(angle_in(a, s, e) for s, e in ARCS):
            return True
    return any(in_triangle((x, y), *tri) for tri in HEADS)


def pixel(px, py):
    """RGBA of one pixel: coverage of the square and of the glyph, from SS x SS samples."""
    square = glyph = 0
    for i in range(SS):
        for j in range(SS):
            x = px + (i + 0.5) / SS
            y = py + (j + 0.5) / SS
            if in_rounded_square(x, y):
                square += 1
                if in_glyph(x, y):
                    glyph += 1
    n = SS * SS
    if square == 0:
        return (0, 0, 0, 0)
    g = glyph / square
    rgb = tuple(round(p + (w - p) * g) for p, w in zip(PURPLE, WHITE))
    return rgb + (round(255 * square / n),)


def png(width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in rows)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "icon.png")
    out = os.path.normpath(out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as f:
        f.write(png(SIZE, SIZE, rows))
    print(f"wrote {out} ({SIZE}x{SIZE})")


if __name__ == "__main__":
    main()
