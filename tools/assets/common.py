"""Shared drawing helpers: palette, seeded RNG, halftone, torn paper, block letters, PNG writer."""
from __future__ import annotations

import math
import os
import random
import struct
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import numpy as np  # noqa: E402
import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"

Color = tuple[int, int, int]
Point = tuple[float, float]


def hexc(h: str) -> Color:
    """Parse '#rrggbb'."""
    h = h.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


# Core carnival palette (docs/assets.md) plus tints/shades. Every shipped pixel is one of these.
RED = hexc("#c8323c")
CREAM = hexc("#f3e9d2")
GOLD = hexc("#d9a53a")
MIDNIGHT = hexc("#1b2140")
INK = hexc("#1a1a1a")

RED_DK = hexc("#8e1f2a")
RED_LT = hexc("#e07a72")
PINK = hexc("#f0b4a8")
GOLD_DK = hexc("#a67a22")
GOLD_LT = hexc("#f0cf7a")
NAVY = hexc("#2b3363")
DUSK = hexc("#46508a")
SKY = hexc("#6d78a8")
MIST = hexc("#a9b6c9")
GLASS = hexc("#cdd6e0")
PAPER = hexc("#e8dfc8")
PAPER2 = hexc("#d9cfb6")
PAPER3 = hexc("#bfb59d")
GREY = hexc("#8c8474")
GREY_DK = hexc("#5a554c")
WHITE = hexc("#fffaf0")
BONE = hexc("#efe6cf")
SKIN = hexc("#d9a07a")
SKIN_DK = hexc("#b07552")
BROWN = hexc("#6b4630")
ORANGE = hexc("#e8905a")
PEACH = hexc("#f2c49a")
TEAL = hexc("#2f6f74")
TEAL_LT = hexc("#6aa5a0")

PALETTE: list[Color] = [
    RED, CREAM, GOLD, MIDNIGHT, INK, RED_DK, RED_LT, PINK, GOLD_DK, GOLD_LT, NAVY, DUSK, SKY,
    MIST, GLASS, PAPER, PAPER2, PAPER3, GREY, GREY_DK, WHITE, BONE, SKIN, SKIN_DK, BROWN,
    ORANGE, PEACH, TEAL, TEAL_LT,
]


def rng(name: str) -> random.Random:
    """A Random seeded from a stable string (no hash randomisation)."""
    return random.Random(zlib.crc32(name.encode("utf-8")))


def surf(w: int, h: int, alpha: bool = False, fill: Color | None = None) -> pygame.Surface:
    """New surface; transparent when alpha, else filled."""
    if alpha:
        s = pygame.Surface((w, h), pygame.SRCALPHA, 32)
        s.fill((0, 0, 0, 0))
    else:
        s = pygame.Surface((w, h), 0, 32)
        s.fill(fill or CREAM)
    if fill is not None and alpha:
        s.fill(fill)
    return s


# ----------------------------------------------------------------------------- shapes

def torn_polygon(r: random.Random, rect: pygame.Rect | Sequence[float], rough: float = 3.0,
                 step: float = 6.0) -> list[Point]:
    """Random-walk polygon hugging a rectangle: a torn paper edge."""
    x, y, w, h = rect
    pts: list[Point] = []
    corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    off = 0.0
    for i in range(4):
        ax, ay = corners[i]
        bx, by = corners[(i + 1) % 4]
        length = math.hypot(bx - ax, by - ay)
        n = max(2, int(length / step))
        nx, ny = (by - ay) / length, -(bx - ax) / length  # outward normal (clockwise)
        for k in range(n):
            t = k / n
            off += r.uniform(-rough, rough) * 0.8
            off *= 0.75
            jag = off + r.uniform(-rough, rough) * 0.5
            pts.append((ax + (bx - ax) * t + nx * jag, ay + (by - ay) * t + ny * jag))
    return pts


def torn_blob(r: random.Random, cx: float, cy: float, rx: float, ry: float, rough: float = 0.06,
              n: int = 60) -> list[Point]:
    """Irregular ellipse with a torn edge."""
    pts = []
    wob = 0.0
    for i in range(n):
        a = 2 * math.pi * i / n
        wob = wob * 0.6 + r.uniform(-rough, rough)
        k = 1 + wob
        pts.append((cx + math.cos(a) * rx * k, cy + math.sin(a) * ry * k))
    return pts


