"""Character portraits: portraits/<char>_<emotion>.png, 240x280, transparent cut-outs."""
from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pygame
from common import (
    BONE,
    BROWN,
    CREAM,
    DUSK,
    GLASS,
    GOLD,
    GOLD_DK,
    GOLD_LT,
    GREY,
    GREY_DK,
    INK,
    MIDNIGHT,
    MIST,
    NAVY,
    ORANGE,
    PAPER,
    PAPER2,
    PAPER3,
    PEACH,
    RED,
    RED_DK,
    RED_LT,
    SKIN,
    SKIN_DK,
    SKY,
    TEAL,
    TEAL_LT,
    WHITE,
    Color,
    block_text,
    circle,
    curve,
    cutout,
    ellipse,
    fake_text,
    halftone,
    poly,
    rect,
    rng,
    save_png,
    shaded_ellipse,
    shaded_poly,
    sparkle,
    star_points,
    surf,
    thick_line,
    torn_blob,
    torn_polygon,
)
from faces import blush, brow, burst_lines, eye, mouth, sweat, tear

W, H = 240, 280

CAST: dict[str, list[str]] = {
    "star": ["neutral", "happy", "tired", "angry", "sad", "determined", "surprised"],
    "barker": ["neutral", "grin", "sly", "shocked"],
    "editor": ["neutral", "shouting", "smug"],
    "paparazzi": ["neutral", "flash"],
    "teeth": ["neutral", "chatter"],
    "skeleton": ["neutral", "kind", "sad"],
    "fan": ["neutral", "hopeful", "teary"],
    "mirror": ["neutral", "warped", "smug"],
}

ACCENT: dict[str, tuple[Color, Color]] = {
    "neutral": (PAPER2, PAPER3), "happy": (RED_LT, RED), "tired": (MIST, SKY), "angry": (RED, RED_DK),
    "sad": (SKY, DUSK), "determined": (GOLD, GOLD_DK), "surprised": (GOLD_LT, GOLD),
    "grin": (GOLD, RED), "sly": (TEAL_LT, TEAL), "shocked": (GOLD_LT, RED_LT),
    "shouting": (RED, RED_DK), "smug": (GOLD_LT, GOLD), "flash": (GOLD_LT, WHITE),
    "chatter": (RED_LT, RED), "kind": (PEACH, ORANGE), "hopeful": (GOLD_LT, GOLD),
    "teary": (SKY, DUSK), "warped": (TEAL_LT, TEAL),
}


def backing(s: pygame.Surface, key: str, emotion: str, cx: float = 120, cy: float = 130,
            rx: float = 100, ry: float = 112) -> None:
    """Torn paper disc behind the figure in the emotion's accent colour, with halftone."""
    r = rng(f"back-{key}-{emotion}")
    base, dots = ACCENT[emotion]
    pts = torn_blob(r, cx, cy, rx, ry, 0.05, 70)
    pygame.draw.polygon(s, INK, [(x + 5, y + 6) for x, y in pts])
    pygame.draw.polygon(s, base, pts)
    halftone(s, (cx - rx - 10, cy - ry - 10, rx * 2 + 20, ry * 2 + 20), dots, 9,
             lambda u, v: max(0.0, (u + v) - 0.9) * 0.9, mask=_mask(pts))
    if emotion in ("surprised", "shocked", "flash", "shouting", "chatter"):
        burst_lines(s, cx, cy, rx * 0.8, rx * 1.0, 14, INK, 3, -math.pi, 2 * math.pi)


def _mask(pts: list[tuple[float, float]]) -> pygame.Surface:
    m = pygame.Surface((W, H), pygame.SRCALPHA, 32)
    m.fill((0, 0, 0, 0))
    pygame.draw.polygon(m, (255, 255, 255, 255), pts)
    return m


# ----------------------------------------------------------------------------- the Star

STAR_FACE = {
    #            brow angle, brow dy, eye kind, look, mouth, extras
    "neutral": (0.0, 0, "open", (0.1, 0.0), "line", ()),
    "happy": (-0.15, -6, "arc", (0, 0), "grin", ("blush", "sparkles")),
    "tired": (-0.2, 4, "half", (0.0, 0.3), "wobble", ("bags",)),
    "angry": (0.45, 6, "open", (0.0, 0.0), "grit", ("vein",)),
    "sad": (-0.45, -2, "open", (0.0, 0.5), "frown", ("tear",)),
    "determined": (0.25, 4, "sly", (0.4, 0.0), "firm", ("shine",)),
    "surprised": (-0.1, -14, "wide", (0.0, 0.0), "o", ("sweat",)),
}


def curl_cloud(s: pygame.Surface, curls: list[tuple[float, float, float]], color: Color,
               shade: Color | None, ink: int, spacing: float = 6,
               density: Callable[[float, float], float] | None = None, marks: float = 0.0) -> None:
    """Big curly hair: a cloud of overlapping curls, ink-outlined as one shape, halftone shaded.

    curls are (x, y, radius); marks > 0 draws a small C-shaped curl line of that width in each curl.
    """
    layer = pygame.Surface(s.get_size(), pygame.SRCALPHA, 32)
    layer.fill((0, 0, 0, 0))
    for x, y, rr in curls:
        pygame.draw.circle(layer, INK + (255,), (round(x), round(y)), round(rr + ink))
    for x, y, rr in curls:
        pygame.draw.circle(layer, color + (255,), (round(x), round(y)), round(rr))
    if shade is not None:
        xs = [c[0] for c in curls]
        ys = [c[1] for c in curls]
        rmax = max(c[2] for c in curls)
        area = (min(xs) - rmax, min(ys) - rmax, max(xs) - min(xs) + 2 * rmax, max(ys) - min(ys) + 2 * rmax)
        m = pygame.Surface(s.get_size(), pygame.SRCALPHA, 32)
        m.fill((0, 0, 0, 0))
        for x, y, rr in curls:
            pygame.draw.circle(m, (255, 255, 255, 255), (round(x), round(y)), round(rr - 1))
        halftone(layer, area, shade, spacing, density or (lambda u, v: 0.15 + 0.6 * v), mask=m)
    if marks > 0:
        for x, y, rr in curls:
            if rr < 4:
                continue
            rc = pygame.Rect(0, 0, round(rr * 0.9), round(rr * 0.9))
            rc.center = (round(x + rr * 0.1), round(y + rr * 0.15))
            pygame.draw.arc(layer, INK + (255,), rc, 0.6, 3.9, max(1, round(marks)))
    s.blit(layer, (0, 0))


