"""The funnel as a PNG bar chart, drawn with the standard library only.

Why no plotting library: the chart is one kind of picture (horizontal grouped
bars with labels), and zlib + a 5x7 bitmap font draw it in a few dozen lines,
so the bot ships without Pillow/matplotlib and their native wheels. Output is
deterministic (same report -> same bytes), which keeps tests simple.
"""

from __future__ import annotations

import struct
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

Color = tuple[int, int, int]

WHITE: Color = (255, 255, 255)
INK: Color = (40, 40, 40)
GRID: Color = (225, 225, 225)
REACHED: Color = (76, 120, 168)
ANSWERED: Color = (84, 162, 75)
LEFT: Color = (228, 87, 86)
SERIES: tuple[tuple[str, Color], ...] = (("reached", REACHED), ("answered", ANSWERED), ("left", LEFT))

# Classic 5x7 font, one byte per column, least significant bit at the top.
_FONT: dict[str, tuple[int, ...]] = {
    "0": (0x3E, 0x51, 0x49, 0x45, 0x3E), "1": (0x00, 0x42, 0x7F, 0x40, 0x00),
    "2": (0x42, 0x61, 0x51, 0x49, 0x46), "3": (0x21, 0x41, 0x45, 0x4B, 0x31),
    "4": (0x18, 0x14, 0x12, 0x7F, 0x10), "5": (0x27, 0x45, 0x45, 0x45, 0x39),
    "6": (0x3C, 0x4A, 0x49, 0x49, 0x30), "7": (0x01, 0x71, 0x09, 0x05, 0x03),
    "8": (0x36, 0x49, 0x49, 0x49, 0x36), "9": (0x06, 0x49, 0x49, 0x29, 0x1E),
    "A": (0x7E, 0x11, 0x11, 0x11, 0x7E), "B": (0x7F, 0x49, 0x49, 0x49, 0x36),
    "C": (0x3E, 0x41, 0x41, 0x41, 0x22), "D": (0x7F, 0x41, 0x41, 0x22, 0x1C),
    "E": (0x7F, 0x49, 0x49, 0x49, 0x41), "F": (0x7F, 0x09, 0x09, 0x09, 0x01),
    "G": (0x3E, 0x41, 0x49, 0x49, 0x7A), "H": (0x7F, 0x08, 0x08, 0x08, 0x7F),
    "I": (0x00, 0x41, 0x7F, 0x41, 0x00), "J": (0x20, 0x40, 0x41, 0x3F, 0x01),
    "K": (0x7F, 0x08, 0x14, 0x22, 0x41), "L": (0x7F, 0x40, 0x40, 0x40, 0x40),
    "M": (0x7F, 0x02, 0x0C, 0x02, 0x7F), "N": (0x7F, 0x04, 0x08, 0x10, 0x7F),
    "O": (0x3E, 0x41, 0x41, 0x41, 0x3E), "P": (0x7F, 0x09, 0x09, 0x09, 0x06),
    "Q": (0x3E, 0x41, 0x51, 0x21, 0x5E), "R": (0x7F, 0x09, 0x19, 0x29, 0x46),
    "S": (0x46, 0x49, 0x49, 0x49, 0x31), "T": (0x01, 0x01, 0x7F, 0x01, 0x01),
    "U": (0x3F, 0x40, 0x40, 0x40, 0x3F), "V": (0x1F, 0x20, 0x40, 0x20, 0x1F),
    "W": (0x3F, 0x40, 0x38, 0x40, 0x3F), "X": (0x63, 0x14, 0x08, 0x14, 0x63),
    "Y": (0x07, 0x08, 0x70, 0x08, 0x07), "Z": (0x61, 0x51, 0x49, 0x45, 0x43),
    " ": (0x00, 0x00, 0x00, 0x00, 0x00), "_": (0x40, 0x40, 0x40, 0x40, 0x40),
    "-": (0x08, 0x08, 0x08, 0x08, 0x08), ".": (0x00, 0x60, 0x60, 0x00, 0x00),
    ",": (0x00, 0x50, 0x30, 0x00, 0x00), ":": (0x00, 0x36, 0x36, 0x00, 0x00),
    "/": (0x20, 0x10, 0x08, 0x04, 0x02), "%": (0x23, 0x13, 0x08, 0x64, 0x62),
    "(": (0x00, 0x1C, 0x22, 0x41, 0x00), ")": (0x00, 0x41, 0x22, 0x1C, 0x00),
    "+": (0x08, 0x08, 0x3E, 0x08, 0x08), "?": (0x02, 0x01, 0x51, 0x09, 0x06),
    "*": (0x14, 0x08, 0x3E, 0x08, 0x14), "=": (0x14, 0x14, 0x14, 0x14, 0x14),
    "#": (0x14, 0x7F, 0x14, 0x7F, 0x14), "!": (0x00, 0x00, 0x5F, 0x00, 0x00),
}  # fmt: skip