def poly(s: pygame.Surface, pts: Sequence[Point], color: Color, outline: int = 0,
         oc: Color = INK) -> None:
    """Filled polygon with optional ink outline."""
    pygame.draw.polygon(s, color, pts)
    if outline:
        pygame.draw.polygon(s, oc, pts, outline)


def ellipse(s: pygame.Surface, rect: Sequence[float], color: Color, outline: int = 0,
            oc: Color = INK) -> None:
    """Filled ellipse with optional ink outline."""
    rr = pygame.Rect(rect)
    pygame.draw.ellipse(s, color, rr)
    if outline:
        pygame.draw.ellipse(s, oc, rr, outline)


def circle(s: pygame.Surface, c: Point, rad: float, color: Color, outline: int = 0,
           oc: Color = INK) -> None:
    """Filled circle with optional ink outline."""
    pygame.draw.circle(s, color, (round(c[0]), round(c[1])), round(rad))
    if outline:
        pygame.draw.circle(s, oc, (round(c[0]), round(c[1])), round(rad), outline)


def rect(s: pygame.Surface, rc: Sequence[float], color: Color, outline: int = 0,
         oc: Color = INK) -> None:
    """Filled rect with optional ink outline."""
    rr = pygame.Rect(rc)
    pygame.draw.rect(s, color, rr)
    if outline:
        pygame.draw.rect(s, oc, rr, outline)


def thick_line(s: pygame.Surface, a: Point, b: Point, width: float, color: Color) -> None:
    """Line with round caps."""
    pygame.draw.line(s, color, a, b, max(1, round(width)))
    if width > 2:
        pygame.draw.circle(s, color, (round(a[0]), round(a[1])), round(width / 2))
        pygame.draw.circle(s, color, (round(b[0]), round(b[1])), round(width / 2))


def bezier(p0: Point, p1: Point, p2: Point, n: int = 24) -> list[Point]:
    """Quadratic bezier points."""
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append((u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
                    u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1]))
    return out


def curve(s: pygame.Surface, p0: Point, p1: Point, p2: Point, width: float, color: Color = INK) -> None:
    """Thick quadratic curve (brows, mouths)."""
    pts = bezier(p0, p1, p2)
    for a, b in zip(pts, pts[1:], strict=False):
        thick_line(s, a, b, width, color)


def star_points(cx: float, cy: float, r_out: float, r_in: float, n: int = 5,
                rot: float = -math.pi / 2) -> list[Point]:
    """Star polygon."""
    pts = []
    for i in range(n * 2):
        rr = r_out if i % 2 == 0 else r_in
        a = rot + math.pi * i / n
        pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
    return pts


def sparkle(s: pygame.Surface, cx: float, cy: float, size: float, color: Color = GOLD,
            outline: int = 2) -> None:
    """Four-point sparkle, the Star's motif."""
    pts = star_points(cx, cy, size, size * 0.28, 4, -math.pi / 2)
    poly(s, pts, color, outline)


# ----------------------------------------------------------------------------- halftone

def halftone(s: pygame.Surface, area: Sequence[float], color: Color, spacing: float,
             density: Callable[[float, float], float], max_r: float | None = None,
             mask: pygame.Surface | None = None, angle: float = 0.785) -> None:
    """Dot screen over area; density(u, v) in 0..1 with u, v normalised over area.

    If mask (SRCALPHA, same size as s) is given, dots only land where the mask is opaque.
    """
    x0, y0, w, h = [float(v) for v in area]
    max_r = max_r if max_r is not None else spacing * 0.62
    layer = pygame.Surface(s.get_size(), pygame.SRCALPHA, 32)
    layer.fill((0, 0, 0, 0))
    ca, sa = math.cos(angle), math.sin(angle)
    cx, cy = x0 + w / 2, y0 + h / 2
    reach = math.hypot(w, h) / 2 + spacing
    n = int(reach / spacing) + 1
    for i in range(-n, n + 1):
        for j in range(-n, n + 1):
            gx, gy = i * spacing, j * spacing
            px = cx + gx * ca - gy * sa
            py = cy + gx * sa + gy * ca
            if px < x0 - 2 or py < y0 - 2 or px > x0 + w + 2 or py > y0 + h + 2:
                continue
            d = density((px - x0) / max(w, 1), (py - y0) / max(h, 1))
            if d <= 0.02:
                continue
            rad = max_r * math.sqrt(min(1.0, d))
            if rad < 0.7:
                continue
            pygame.draw.circle(layer, color + (255,), (round(px), round(py)), round(rad) if rad >= 1.5 else 1)
    if mask is not None:
        layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    clip = pygame.Rect(round(x0), round(y0), round(w) + 1, round(h) + 1)
    s.blit(layer, clip.topleft, clip)