def star_clip(s: pygame.Surface, cx: float, cy: float, r: float, rot: float = 0.0, ow: int = 3) -> None:
    """The Star's gold five-point hair clip."""
    pts = star_points(cx, cy, r, r * 0.48, 5, -math.pi / 2 + rot)
    poly(s, pts, GOLD, ow)
    if r >= 8:
        poly(s, star_points(cx - r * 0.08, cy - r * 0.1, r * 0.45, r * 0.2, 5, -math.pi / 2 + rot), GOLD_LT)
        circle(s, (cx - r * 0.2, cy - r * 0.3), max(1, r * 0.1), WHITE)


def sunglasses(s: pygame.Surface, cx: float, cy: float, r: float, ang: float = 0.0, ow: int = 3) -> None:
    """Round sunglasses (pushed up on the head), centred at (cx, cy), tilted by ang radians."""
    ca, sa = math.cos(ang), math.sin(ang)
    lens = [(cx - ca * r * 1.25, cy - sa * r * 1.25), (cx + ca * r * 1.25, cy + sa * r * 1.25)]
    thick_line(s, lens[0], lens[1], max(2, ow), INK)
    for lx, ly in lens:
        circle(s, (lx, ly), r, TEAL, ow)
        pygame.draw.line(s, TEAL_LT, (lx - r * 0.5, ly + r * 0.1), (lx - r * 0.1, ly - r * 0.5), max(1, ow - 1))
    for (lx, ly), d in zip(lens, (-1, 1), strict=True):
        thick_line(s, (lx + d * ca * r, ly + d * sa * r), (lx + d * ca * r * 1.5, ly + d * sa * r * 1.5 + r * 0.4),
                   max(2, ow - 1), INK)


def star_hair_curls(hx: float, hy: float, k: float = 1.0, puff: float = 1.0, droop: float = 0.0,
                    seed: str = "star-hair") -> list[tuple[float, float, float]]:
    """The Star's voluminous curls around a head centred at (hx, hy); k scales (1 = portrait)."""
    r = rng(seed)
    out = []
    n = 15
    for i in range(n):
        a = math.radians(-205 + 230 * i / (n - 1))
        rx, ry = 66 * puff, 62 * puff
        x = hx + math.cos(a) * rx * k
        y = hy - 24 * k + math.sin(a) * ry * k + droop * k * max(0.0, math.sin(a) + 0.3)
        out.append((x, y, (19 + r.uniform(-3, 4)) * k * (0.9 + 0.1 * puff)))
    # the mop hangs down past the ears
    for side in (-1, 1):
        for j, (dx, dy, rr) in enumerate(((62, 16, 18), (57, 40, 16), (46, 58, 13))):
            out.append((hx + side * (dx + r.uniform(-2, 2)) * k * (0.96 + 0.04 * puff),
                        hy + (dy + droop * 0.5 + j) * k, rr * k))
    out.append((hx, hy - 28 * k, 56 * k * puff))  # the filled middle
    return out


def star_fringe(hx: float, hy: float, k: float = 1.0, droop: float = 0.0) -> list[tuple[float, float, float]]:
    """Curls falling over the forehead (drawn over the face)."""
    return [(hx - 40 * k, hy - 46 * k + droop * k, 16 * k), (hx - 16 * k, hy - 54 * k + droop * k, 15 * k),
            (hx + 10 * k, hy - 52 * k + droop * k, 15 * k), (hx + 34 * k, hy - 46 * k + droop * k, 14 * k),
            (hx + 50 * k, hy - 32 * k + droop * k, 10 * k)]


STAR_HAIR = {
    #            puff, droop, tilt (deg), shades pushed up on the head, clip rotation
    "neutral": (1.0, 0, 0, True, 0.15),
    "happy": (1.06, -4, -4, True, -0.2),
    "tired": (0.94, 14, 5, False, 0.5),
    "angry": (1.04, 0, -2, False, 0.0),
    "sad": (0.95, 12, 4, False, 0.45),
    "determined": (1.0, 0, 0, True, 0.0),
    "surprised": (1.14, -8, -6, False, -0.3),
}