SCALE = 2  # font pixels per glyph pixel
CHAR_W = 6 * SCALE  # 5 columns + 1 spacing
CHAR_H = 7 * SCALE
BAR_H = 12
BAR_GAP = 2
GROUP_GAP = 14
MARGIN = 20
BAR_AREA_W = 520


@dataclass(frozen=True)
class FunnelRow:
    label: str
    reached: int
    answered: int
    left: int


class Canvas:
    def __init__(self, width: int, height: int, background: Color = WHITE) -> None:
        self.width = width
        self.height = height
        self.pixels = bytearray(bytes(background) * (width * height))

    def rect(self, x: int, y: int, w: int, h: int, color: Color) -> None:
        x0, y0 = max(x, 0), max(y, 0)
        x1, y1 = min(x + w, self.width), min(y + h, self.height)
        if x1 <= x0 or y1 <= y0:
            return
        row = bytes(color) * (x1 - x0)
        for yy in range(y0, y1):
            start = (yy * self.width + x0) * 3
            self.pixels[start : start + len(row)] = row

    def text(self, x: int, y: int, text: str, color: Color = INK) -> int:
        """Draw text in capitals (the font has no lower case); returns the width drawn."""
        for n, char in enumerate(_glyph_text(text)):
            columns = _FONT.get(char, _FONT["?"])
            for cx, bits in enumerate(columns):
                for cy in range(7):
                    if bits >> cy & 1:
                        self.rect(x + n * CHAR_W + cx * SCALE, y + cy * SCALE, SCALE, SCALE, color)
        return len(text) * CHAR_W

    def png(self) -> bytes:
        raw = bytearray()
        stride = self.width * 3
        for yy in range(self.height):
            raw.append(0)  # filter type None for every scanline
            raw += self.pixels[yy * stride : (yy + 1) * stride]
        ihdr = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)  # 8-bit RGB
        return (
            b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", ihdr)
            + _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + _chunk(b"IEND", b"")
        )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _glyph_text(text: str) -> str:
    # "Año" -> "ANO": strip accents so Spanish titles stay readable in an ASCII font.
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return plain.upper()


def funnel_png(
    rows: Sequence[FunnelRow],
    title: str,
    legend: Sequence[str] = ("reached", "answered", "left"),
) -> bytes:
    """A horizontal grouped bar chart: per question, bars for reached, answered and left."""
    label_chars = max([len(r.label) for r in rows] + [8])
    label_w = label_chars * CHAR_W + 10
    count_w = 6 * CHAR_W
    width = MARGIN * 2 + label_w + BAR_AREA_W + count_w
    header_h = CHAR_H * 2 + 30
    group_h = 3 * BAR_H + 2 * BAR_GAP + GROUP_GAP
    height = MARGIN * 2 + header_h + max(len(rows), 1) * group_h
    canvas = Canvas(width, height)
    canvas.text(MARGIN, MARGIN, title)

    # Legend under the title.
    x = MARGIN
    y = MARGIN + CHAR_H + 12
    for name, (_, color) in zip(legend, SERIES, strict=False):
        canvas.rect(x, y + 2, 10, 10, color)
        x += 16 + canvas.text(x + 16, y, name) + 20

    top = MARGIN + header_h
    peak = max([r.reached for r in rows] + [r.answered for r in rows] + [r.left for r in rows] + [1])
    bars_x = MARGIN + label_w
    # Light vertical grid at quarters, so lengths can be compared across groups at a glance.
    for quarter in range(5):
        gx = bars_x + BAR_AREA_W * quarter // 4
        canvas.rect(gx, top - 4, 1, height - top - MARGIN + 4, GRID)
    for i, row in enumerate(rows):
        gy = top + i * group_h
        canvas.text(MARGIN, gy + (3 * BAR_H + 2 * BAR_GAP - CHAR_H) // 2, row.label)
        for j, (value, (_, color)) in enumerate(
            zip((row.reached, row.answered, row.left), SERIES, strict=True)
        ):
            by = gy + j * (BAR_H + BAR_GAP)
            length = round(BAR_AREA_W * value / peak)
            canvas.rect(bars_x, by, length, BAR_H, color)
            canvas.text(bars_x + length + 6, by + (BAR_H - CHAR_H) // 2 + 1, str(value))
    return canvas.png()