def poly_mask(size: tuple[int, int], pts: Sequence[Point]) -> pygame.Surface:
    """White opaque polygon on transparent, for halftone masks."""
    m = pygame.Surface(size, pygame.SRCALPHA, 32)
    m.fill((0, 0, 0, 0))
    pygame.draw.polygon(m, (255, 255, 255, 255), pts)
    return m


def ellipse_mask(size: tuple[int, int], rc: Sequence[float]) -> pygame.Surface:
    """White opaque ellipse on transparent."""
    m = pygame.Surface(size, pygame.SRCALPHA, 32)
    m.fill((0, 0, 0, 0))
    pygame.draw.ellipse(m, (255, 255, 255, 255), pygame.Rect(rc))
    return m


def shaded_poly(s: pygame.Surface, pts: Sequence[Point], color: Color, shade: Color | None = None,
                density: Callable[[float, float], float] | None = None, spacing: float = 6,
                outline: int = 3, oc: Color = INK) -> None:
    """Polygon filled with color, halftone shading, ink outline."""
    pygame.draw.polygon(s, color, pts)
    if shade is not None:
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        area = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        halftone(s, area, shade, spacing, density or (lambda u, v: v * 0.8),
                 mask=poly_mask(s.get_size(), pts))
    if outline:
        pygame.draw.polygon(s, oc, pts, outline)


def shaded_ellipse(s: pygame.Surface, rc: Sequence[float], color: Color, shade: Color | None = None,
                   density: Callable[[float, float], float] | None = None, spacing: float = 6,
                   outline: int = 3, oc: Color = INK) -> None:
    """Ellipse filled, halftone shaded, outlined."""
    rr = pygame.Rect(rc)
    pygame.draw.ellipse(s, color, rr)
    if shade is not None:
        halftone(s, rr, shade, spacing, density or (lambda u, v: u * 0.8),
                 mask=ellipse_mask(s.get_size(), rr))
    if outline:
        pygame.draw.ellipse(s, oc, rr, outline)


# ----------------------------------------------------------------------------- paper pieces

def paper_scrap(s: pygame.Surface, r: random.Random, rc: Sequence[float], color: Color = PAPER,
                shadow: bool = True, rough: float = 3.0, text: bool = False,
                text_color: Color = GREY, outline: int = 0) -> list[Point]:
    """A torn scrap of paper with a drop shadow and optional column 'text'."""
    pts = torn_polygon(r, rc, rough=rough)
    if shadow:
        pygame.draw.polygon(s, INK, [(x + 4, y + 5) for x, y in pts])
    pygame.draw.polygon(s, color, pts)
    if text:
        x, y, w, h = [int(v) for v in rc]
        fake_text(s, r, (x + 8, y + 8, w - 16, h - 16), text_color)
    if outline:
        pygame.draw.polygon(s, INK, pts, outline)
    return pts