def draw_star(s: pygame.Surface, emotion: str) -> None:
    """The Star: a cloud of curls with a gold star clip, cream-and-red bomber, red scarf."""
    b_ang, b_dy, ek, look, mk, extras = STAR_FACE[emotion]
    puff, droop, tilt, shades, clip_rot = STAR_HAIR[emotion]
    hx, hy = 120, 128 + (3 if emotion == "tired" else 0)
    # hair, back: drawn on its own layer so it can bounce (tilt) around the head
    back = surf(W, H, alpha=True)
    curl_cloud(back, star_hair_curls(hx, hy + 10, 1.0, puff, droop), BROWN, INK, 3, 8,
               lambda u, v: 0.05 + 0.45 * max(0.0, v - 0.45) + 0.25 * max(0.0, 0.35 - u), marks=2)
    back = pygame.transform.rotate(back, tilt)
    s.blit(back, back.get_rect(center=(W / 2, H / 2)))
    # body: a puffy bomber, cream body and red raglan sleeves
    body = [(38, 280), (46, 226), (84, 200), (156, 200), (194, 226), (202, 280)]
    shaded_poly(s, body, CREAM, PAPER2, lambda u, v: 0.15 + 0.6 * u * v, 6, 3)
    for d in (-1, 1):
        sleeve = [(120 + d * 82, 280), (120 + d * 74, 226), (120 + d * 50, 203), (120 + d * 42, 210),
                  (120 + d * 58, 280)]
        shaded_poly(s, sleeve, RED, RED_DK, lambda u, v, d=d: 0.2 + 0.5 * (u if d > 0 else 1 - u) * v, 6, 3)
    # zip line and a gold star patch on the chest (the big star is on the back)
    pygame.draw.line(s, PAPER3, (128, 214), (132, 280), 3)
    poly(s, star_points(150, 248, 15, 7, 5, -math.pi / 2 + 0.2), GOLD, 3)
    poly(s, star_points(149, 246, 6, 3, 5, -math.pi / 2 + 0.2), GOLD_LT)
    # neck
    rect(s, (108, 166, 24, 38), SKIN, 3)
    halftone(s, (109, 167, 22, 22), SKIN_DK, 4, lambda u, v: 1 - v)
    # scarf: wrapped round the neck, knotted, two tails with gold-striped ends
    collar = [(88, 194), (152, 194), (148, 218), (92, 218)]
    shaded_poly(s, collar, RED, RED_DK, lambda u, v: 0.2 + 0.4 * v, 5, 3)
    pygame.draw.line(s, RED_DK, (96, 206), (144, 206), 2)
    for tail in ([(96, 210), (114, 212), (108, 266), (88, 258)], [(106, 212), (122, 214), (130, 250), (114, 254)]):
        poly(s, tail, RED, 3)
        xs = [p_[0] for p_ in tail]
        ys = [p_[1] for p_ in tail]
        halftone(s, (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), RED_DK, 5, lambda u, v: v,
                 mask=_mask(tail))
        bx0, by0 = tail[3]
        bx1, by1 = tail[2]
        for t in (8, 14):
            pygame.draw.line(s, GOLD_LT, (bx0 + 2, by0 - t), (bx1 - 2, by1 - t), 2)
    ellipse(s, (100, 204, 22, 18), RED_DK, 3)
    # head
    face = pygame.Rect(0, 0, 92, 112)
    face.center = (hx, hy)
    shaded_ellipse(s, face, SKIN, SKIN_DK, lambda u, v: max(0.0, u - 0.45) * 1.6, 5, 3)
    # hair, front: fringe curls, the clip, and maybe the sunglasses pushed up
    front = surf(W, H, alpha=True)
    curl_cloud(front, star_fringe(hx, hy + 10, 1.0, droop * 0.4), BROWN, INK, 3, 8,
               lambda u, v: 0.25 * v, marks=2)
    if shades:
        sunglasses(front, hx - 6, hy - 62 + droop * 0.3, 15, -0.08, 4)
    cx, cy = hx + 52 * puff, hy - 60 * puff + droop * 0.5
    sp = 22 if "shine" in extras else 19
    star_clip(front, cx, cy, sp, clip_rot, 3)
    sparkle(front, cx + 24, cy - 16, 7 if "shine" in extras else 5, GOLD_LT, 2)
    front = pygame.transform.rotate(front, tilt)
    s.blit(front, front.get_rect(center=(W / 2, H / 2)))
    # face features
    ey = hy + 2
    brow_col = INK
    for side, ex in ((-1, hx - 20), (1, hx + 20)):
        eye(s, ex, ey, 20, ek, look, SKIN, side)
        brow(s, ex, ey - 22 + b_dy - (3 if ek == "wide" else 0), 24, b_ang, side, 5, brow_col)
    # nose
    curve(s, (hx + 2, ey + 8), (hx + 10, ey + 22), (hx, ey + 24), 3)
    mouth(s, hx, hy + 36, 30 if mk != "grin" else 36, mk, 4)
    if "blush" in extras:
        blush(s, hx - 30, hy + 22, 18)
        blush(s, hx + 30, hy + 22, 18)
    if "sparkles" in extras:
        sparkle(s, 38, 70, 12, GOLD_LT)
        sparkle(s, 206, 96, 9, GOLD_LT)
        sparkle(s, 196, 40, 6, WHITE)
    if "bags" in extras:
        for ex in (hx - 20, hx + 20):
            curve(s, (ex - 10, ey + 14), (ex, ey + 20), (ex + 10, ey + 14), 2, SKIN_DK)
        halftone(s, (0, 0, W, 120), GREY_DK, 10, lambda u, v: 0.0)
        for i, (zx, zy) in enumerate(((190, 74), (204, 56), (216, 40))):
            block_text(s, "Z", zx, zy, 2 + i * 0.6, 2 + i * 0.6, INK)
    if "vein" in extras:
        vx, vy = hx + 34, hy - 30
        for a in (0, 90, 180, 270):
            r_ = math.radians(a + 45)
            curve(s, (vx + math.cos(r_) * 4, vy + math.sin(r_) * 4),
                  (vx + math.cos(r_) * 6, vy + math.sin(r_) * 10),
                  (vx + math.cos(r_ + 0.6) * 11, vy + math.sin(r_ + 0.6) * 11), 3, RED)
        halftone(s, face, RED, 6, lambda u, v: 0.45 if 0.55 < v < 0.75 else 0.0, mask=_emask(face))
        eye(s, hx - 20, ey, 20, ek, look, SKIN, -1)
        eye(s, hx + 20, ey, 20, ek, look, SKIN, 1)
    if "tear" in extras:
        tear(s, hx - 26, ey + 22, 8)
        tear(s, hx + 28, ey + 30, 6)
    if "sweat" in extras:
        sweat(s, hx + 50, hy - 28, 9)


def _emask(rc: pygame.Rect) -> pygame.Surface:
    m = pygame.Surface((W, H), pygame.SRCALPHA, 32)
    m.fill((0, 0, 0, 0))
    pygame.draw.ellipse(m, (255, 255, 255, 255), rc)
    return m


# ----------------------------------------------------------------------------- the Barker