def fake_text(s: pygame.Surface, r: random.Random, rc: Sequence[float], color: Color = GREY,
              line_h: int = 6, cols: int = 1, bar: int = 2) -> None:
    """Columns of gibberish 'words' as short bars (body copy)."""
    x, y, w, h = [int(v) for v in rc]
    gap = 8
    cw = (w - gap * (cols - 1)) // cols
    for c in range(cols):
        cx0 = x + c * (cw + gap)
        yy = y
        while yy + bar <= y + h:
            xx = cx0
            end = cx0 + cw - (r.randint(0, cw // 2) if r.random() < 0.15 else 0)
            while xx < end:
                ww = r.randint(3, 14)
                ww = min(ww, end - xx)
                if ww > 1:
                    pygame.draw.rect(s, color, (xx, yy, ww, bar))
                xx += ww + 2
            yy += line_h


# 5x7 block letters, drawn as rectangles (our own letterforms)
GLYPHS: dict[str, list[str]] = {
    "A": ["01110", "10001", "10001", "11111", "10001", "10001", "10001"],
    "B": ["11110", "10001", "11110", "10001", "10001", "10001", "11110"],
    "C": ["01111", "10000", "10000", "10000", "10000", "10000", "01111"],
    "D": ["11110", "10001", "10001", "10001", "10001", "10001", "11110"],
    "E": ["11111", "10000", "11110", "10000", "10000", "10000", "11111"],
    "F": ["11111", "10000", "11110", "10000", "10000", "10000", "10000"],
    "G": ["01111", "10000", "10000", "10011", "10001", "10001", "01111"],
    "H": ["10001", "10001", "11111", "10001", "10001", "10001", "10001"],
    "I": ["11111", "00100", "00100", "00100", "00100", "00100", "11111"],
    "J": ["00111", "00001", "00001", "00001", "10001", "10001", "01110"],
    "K": ["10001", "10010", "11100", "10010", "10001", "10001", "10001"],
    "L": ["10000", "10000", "10000", "10000", "10000", "10000", "11111"],
    "M": ["10001", "11011", "10101", "10001", "10001", "10001", "10001"],
    "N": ["10001", "11001", "10101", "10011", "10001", "10001", "10001"],
    "O": ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
    "P": ["11110", "10001", "10001", "11110", "10000", "10000", "10000"],
    "Q": ["01110", "10001", "10001", "10001", "10101", "10010", "01101"],
    "R": ["11110", "10001", "10001", "11110", "10010", "10001", "10001"],
    "S": ["01111", "10000", "01110", "00001", "00001", "00001", "11110"],
    "T": ["11111", "00100", "00100", "00100", "00100", "00100", "00100"],
    "U": ["10001", "10001", "10001", "10001", "10001", "10001", "01110"],
    "V": ["10001", "10001", "10001", "10001", "01010", "01010", "00100"],
    "W": ["10001", "10001", "10001", "10101", "10101", "11011", "10001"],
    "X": ["10001", "01010", "00100", "00100", "01010", "10001", "10001"],
    "Y": ["10001", "10001", "01010", "00100", "00100", "00100", "00100"],
    "Z": ["11111", "00010", "00100", "01000", "10000", "10000", "11111"],
    "!": ["1", "1", "1", "1", "1", "0", "1"],
    "?": ["01110", "10001", "00010", "00100", "00100", "00000", "00100"],
    "-": ["000", "000", "000", "111", "000", "000", "000"],
    ".": ["0", "0", "0", "0", "0", "0", "1"],
    " ": ["000", "000", "000", "000", "000", "000", "000"],
}


def block_text(s: pygame.Surface, text: str, x: float, y: float, cell_w: float, cell_h: float,
               color: Color, shadow: Color | None = None, spacing: float = 1.0,
               jitter: random.Random | None = None) -> float:
    """Draw condensed headline letters from rectangles; returns end x."""
    cx = x
    for ch in text.upper():
        g = GLYPHS.get(ch, GLYPHS["?"])
        dy = jitter.uniform(-cell_h * 0.6, cell_h * 0.6) if jitter else 0
        for layer_col, off in (((shadow, 2.0),) if shadow else ()) + ((color, 0.0),):
            for row, line in enumerate(g):
                for col, bit in enumerate(line):
                    if bit == "1":
                        pygame.draw.rect(s, layer_col, (round(cx + col * cell_w + off),
                                                        round(y + dy + row * cell_h + off),
                                                        math.ceil(cell_w), math.ceil(cell_h)))
        cx += (len(g[0]) + spacing) * cell_w
    return cx


def text_width(text: str, cell_w: float, spacing: float = 1.0) -> float:
    """Width block_text would use."""
    return sum((len(GLYPHS.get(c, GLYPHS["?"])[0]) + spacing) * cell_w for c in text.upper()) - spacing * cell_w


def newsprint(s: pygame.Surface, r: random.Random, base: Color = PAPER, cols: int = 6,
              ink: Color = PAPER3) -> None:
    """Fill with a newspaper page: masthead rule, headline blocks and text columns."""
    w, h = s.get_size()
    s.fill(base)
    margin = 14
    cw = (w - margin * 2) // cols
    y = margin
    pygame.draw.rect(s, ink, (margin, y, w - margin * 2, 3))
    y += 10
    while y < h - margin:
        c = 0
        while c < cols:
            span = min(cols - c, r.choice([1, 1, 2, 2, 3]))
            bx = margin + c * cw
            bw = span * cw - 8
            bh = r.randint(60, 160)
            if r.random() < 0.35:
                # headline bars
                hb = r.randint(10, 18)
                for k in range(r.randint(1, 2)):
                    xx = bx
                    while xx < bx + bw - 10:
                        ww = r.randint(12, 40)
                        pygame.draw.rect(s, ink, (xx, y + k * (hb + 4), min(ww, bx + bw - xx), hb))
                        xx += ww + 6
                fake_text(s, r, (bx, y + 2 * (hb + 4) + 4, bw, bh - 2 * (hb + 4)), ink, line_h=5, bar=1)
            elif r.random() < 0.25:
                pygame.draw.rect(s, ink, (bx, y, bw, bh - 8), 1)
                halftone(s, (bx + 2, y + 2, bw - 4, bh - 12), ink, 5, lambda u, v: 0.3 + 0.5 * v)
            else:
                fake_text(s, r, (bx, y, bw, bh), ink, line_h=5, bar=1)
            c += span
        y += 160


# ----------------------------------------------------------------------------- cut-out border

def cutout(src: pygame.Surface, border: int = 5, paper: Color = WHITE, line: int = 2,
           seed: str = "cut") -> pygame.Surface:
    """Give a transparent drawing a hand-cut paper border and thin ink outline."""
    w, h = src.get_size()
    a = pygame.surfarray.array_alpha(src) > 127
    r = np.random.default_rng(zlib.crc32(seed.encode()))

    def dilate(m: np.ndarray, rad: int) -> np.ndarray:
        p = np.pad(m, rad)
        out = m.copy()
        for dx in range(-rad, rad + 1):
            for dy in range(-rad, rad + 1):
                if dx * dx + dy * dy <= rad * rad:
                    out |= p[rad + dx:rad + dx + w, rad + dy:rad + dy + h]
        return out

    paper_m = dilate(a, border)
    # scissor wobble: erode a few random blobs of the border
    noise = r.random((w // 8 + 2, h // 8 + 2)) < 0.25
    noise = np.kron(noise, np.ones((8, 8), bool))[:w, :h]
    paper_m = paper_m & ~(noise & ~dilate(a, max(1, border - 2)))
    line_m = dilate(paper_m, line) & ~paper_m
    out = pygame.Surface((w, h), pygame.SRCALPHA, 32)
    out.fill((0, 0, 0, 0))
    rgb = np.zeros((w, h, 3), np.uint8)
    alpha = np.zeros((w, h), np.uint8)
    rgb[paper_m] = paper
    rgb[line_m] = INK
    alpha[paper_m | line_m] = 255
    pygame.surfarray.blit_array(out, rgb)
    pa = pygame.surfarray.pixels_alpha(out)
    pa[:] = alpha
    del pa
    out.blit(src, (0, 0))
    return out


# ----------------------------------------------------------------------------- PNG writer

def _quantize(arr: np.ndarray, palette: list[Color]) -> np.ndarray:
    """Map an (h, w, 3) uint8 array to nearest palette indices."""
    flat = arr.reshape(-1, 3).astype(np.int32)
    packed = (flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2]
    uniq, inv = np.unique(packed, return_inverse=True)
    uc = np.stack([(uniq >> 16) & 255, (uniq >> 8) & 255, uniq & 255], 1).astype(np.int32)
    pal = np.array(palette, np.int32)
    d = ((uc[:, None, :] - pal[None, :, :]) ** 2).sum(-1)
    return d.argmin(1)[inv].reshape(arr.shape[:2]).astype(np.uint8)


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def save_png(s: pygame.Surface, rel: str) -> Path:
    """Quantise to the fixed palette and write an indexed PNG (tRNS for transparency)."""
    path = ASSETS / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = s.get_size()
    has_alpha = bool(s.get_flags() & pygame.SRCALPHA)
    rgb = pygame.surfarray.array3d(s).transpose(1, 0, 2)
    idx = _quantize(rgb, PALETTE)
    if has_alpha:
        al = pygame.surfarray.array_alpha(s).T
        idx = idx + 1
        idx[al < 128] = 0
        pal = [(0, 0, 0)] + PALETTE
    else:
        pal = list(PALETTE)
    raw = b"".join(b"\x00" + idx[y].tobytes() for y in range(h))
    data = b"\x89PNG\r\n\x1a\n"
    data += _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0))
    data += _chunk(b"PLTE", bytes(c for col in pal for c in col))
    if has_alpha:
        data += _chunk(b"tRNS", b"\x00")
    data += _chunk(b"IDAT", zlib.compress(raw, 9))
    data += _chunk(b"IEND", b"")
    path.write_bytes(data)
    return path


def init() -> None:
    """Initialise pygame headless (idempotent)."""
    if not pygame.get_init():
        pygame.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1, 1))


def lerp(a: float, b: float, t: float) -> float:
    """Linear interpolation."""
    return a + (b - a) * t