def draw_barker(s: pygame.Surface, emotion: str) -> None:
    """The Barker: striped jacket, top hat, huge grin, curly moustache."""
    hx, hy = 120, 140
    # jacket with vertical stripes
    body = [(30, 280), (44, 226), (84, 206), (156, 206), (196, 226), (210, 280)]
    pygame.draw.polygon(s, CREAM, body)
    m = _mask(body)
    stripes = pygame.Surface((W, H), pygame.SRCALPHA, 32)
    stripes.fill((0, 0, 0, 0))
    for x in range(20, 230, 22):
        pygame.draw.rect(stripes, RED + (255,), (x, 200, 11, 90))
    stripes.blit(m, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    s.blit(stripes, (0, 0))
    halftone(s, (30, 206, 180, 74), INK, 7, lambda u, v: max(0.0, u - 0.6) * 1.2, mask=m)
    pygame.draw.polygon(s, INK, body, 3)
    poly(s, [(98, 206), (142, 206), (132, 280), (108, 280)], WHITE, 3)
    poly(s, [(96, 206), (120, 240), (92, 280), (78, 220)], RED_DK, 3)
    poly(s, [(144, 206), (120, 240), (148, 280), (162, 220)], RED_DK, 3)
    for y in (250, 268):
        circle(s, (120, y), 4, GOLD, 2)
    # bow tie
    poly(s, [(120, 212), (96, 200), (96, 226)], GOLD, 3)
    poly(s, [(120, 212), (144, 200), (144, 226)], GOLD, 3)
    circle(s, (120, 212), 7, GOLD_DK, 3)
    # head: broad and round
    face = pygame.Rect(0, 0, 124, 112)
    face.center = (hx, hy)
    shaded_ellipse(s, face, PEACH, SKIN, lambda u, v: max(0.0, u - 0.5) * 1.5, 5, 3)
    ellipse(s, (hx - 70, hy - 10, 18, 26), PEACH, 3)
    ellipse(s, (hx + 52, hy - 10, 18, 26), PEACH, 3)
    # top hat
    lift = 26 if emotion == "shocked" else 0
    tilt = {"sly": -10, "grin": 6, "shocked": 4}.get(emotion, 0)
    hat = pygame.Surface((W, 150), pygame.SRCALPHA, 32)
    hat.fill((0, 0, 0, 0))
    crown = [(80, 124), (84, 14), (156, 14), (160, 124)]
    poly(hat, crown, INK)
    halftone(hat, (80, 14, 80, 110), GREY_DK, 6, lambda u, v: max(0.0, 0.5 - u) * 1.5,
             mask=_poly_local(hat.get_size(), crown))
    rect(hat, (80, 96, 80, 20), RED)
    sparkle(hat, 140, 106, 8, GOLD_LT, 2)
    ellipse(hat, (46, 118, 148, 20), INK)
    pygame.draw.line(hat, GREY_DK, (88, 24), (88, 90), 3)
    hat = pygame.transform.rotate(hat, tilt)
    s.blit(hat, hat.get_rect(center=(hx, hy - 108 - lift)))
    if emotion == "shocked":
        burst_lines(s, hx, hy - 90, 60, 74, 7, INK, 3, -math.pi * 0.9, math.pi * 0.8)
    ey = hy - 8
    face_spec = {
        "neutral": (0.0, 0, "open", (0.2, 0.1), "grin", 56),
        "grin": (-0.2, -6, "arc", (0, 0), "big_grin", 80),
        "sly": (0.25, 2, "sly", (0.8, 0.2), "smirk", 50),
        "shocked": (-0.2, -14, "wide", (0, 0), "o", 48),
    }[emotion]
    ba, bdy, ek, look, mk, mw = face_spec
    for side, ex in ((-1, hx - 26), (1, hx + 26)):
        eye(s, ex, ey, 22, ek, look, PEACH, side)
        a = ba
        dy = bdy
        if emotion == "sly" and side == -1:
            a, dy = -0.3, -8
        brow(s, ex, ey - 24 + dy, 30, a, side, 7)
    # nose: round
    circle(s, (hx, ey + 22), 13, RED_LT, 3)
    circle(s, (hx - 4, ey + 18), 3, WHITE)
    # moustache
    droop = 8 if emotion == "shocked" else 0
    for side in (-1, 1):
        pts = [(hx, ey + 34), (hx + side * 24, ey + 28 + droop), (hx + side * 44, ey + 36 + droop),
               (hx + side * 54, ey + 22 + droop * 2), (hx + side * 46, ey + 16 + droop * 2)]
        for a, b in zip(pts, pts[1:], strict=False):
            thick_line(s, a, b, 10 - abs(pts.index(a) - 1) * 1.5, INK)
    mouth(s, hx + (6 if emotion == "sly" else 0), ey + 48, mw, mk, 4)
    if emotion == "grin":
        sparkle(s, hx + 30, ey + 56, 8, WHITE, 2)
        blush(s, hx - 44, ey + 30, 18)
        blush(s, hx + 44, ey + 30, 18)
    if emotion == "shocked":
        sweat(s, hx - 58, hy - 38, 9)


def _poly_local(size: tuple[int, int], pts: list[tuple[float, float]]) -> pygame.Surface:
    m = pygame.Surface(size, pygame.SRCALPHA, 32)
    m.fill((0, 0, 0, 0))
    pygame.draw.polygon(m, (255, 255, 255, 255), pts)
    return m


# ----------------------------------------------------------------------------- the Editor

def draw_editor(s: pygame.Surface, emotion: str) -> None:
    """The Editor: a printing press with roller eyes and a paper-slot mouth."""
    r = rng(f"editor-{emotion}")
    # frame of the press
    shake = 4 if emotion == "shouting" else 0
    body = pygame.Rect(34 + shake, 62, 172, 176)
    shaded_poly(s, [body.topleft, body.topright, body.bottomright, body.bottomleft], NAVY, MIDNIGHT,
                lambda u, v: 0.3 + 0.7 * u * v + 0.2 * v, 6, 4)
    # rivets
    for x in (body.left + 10, body.right - 10):
        for y in range(body.top + 12, body.bottom - 6, 28):
            circle(s, (x, y), 4, GREY, 2)
    # side gears
    for gx, gy in ((body.left - 6, body.top + 54), (body.right + 6, body.top + 54)):
        gear = star_points(gx, gy, 24, 18, 10, 0.1)
        poly(s, gear, GOLD, 3)
        circle(s, (gx, gy), 8, GOLD_DK, 3)
    # eyeshade visor across the top
    visor = [(body.left - 12, body.top + 6), (body.right + 12, body.top + 6), (body.right - 6, body.top - 22),
             (body.left + 6, body.top - 22)]
    shaded_poly(s, visor, TEAL_LT, TEAL, lambda u, v: v, 5, 3)
    rect(s, (body.left - 12, body.top + 2, body.w + 24, 8), INK)
    # roller eyes
    ey = body.top + 58
    for side in (-1, 1):
        cx = body.centerx + side * 42
        roll = pygame.Rect(0, 0, 60, 44)
        roll.center = (cx, ey)
        rect(s, roll, GOLD_LT, 3)
        for k in range(3):
            ly = roll.top + 8 + k * 12
            pygame.draw.line(s, GOLD_DK, (roll.left + 3, ly), (roll.right - 4, ly), 2)
        look = {"neutral": 0, "shouting": 0, "smug": 8 * side * -1}[emotion]
        if emotion == "smug":
            rect(s, (roll.left, roll.top, roll.w, 22), GREY_DK, 3)
            rect(s, (cx - 6 + 12, ey + 2, 12, 16), INK)
        elif emotion == "shouting":
            circle(s, (cx, ey), 12, INK)
            circle(s, (cx - 3, ey - 3), 3, WHITE)
        else:
            rect(s, (cx - 6 + look, ey - 12, 12, 24), INK)
            rect(s, (cx - 4 + look, ey - 10, 4, 6), WHITE)
        # iron brow plates
        ang = {"neutral": 0.0, "shouting": 0.45, "smug": -0.15}[emotion]
        bx0, bx1 = cx - 34, cx + 34
        inner_is_left = side == 1
        dy = math.tan(ang) * 34
        y_in = ey - 34 + dy
        y_out = ey - 34 - dy
        pts = [(bx0, y_in if inner_is_left else y_out), (bx1, y_out if inner_is_left else y_in)]
        pts = pts + [(pts[1][0], pts[1][1] + 10), (pts[0][0], pts[0][1] + 10)]
        poly(s, pts, GREY, 3)
    # mouth: paper slot
    my = body.top + 118
    if emotion == "shouting":
        slot = pygame.Rect(body.left + 24, my - 14, body.w - 48, 44)
        rect(s, slot, INK)
        rect(s, slot.inflate(-12, -14), RED_DK)
        # paper bursting out
        for i, ang in enumerate((-0.5, 0.15, 0.7)):
            sheet = pygame.Surface((70, 50), pygame.SRCALPHA, 32)
            sheet.fill(PAPER)
            fake_text(sheet, r, (6, 22, 58, 22), GREY, 5, bar=2)
            block_text(sheet, "EXTRA!" if i == 1 else "WOW!", 6, 4, 1.8, 2.2, RED)
            pygame.draw.rect(sheet, INK, sheet.get_rect(), 2)
            sheet = pygame.transform.rotate(sheet, math.degrees(ang) * -1)
            s.blit(sheet, sheet.get_rect(center=(body.centerx + (i - 1) * 68, body.bottom + 18 - abs(i - 1) * 16)))
        for px, py in ((24, 40), (214, 30), (200, 70)):
            circle(s, (px, py), 10, CREAM, 3)
            circle(s, (px + 10, py - 6), 7, CREAM, 3)
    else:
        slot = pygame.Rect(body.left + 28, my, body.w - 56, 14)
        rect(s, slot, INK)
        sheet_pts = [(slot.left + 10, slot.centery), (slot.right - 10, slot.centery)]
        if emotion == "smug":
            sheet = [(slot.left + 8, slot.centery), (slot.right - 8, slot.centery),
                     (slot.right + 16, slot.top - 18), (slot.right + 28, slot.top - 10),
                     (slot.right - 6, slot.bottom + 48), (slot.left + 8, slot.bottom + 56)]
        else:
            sheet = [(slot.left + 8, slot.centery), (slot.right - 8, slot.centery), (slot.right - 4, slot.bottom + 62),
                     (slot.left + 4, slot.bottom + 62)]
        poly(s, sheet, PAPER, 3)
        block_text(s, "SCOOP", slot.left + 18, slot.bottom + 8, 2.4, 3, RED)
        fake_text(s, r, (slot.left + 14, slot.bottom + 34, slot.w - 30, 18), GREY, 5, bar=2)
        del sheet_pts
    # base of the press
    rect(s, (body.left - 14, body.bottom - 4, body.w + 28, 20), GREY_DK, 3)


# ----------------------------------------------------------------------------- Paparazzi

def draw_paparazzi(s: pygame.Surface, emotion: str) -> None:
    """Paparazzi: a camera on legs, lens for an eye."""
    flash = emotion == "flash"
    cx, cy = 120, 126
    # legs
    for side in (-1, 1):
        hip = (cx + side * 26, cy + 50)
        knee = (cx + side * 40, cy + 96)
        foot = (cx + side * (34 if not flash else 52), cy + 134)
        thick_line(s, hip, knee, 9, INK)
        thick_line(s, knee, foot, 9, INK)
        ellipse(s, (foot[0] - 18 + side * 8, foot[1] - 6, 36, 16), RED, 3)
    # little arms holding the strap
    thick_line(s, (cx - 70, cy), (cx - 90, cy + 30), 7, INK)
    thick_line(s, (cx + 70, cy), (cx + 92, cy - 20 if flash else cy + 30), 7, INK)
    circle(s, (cx - 90, cy + 30), 8, WHITE, 3)
    circle(s, (cx + 92, cy - 20 if flash else cy + 30), 8, WHITE, 3)
    # body
    body = pygame.Rect(0, 0, 150, 100)
    body.center = (cx, cy)
    shaded_poly(s, [body.topleft, body.topright, body.bottomright, body.bottomleft], GREY_DK, INK,
                lambda u, v: 0.2 + 0.6 * v, 5, 4)
    rect(s, (body.left, body.top + 18, body.w, 12), GREY, 3)
    rect(s, (body.left + 12, body.top - 16, 40, 18), GREY_DK, 3)
    rect(s, (body.right - 36, body.top - 10, 22, 12), RED, 3)
    # flash unit
    fl = pygame.Rect(body.left + 62, body.top - 52, 56, 38)
    rect(s, (fl.centerx - 8, fl.bottom, 16, 16), GREY, 3)
    if flash:
        burst = star_points(fl.centerx, fl.centery, 96, 40, 12, 0.2)
        poly(s, burst, WHITE, 3)
        poly(s, star_points(fl.centerx, fl.centery, 60, 30, 12, 0.45), GOLD_LT, 0)
        rect(s, fl, WHITE, 3)
    else:
        rect(s, fl, GLASS, 3)
        for k in range(1, 4):
            pygame.draw.line(s, MIST, (fl.left + 4, fl.top + k * 9), (fl.right - 4, fl.top + k * 9), 2)
    # lens eye
    lr = 44
    circle(s, (cx, cy + 6), lr + 8, GREY, 4)
    circle(s, (cx, cy + 6), lr, INK)
    circle(s, (cx, cy + 6), lr - 8, NAVY, 2, GREY_DK)
    if flash:
        circle(s, (cx, cy + 6), 10, INK)
        for a in range(6):
            ang = a * math.pi / 3
            pygame.draw.line(s, GREY, (cx + math.cos(ang) * 10, cy + 6 + math.sin(ang) * 10),
                             (cx + math.cos(ang + 0.9) * 34, cy + 6 + math.sin(ang + 0.9) * 34), 3)
    else:
        circle(s, (cx + 8, cy + 10), 20, TEAL)
        circle(s, (cx + 8, cy + 10), 10, INK)
    pygame.draw.arc(s, WHITE, (cx - 30, cy - 24, 60, 60), 1.8, 2.8, 5)
    circle(s, (cx - 16, cy - 8), 5, WHITE)
    # brow of the camera: hood
    ang = 0.35 if flash else 0.1
    for side in (-1, 1):
        x0 = cx + side * 8
        x1 = cx + side * 50
        y0 = cy - 44 + (12 if flash else 0) * 0.5
        pygame.draw.line(s, INK, (x0, y0 + math.tan(ang) * 14), (x1, y0 - math.tan(ang) * 20), 7)
    if flash:
        burst_lines(s, fl.centerx, fl.centery, 100, 120, 9, INK, 3, -math.pi, math.pi)


# ----------------------------------------------------------------------------- Gossip Teeth

def draw_teeth(s: pygame.Surface, emotion: str, scale: float = 1.0, ox: float = 0, oy: float = 0,
               seed: str = "teeth") -> None:
    """Wind-up chattering teeth with googly eyes and orange shoes."""
    r = rng(f"{seed}-{emotion}")
    k = scale
    open_ = emotion == "chatter"

    def P(x: float, y: float) -> tuple[float, float]:
        return (ox + x * k, oy + y * k)

    # feet
    for side in (-1, 1):
        ellipse(s, (*P(120 + side * 46 - 26, 222), 52 * k, 24 * k), ORANGE, max(2, round(3 * k)))
    # wind-up key
    kx, ky = P(198, 150)
    thick_line(s, P(176, 150), (kx, ky), 8 * k, GOLD_DK)
    for side in (-1, 1):
        ellipse(s, (kx - 6 * k, ky + side * 16 * k - 14 * k, 22 * k, 28 * k), GOLD, max(2, round(3 * k)))
    # lower jaw
    jaw = [P(42, 150), P(198, 150), P(190, 212), P(50, 212)]
    shaded_poly(s, jaw, RED_LT, RED, lambda u, v: v, max(3, 6 * k), max(2, round(3 * k)))
    for i in range(6):
        x = 56 + i * 22
        rect(s, (*P(x, 134 if not open_ else 146), 20 * k, 22 * k), WHITE, max(1, round(2 * k)))
    # upper jaw (hinged open when chattering)
    up = pygame.Surface((round(200 * k), round(110 * k)), pygame.SRCALPHA, 32)
    up.fill((0, 0, 0, 0))
    uj = [(2 * k, 92 * k), (178 * k, 92 * k), (168 * k, 30 * k), (12 * k, 30 * k)]
    shaded_poly(up, uj, RED_LT, RED, lambda u, v: 1 - v, max(3, 6 * k), max(2, round(3 * k)))
    for i in range(6):
        rect(up, (14 * k + i * 22 * k, 84 * k, 20 * k, 24 * k), WHITE, max(1, round(2 * k)))
    # googly eyes on top
    for side, ex in ((-1, 60), (1, 118)):
        circle(up, (ex * k, 26 * k), 22 * k, WHITE, max(2, round(3 * k)))
        lx = 6 if open_ else -4
        circle(up, ((ex + lx + (4 if side > 0 else 0)) * k, 30 * k), 9 * k, INK)
        if open_:
            thick_line(up, ((ex - 18) * k, 2 * k + (8 * k if side < 0 else 0)),
                       ((ex + 18) * k, 2 * k + (0 if side < 0 else 8 * k)), 5 * k, INK)
    ang = 24 if open_ else 0
    up = pygame.transform.rotate(up, ang)
    s.blit(up, up.get_rect(bottomleft=P(34 - (6 if open_ else 0), 160 - (4 if open_ else 0))))
    if open_:
        # motion lines and flying rumour scraps
        for i in range(3):
            curve(s, P(20, 100 + i * 14), P(8, 110 + i * 14), P(14, 124 + i * 14), max(2, 3 * k))
        for i in range(3):
            sx, sy = P(170 + i * 18, 40 + i * 26)
            pts = torn_polygon(r, (sx, sy, 34 * k, 16 * k), 1.5 * k, 4)
            poly(s, pts, PAPER, max(1, round(2 * k)))
            rect(s, (sx + 5 * k, sy + 6 * k, 22 * k, 4 * k), GREY)


# ----------------------------------------------------------------------------- Skeleton

def draw_skeleton(s: pygame.Surface, emotion: str) -> None:
    """The Skeleton: a gentle, dignified exhibit with a faded ribbon."""
    tilt = {"kind": 8, "sad": -6}.get(emotion, 0)
    cx, cy = 120, 118
    # exhibit velvet cloak over the shoulders
    cloak = [(34, 280), (50, 214), (92, 196), (148, 196), (190, 214), (206, 280)]
    shaded_poly(s, cloak, RED_DK, INK, lambda u, v: 0.2 + 0.5 * v, 7, 3)
    # collarbones, ribs visible at the opening
    poly(s, [(92, 196), (148, 196), (136, 280), (104, 280)], MIDNIGHT, 3)
    for i in range(4):
        y = 214 + i * 16
        curve(s, (104 + i * 2, y), (120, y + 6), (136 - i * 2, y), 6, BONE)
    thick_line(s, (120, 196), (120, 280), 6, BONE)
    thick_line(s, (78, 200), (116, 192), 7, BONE)
    thick_line(s, (162, 200), (124, 192), 7, BONE)
    # gold ribbon rosette (an exhibit's badge, worn with dignity)
    circle(s, (168, 232), 16, GOLD, 3)
    circle(s, (168, 232), 8, GOLD_LT, 2)
    poly(s, [(160, 244), (154, 272), (164, 264), (168, 274), (172, 246)], RED, 3)
    # neck vertebrae
    for i in range(3):
        rect(s, (110, 170 + i * 10, 20, 8), BONE, 2)
    head = pygame.Surface((W, 200), pygame.SRCALPHA, 32)
    head.fill((0, 0, 0, 0))
    hx, hy = 120, 100
    skull = pygame.Rect(0, 0, 124, 124)
    skull.center = (hx, hy - 8)
    shaded_ellipse(head, skull, BONE, PAPER3, lambda u, v: max(0.0, u - 0.45) * 1.4, 5, 3)
    jaw = [(hx - 40, hy + 30), (hx + 40, hy + 30), (hx + 32, hy + 66), (hx - 32, hy + 66)]
    shaded_poly(head, jaw, BONE, PAPER3, lambda u, v: max(0.0, u - 0.5), 5, 3)
    pygame.draw.rect(head, BONE, (hx - 36, hy + 24, 72, 12))
    # eye sockets: soft shapes with small gentle pupils
    sock_y = hy - 4
    for side in (-1, 1):
        ex = hx + side * 26
        if emotion == "sad":
            pts = [(ex - side * 18, sock_y - 12), (ex + side * 18, sock_y - 2), (ex + side * 16, sock_y + 16),
                   (ex - side * 16, sock_y + 16)]
            pts = [(ex - 18, sock_y - (12 if side > 0 else 2)), (ex + 18, sock_y - (2 if side > 0 else 12)),
                   (ex + 16, sock_y + 18), (ex - 16, sock_y + 18)]
            pygame.draw.polygon(head, INK, pts)
            pygame.draw.ellipse(head, INK, (ex - 18, sock_y - 4, 36, 26))
            circle(head, (ex, sock_y + 12), 4, CREAM)
        else:
            pygame.draw.ellipse(head, INK, (ex - 19, sock_y - 16, 38, 36))
            if emotion == "kind":
                curve(head, (ex - 9, sock_y + 4), (ex, sock_y - 6), (ex + 9, sock_y + 4), 4, CREAM)
            else:
                circle(head, (ex, sock_y + 2), 5, CREAM)
                circle(head, (ex - 2, sock_y), 2, WHITE)
    # nose
    poly(head, [(hx, hy + 14), (hx - 8, hy + 28), (hx + 8, hy + 28)], INK)
    # teeth row, curved by emotion
    bend = {"neutral": 0, "kind": 8, "sad": -7}[emotion]
    teeth_y = hy + 42
    for i in range(-3, 4):
        x = hx + i * 9
        y = teeth_y + bend * (1 - (i / 3.5) ** 2) - bend * 0.4
        rect(head, (x - 4, y - 7, 9, 14), WHITE, 2)
    if emotion == "kind":
        blush(head, hx - 46, hy + 24, 16, RED_LT)
        blush(head, hx + 46, hy + 24, 16, RED_LT)
    if emotion == "sad":
        tear(head, hx + 28, hy + 30, 7)
    # a small crack, mended with gold
    curve(head, (hx + 20, hy - 68), (hx + 28, hy - 52), (hx + 22, hy - 40), 3, GOLD_DK)
    head = pygame.transform.rotate(head, tilt)
    s.blit(head, head.get_rect(center=(cx, cy)))


# ----------------------------------------------------------------------------- Fan

def draw_fan(s: pygame.Surface, emotion: str) -> None:
    """A kid with a homemade sign."""
    r = rng(f"fan-{emotion}")
    sign_y = {"neutral": 196, "hopeful": 176, "teary": 212}[emotion]
    hx, hy = 120, 112 + (8 if emotion == "teary" else 0)
    # body (striped sweater)
    body = [(50, 280), (62, 212), (96, 196), (144, 196), (178, 212), (190, 280)]
    pygame.draw.polygon(s, TEAL_LT, body)
    stripes = pygame.Surface((W, H), pygame.SRCALPHA, 32)
    stripes.fill((0, 0, 0, 0))
    for y in range(200, 280, 16):
        pygame.draw.rect(stripes, GOLD_LT + (255,), (0, y, W, 7))
    stripes.blit(_mask(body), (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    s.blit(stripes, (0, 0))
    pygame.draw.polygon(s, INK, body, 3)
    # head
    face = pygame.Rect(0, 0, 104, 100)
    face.center = (hx, hy)
    shaded_ellipse(s, face, PEACH, SKIN, lambda u, v: max(0.0, u - 0.55) * 1.6, 5, 3)
    ellipse(s, (hx - 60, hy - 6, 16, 22), PEACH, 3)
    ellipse(s, (hx + 44, hy - 6, 16, 22), PEACH, 3)
    # cap, worn backwards-ish with a sparkle badge
    cap = [(hx - 54, hy - 14), (hx - 48, hy - 46), (hx - 14, hy - 62), (hx + 28, hy - 58), (hx + 54, hy - 30),
           (hx + 56, hy - 14)]
    shaded_poly(s, cap, RED, RED_DK, lambda u, v: u * 0.7, 5, 3)
    poly(s, [(hx + 40, hy - 22), (hx + 92, hy - 12), (hx + 88, hy - 4), (hx + 40, hy - 10)], RED_DK, 3)
    sparkle(s, hx - 4, hy - 38, 10, GOLD_LT, 2)
    # freckles
    for fx, fy in ((-30, 22), (-24, 28), (-36, 28), (30, 22), (24, 28), (36, 28)):
        circle(s, (hx + fx, hy + fy), 2, SKIN_DK)
    ey = hy + 4
    spec = {
        "neutral": (0.0, 0, "open", (0.0, 0.2), "line"),
        "hopeful": (-0.3, -6, "wide", (0.0, -0.4), "smile"),
        "teary": (-0.5, -2, "open", (0.0, 0.5), "wobble"),
    }[emotion]
    ba, bdy, ek, look, mk = spec
    for side, ex in ((-1, hx - 22), (1, hx + 22)):
        eye(s, ex, ey, 22, ek, look, PEACH, side)
        brow(s, ex, ey - 22 + bdy, 20, ba, side, 4, BROWN)
        if emotion == "hopeful":
            sparkle(s, ex + 6, ey - 6, 5, WHITE, 0)
    circle(s, (hx + 2, ey + 18), 4, SKIN_DK)
    mouth(s, hx, hy + 36, 26, mk, 4)
    if emotion == "teary":
        for side in (-1, 1):
            tear(s, hx + side * 30, ey + 20, 8)
            tear(s, hx + side * 34, ey + 42, 6)
    # hands + sign
    sign = pygame.Rect(0, 0, 200, 76)
    sign.midtop = (120, sign_y)
    tilt = {"neutral": -3, "hopeful": 4, "teary": -8}[emotion]
    card = pygame.Surface((sign.w + 20, sign.h + 20), pygame.SRCALPHA, 32)
    card.fill((0, 0, 0, 0))
    cr = pygame.Rect(10, 10, sign.w, sign.h)
    pts = torn_polygon(r, cr, 2.0, 8)
    poly(card, [(x + 3, y + 4) for x, y in pts], INK)
    poly(card, pts, PAPER2, 3)
    halftone(card, cr, PAPER3, 6, lambda u, v: 0.35)
    block_text(card, "YOU OK?", 26, 22, 3.4, 4.2, RED, shadow=INK)
    # crayon heart
    hxx, hyy = 186, 40
    poly(card, [(hxx, hyy + 16), (hxx - 14, hyy), (hxx - 10, hyy - 8), (hxx, hyy - 4),
                (hxx + 10, hyy - 8), (hxx + 14, hyy)], RED, 2)
    sparkle(card, 22, 60, 7, GOLD, 2)
    card = pygame.transform.rotate(card, tilt)
    s.blit(card, card.get_rect(center=sign.center))
    for side in (-1, 1):
        circle(s, (sign.centerx + side * 96, sign.centery + 10 - side * tilt * 1.5), 13, PEACH, 3)


# ----------------------------------------------------------------------------- Mirror

def star_silhouette(w: int, h: int, color: Color, grin: bool = False, clip: Color | None = None,
                    arms_up: bool = False) -> pygame.Surface:
    """Front silhouette of the Star (cloud of curls with the star clip, head, puffy bomber) on transparent.

    clip: colour for the star clip (default: the silhouette colour); arms_up raises both arms.
    """
    s = pygame.Surface((w, h), pygame.SRCALPHA, 32)
    s.fill((0, 0, 0, 0))
    k = w / 100
    ky = h / 160

    def P(x: float, y: float) -> tuple[float, float]:
        return (x * k, y * ky)

    c = color + (255,)
    # curls: a ring of round bumps around the head, hanging down to the jaw
    for i in range(13):
        a = math.radians(-195 + 210 * i / 12)
        x, y = 50 + math.cos(a) * 31, 36 + math.sin(a) * 25
        r_ = 10.5 if i % 2 else 9.5
        pygame.draw.ellipse(s, c, (*P(x - r_, y - r_), 2 * r_ * k, 2 * r_ * ky))
    for side in (-1, 1):
        for dx, dy, r_ in ((31, 48, 9), (27, 58, 7.5)):
            x, y = 50 + side * dx, dy
            pygame.draw.ellipse(s, c, (*P(x - r_, y - r_), 2 * r_ * k, 2 * r_ * ky))
    pygame.draw.ellipse(s, c, (*P(18, 8), 64 * k, 56 * ky))
    # head, neck, puffy bomber (round shoulders, banded waist)
    pygame.draw.ellipse(s, c, (*P(32, 26), 36 * k, 44 * ky))
    pygame.draw.rect(s, c, (*P(44, 64), 12 * k, 12 * ky))
    body = [P(20, 150), P(14, 96), P(22, 80), P(38, 72), P(62, 72), P(78, 80), P(86, 96), P(80, 150)]
    pygame.draw.polygon(s, c, body)
    pygame.draw.polygon(s, c, [P(22, 146), P(78, 146), P(74, 160), P(26, 160)])
    if arms_up:
        for side in (-1, 1):
            a0 = P(50 + side * 30, 84)
            a1 = P(50 + side * 48, 40)
            a2 = P(50 + side * 44, 8)
            pygame.draw.line(s, c, a0, a1, max(2, round(12 * k)))
            pygame.draw.line(s, c, a1, a2, max(2, round(10 * k)))
            pygame.draw.circle(s, c, (round(a1[0]), round(a1[1])), max(1, round(6 * k)))
            pygame.draw.circle(s, c, (round(a2[0]), round(a2[1])), max(1, round(7 * k)))
    # the star clip sticking out of the curls
    cc = (clip or color) + (255,)
    pts = star_points(78 * k, 14 * ky, 13 * min(k, ky), 6 * min(k, ky), 5, -math.pi / 2 + 0.25)
    pygame.draw.polygon(s, cc, pts)
    if grin:
        pygame.draw.polygon(s, WHITE + (255,), [P(38, 54), P(62, 54), P(56, 62), P(44, 62)])
        pygame.draw.polygon(s, WHITE + (255,), [P(36, 42), P(46, 44), P(46, 47), P(37, 46)])
        pygame.draw.polygon(s, WHITE + (255,), [P(64, 42), P(54, 44), P(54, 47), P(63, 46)])
    return s


def warp(src: pygame.Surface, amp: float, freq: float, squeeze: float, phase: float = 0.0) -> pygame.Surface:
    """Fun-house mirror warp: per-row horizontal shift and scale."""
    w, h = src.get_size()
    rgb = pygame.surfarray.array3d(src)
    al = pygame.surfarray.array_alpha(src)
    out_rgb = np.zeros_like(rgb)
    out_a = np.zeros_like(al)
    xs = np.arange(w)
    for y in range(h):
        t = y / h
        scale = 1 + squeeze * math.sin(math.pi * t * 2 + phase)
        shift = amp * math.sin(t * freq * 2 * math.pi + phase)
        srcx = ((xs - w / 2 - shift) / scale + w / 2).round().astype(int)
        ok = (srcx >= 0) & (srcx < w)
        out_rgb[ok, y] = rgb[srcx[ok], y]
        out_a[ok, y] = al[srcx[ok], y]
    out = pygame.Surface((w, h), pygame.SRCALPHA, 32)
    pygame.surfarray.blit_array(out, out_rgb)
    a = pygame.surfarray.pixels_alpha(out)
    a[:] = out_a
    del a
    return out


def draw_mirror(s: pygame.Surface, emotion: str) -> None:
    """A gilt frame holding a warped silhouette of the Star."""
    frame = pygame.Rect(22, 8, 196, 264)
    glass = frame.inflate(-40, -40)
    # frame: scalloped gold ring
    ellipse(s, frame.inflate(8, 8), INK)
    shaded_ellipse(s, frame, GOLD, GOLD_DK, lambda u, v: max(0.0, u + v - 1.0), 6, 3)
    n = 26
    for i in range(n):
        a = 2 * math.pi * i / n
        x = frame.centerx + math.cos(a) * (frame.w / 2 - 2)
        y = frame.centery + math.sin(a) * (frame.h / 2 - 2)
        circle(s, (x, y), 8, GOLD_LT, 2)
    sparkle(s, frame.centerx, frame.top + 4, 14, GOLD_LT, 3)
    sparkle(s, frame.centerx, frame.bottom - 4, 10, GOLD_LT, 3)
    # glass
    gcol = {"neutral": GLASS, "warped": TEAL_LT, "smug": MIST}[emotion]
    ellipse(s, glass, gcol)
    gm = _emask(glass)
    halftone(s, glass, SKY, 8, lambda u, v: 0.15 + 0.5 * v, mask=gm)
    # silhouette
    amp, freq, sq, col = {"neutral": (4, 1.0, 0.08, MIDNIGHT), "warped": (14, 2.0, 0.28, INK),
                          "smug": (8, 1.3, 0.15, MIDNIGHT)}[emotion]
    sil = star_silhouette(130, 210, col, grin=emotion == "smug", clip=GOLD)
    sil = warp(sil, amp, freq, sq, 0.6)
    layer = pygame.Surface((W, H), pygame.SRCALPHA, 32)
    layer.fill((0, 0, 0, 0))
    layer.blit(sil, sil.get_rect(midbottom=(glass.centerx, glass.bottom + 16)))
    layer.blit(gm, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    s.blit(layer, (0, 0))
    if emotion == "smug":
        sparkle(s, glass.centerx + 34, glass.top + 70, 8, GOLD_LT, 2)
    # highlight streaks
    for off in (0, 18):
        pygame.draw.line(s, WHITE, (glass.left + 30 + off, glass.top + 40), (glass.left + 70 + off, glass.top + 10), 5)
    if emotion == "warped":
        for a, b in (((150, 90), (170, 120)), ((170, 120), (160, 150)), ((170, 120), (196, 128))):
            pygame.draw.line(s, WHITE, a, b, 3)
    pygame.draw.ellipse(s, INK, glass, 4)


DRAW = {
    "star": draw_star, "barker": draw_barker, "editor": draw_editor, "paparazzi": draw_paparazzi,
    "teeth": lambda s, e: draw_teeth(s, e, 1.0, 0, 10), "skeleton": draw_skeleton, "fan": draw_fan,
    "mirror": draw_mirror,
}


def build() -> list[str]:
    """Render every portrait; returns relative paths."""
    out = []
    for char, emotions in CAST.items():
        for emo in emotions:
            s = surf(W, H, alpha=True)
            if char != "mirror":
                backing(s, char, emo)
            DRAW[char](s, emo)
            s = cutout(s, 5, WHITE, 2, seed=f"{char}-{emo}")
            rel = f"portraits/{char}_{emo}.png"
            save_png(s, rel)
            out.append(rel)
    return out


if __name__ == "__main__":
    from common import init

    init()
    print("\n".join(build()))
