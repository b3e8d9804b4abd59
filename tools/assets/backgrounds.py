"""Backgrounds: backgrounds/<scene>.png, 960x540 collage scenes over newsprint."""
from __future__ import annotations

import math
import random

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
    PINK,
    RED,
    RED_DK,
    RED_LT,
    SKY,
    TEAL,
    TEAL_LT,
    WHITE,
    Color,
    block_text,
    circle,
    curve,
    ellipse,
    fake_text,
    halftone,
    newsprint,
    paper_scrap,
    poly,
    poly_mask,
    rect,
    rng,
    save_png,
    shaded_poly,
    sparkle,
    star_points,
    surf,
    text_width,
    thick_line,
    torn_blob,
    torn_polygon,
)
from portraits import star_silhouette, warp

W, H = 960, 540
Pt = tuple[float, float]


# ----------------------------------------------------------------------------- kit

def sky(s: pygame.Surface, top: Color, dots: Color, horizon: float = 0.7, stars: int = 40,
        seed: str = "sky") -> None:
    """Night sky: flat colour, halftone glow toward the horizon, cut-paper stars."""
    r = rng(seed)
    s.fill(top)
    halftone(s, (0, 0, W, H * horizon + 40), dots, 14, lambda u, v: max(0.0, v - 0.35) * 1.1)
    for _ in range(stars):
        x, y = r.uniform(10, W - 10), r.uniform(8, H * horizon * 0.7)
        if r.random() < 0.3:
            sparkle(s, x, y, r.uniform(4, 9), GOLD_LT, 1)
        else:
            circle(s, (x, y), r.choice([1, 2, 2]), CREAM)


def moon(s: pygame.Surface, cx: float, cy: float, rad: float, seed: str = "moon") -> None:
    """A torn newspaper moon with halftone craters."""
    r = rng(seed)
    pts = torn_blob(r, cx, cy, rad, rad, 0.03, 48)
    poly(s, [(x + 5, y + 6) for x, y in pts], INK)
    poly(s, pts, PAPER)
    sub = surf(int(rad * 2), int(rad * 2), fill=PAPER)
    fake_text(sub, r, (4, 4, rad * 2 - 8, rad * 2 - 8), PAPER3, 6, 2, 2)
    m = poly_mask((int(rad * 2), int(rad * 2)), [(x - cx + rad, y - cy + rad) for x, y in pts])
    sub = sub.convert_alpha()
    sub.blit(m, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    s.blit(sub, (cx - rad, cy - rad))
    halftone(s, (cx - rad, cy - rad, rad * 2, rad * 2), GOLD, 9, lambda u, v: max(0.0, u + v - 1.0) * 1.2,
             mask=poly_mask((W, H), pts))
    pygame.draw.polygon(s, INK, pts, 3)


def skyline(s: pygame.Surface, r: random.Random, base_y: float, color: Color, hmin: int, hmax: int,
            dots: Color | None = None, windows: Color | None = None) -> None:
    """Torn-paper building silhouettes along base_y."""
    x = -20
    while x < W + 20:
        bw = r.randint(40, 110)
        bh = r.randint(hmin, hmax)
        top = base_y - bh
        pts = torn_polygon(r, (x, top, bw, bh + 80), 2.0, 7)
        if r.random() < 0.3:
            pts = [(x + bw / 2, top - r.randint(20, 50))] + pts
        poly(s, pts, color)
        if dots:
            halftone(s, (x, top, bw, bh), dots, 8, lambda u, v: 0.3 * (1 - u), mask=poly_mask((W, H), pts))
        if windows:
            for wy in range(int(top) + 12, int(base_y) - 10, 16):
                for wx in range(x + 8, x + bw - 10, 14):
                    if r.random() < 0.28:
                        rect(s, (wx, wy, 6, 8), windows)
        x += bw - r.randint(0, 14)


def bunting(s: pygame.Surface, r: random.Random, a: Pt, b: Pt, sag: float, n: int,
            colors: tuple[Color, ...] = (RED, CREAM, GOLD)) -> None:
    """A string of pennants."""
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + sag)
    pts = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        pts.append((u * u * a[0] + 2 * u * t * mid[0] + t * t * b[0], u * u * a[1] + 2 * u * t * mid[1] + t * t * b[1]))
    for p0, p1 in zip(pts, pts[1:], strict=False):
        pygame.draw.line(s, INK, p0, p1, 2)
    for i, (p0, p1) in enumerate(zip(pts, pts[1:], strict=False)):
        tip = ((p0[0] + p1[0]) / 2 + r.uniform(-2, 2), (p0[1] + p1[1]) / 2 + abs(p1[0] - p0[0]) * 1.1)
        c = colors[i % len(colors)]
        poly(s, [p0, p1, tip], c, 2)


def headline_banner(s: pygame.Surface, r: random.Random, text: str, cx: float, cy: float, cell: float,
                    color: Color = RED, paper: Color = CREAM, tilt: float = 0.0, shadow: Color = INK) -> None:
    """Torn paper strip carrying a block-letter headline."""
    tw = text_width(text, cell * 0.75)
    bw, bh = tw + cell * 4, cell * 7 + cell * 3
    strip = surf(int(bw + 30), int(bh + 30), alpha=True)
    pts = torn_polygon(r, (10, 10, bw, bh), 3, 8)
    poly(strip, [(x + 5, y + 6) for x, y in pts], INK)
    poly(strip, pts, paper)
    block_text(strip, text, 10 + cell * 2, 10 + cell * 1.5, cell * 0.75, cell, color, shadow=shadow)
    strip = pygame.transform.rotate(strip, tilt)
    s.blit(strip, strip.get_rect(center=(cx, cy)))


def big_top(s: pygame.Surface, cx: float, base: float, w: float, h: float, seed: str = "tent") -> None:
    """Striped circus tent with flag."""
    r = rng(seed)
    top = (cx, base - h)
    left, right = (cx - w / 2, base), (cx + w / 2, base)
    eave_y = base - h * 0.45
    roof = [top, (cx + w / 2, eave_y), (cx - w / 2, eave_y)]
    body = [(cx - w / 2 + 10, eave_y), (cx + w / 2 - 10, eave_y), right, left]
    n = 8
    for i in range(n):
        c = RED if i % 2 == 0 else CREAM
        x0 = cx - w / 2 + w * i / n
        x1 = cx - w / 2 + w * (i + 1) / n
        poly(s, [top, (x1, eave_y), (x0, eave_y)], c)
        poly(s, [(x0 + (10 if i == 0 else 0), eave_y), (x1 - (10 if i == n - 1 else 0), eave_y),
                 (x1 + (w * 0.0), base), (x0, base)], CREAM if i % 2 == 0 else RED)
    halftone(s, (cx - w / 2, base - h, w, h), RED_DK, 9, lambda u, v: max(0.0, u - 0.45) * 1.2,
             mask=poly_mask((W, H), roof + body))
    pygame.draw.polygon(s, INK, roof, 4)
    pygame.draw.polygon(s, INK, body, 4)
    # scalloped valance
    for i in range(n * 2):
        x = cx - w / 2 + w * (i + 0.5) / (n * 2)
        pygame.draw.circle(s, GOLD if i % 2 else RED_DK, (round(x), round(eave_y)), round(w / (n * 4)) + 1)
        pygame.draw.circle(s, INK, (round(x), round(eave_y)), round(w / (n * 4)) + 1, 2)
    # door
    door = [(cx - w * 0.09, base), (cx, base - h * 0.33), (cx + w * 0.09, base)]
    poly(s, door, INK)
    poly(s, [(cx - w * 0.06, base), (cx, base - h * 0.27), (cx + w * 0.06, base)], GOLD_DK)
    # flag
    pygame.draw.line(s, INK, top, (top[0], top[1] - 40), 3)
    poly(s, [(top[0], top[1] - 40), (top[0] + 34, top[1] - 32), (top[0], top[1] - 24)], GOLD, 2)
    sparkle(s, top[0] + 12, top[1] - 32, 5, RED, 1)
    del r


def ferris_wheel(s: pygame.Surface, cx: float, cy: float, rad: float) -> None:
    """Ferris wheel in ink with gold lights and red cars."""
    pygame.draw.line(s, INK, (cx, cy), (cx - rad * 0.6, cy + rad * 1.25), 6)
    pygame.draw.line(s, INK, (cx, cy), (cx + rad * 0.6, cy + rad * 1.25), 6)
    pygame.draw.circle(s, INK, (round(cx), round(cy)), round(rad), 5)
    pygame.draw.circle(s, INK, (round(cx), round(cy)), round(rad * 0.85), 2)
    n = 12
    for i in range(n):
        a = 2 * math.pi * i / n
        x, y = cx + math.cos(a) * rad, cy + math.sin(a) * rad
        pygame.draw.line(s, INK, (cx, cy), (x, y), 2)
        circle(s, (x, y), 3, GOLD_LT)
        rect(s, (x - 9, y + 4, 18, 14), RED if i % 2 else GOLD, 2)
    circle(s, (cx, cy), 10, GOLD, 3)


def ground(s: pygame.Surface, y: float, color: Color, dots: Color, seed: str) -> list[Pt]:
    """Torn ground strip from y to the bottom."""
    r = rng(seed)
    pts = torn_polygon(r, (-20, y, W + 40, H - y + 40), 3, 10)
    poly(s, pts, color)
    halftone(s, (0, y, W, H - y), dots, 10, lambda u, v: 0.2 + 0.6 * v, mask=poly_mask((W, H), pts))
    pygame.draw.polygon(s, INK, pts, 3)
    return pts


def spotlight(s: pygame.Surface, top: Pt, bl: Pt, br: Pt, color: Color, spacing: float = 9) -> None:
    """A halftone light cone."""
    pts = [top, br, bl]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    down = bl[1] > top[1]
    halftone(s, (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), color, spacing,
             lambda u, v: 0.25 + 0.6 * ((1 - v) if down else v), mask=poly_mask((W, H), pts))


def newsprint_bg(seed: str, base: Color = PAPER, ink: Color = PAPER3) -> pygame.Surface:
    """Full-canvas newspaper page."""
    s = surf(W, H, fill=base)
    newsprint(s, rng(seed), base, 6, ink)
    return s


def vignette(s: pygame.Surface, color: Color = INK, spacing: float = 12) -> None:
    """Halftone darkening toward the corners."""
    halftone(s, (0, 0, W, H), color, spacing,
             lambda u, v: max(0.0, math.hypot(u - 0.5, (v - 0.5) * 0.9) - 0.5) * 2.6)


def lenses_ring(s: pygame.Surface, cx: float, cy: float, rx: float, ry: float, n: int, size: float,
                seed: str) -> None:
    """A ring of camera lenses looking in."""
    r = rng(seed)
    for i in range(n):
        a = 2 * math.pi * i / n + r.uniform(-0.05, 0.05)
        x, y = cx + math.cos(a) * rx, cy + math.sin(a) * ry
        sz = size * r.uniform(0.8, 1.2) * (0.8 + 0.3 * (math.sin(a) + 1) / 2)
        rect(s, (x - sz * 1.2, y - sz * 0.9, sz * 2.4, sz * 1.8), GREY_DK, 3)
        circle(s, (x, y), sz * 0.8, GREY, 3)
        circle(s, (x, y), sz * 0.55, INK)
        circle(s, (x - sz * 0.2, y - sz * 0.2), max(2, sz * 0.15), WHITE)


# ----------------------------------------------------------------------------- scenes

def title() -> pygame.Surface:
    """Star-Land skyline at night, big top, headline bunting."""
    s = surf(W, H)
    r = rng("title")
    sky(s, MIDNIGHT, NAVY, 0.75, 60, "title-sky")
    moon(s, 800, 110, 62)
    skyline(s, r, 430, NAVY, 60, 200, DUSK, GOLD_DK)
    ferris_wheel(s, 180, 250, 120)
    # spotlights sweeping up from behind the tent
    spotlight(s, (400, 450), (210, 0), (300, 0), GOLD_LT, 10)
    spotlight(s, (640, 450), (700, 0), (800, 0), GOLD_LT, 10)
    big_top(s, 520, 460, 420, 300)
    ground(s, 452, MIDNIGHT, NAVY, "title-ground")
    # a queue of tiny visitors, all holding cameras up
    for i in range(14):
        x = 40 + i * 30 + (i % 3) * 4
        if 300 < x < 330:
            continue
        y = 492 + (i % 2) * 6
        ellipse(s, (x - 7, y - 22, 14, 14), INK)
        poly(s, [(x - 9, y - 8), (x + 9, y - 8), (x + 11, y + 30), (x - 11, y + 30)], INK)
        rect(s, (x + 4, y - 28, 10, 7), GREY_DK)
        circle(s, (x + 9, y - 25), 2, GOLD_LT)
    bunting(s, r, (0, 40), (W, 60), 70, 22)
    # no STAR-LAND banner here: the title screen draws the game's name in that place
    headline_banner(s, r, "EXTRA!", 820, 480, 5, RED, GOLD_LT, 6, INK)
    vignette(s)
    return s


def front_gate() -> pygame.Surface:
    """The Star's front door turned into a ticket booth and turnstile.

    The props sit under the explore hotspots of levels/front_page.json (scene front_gate):
    hedge (10,230,120,150), mailbox (160,250,70,130), poster (300,110,160,270),
    booth (530,170,170,200), turnstile (710,250,60,140), queue (790,200,150,180),
    doormat (580,460,100,40). Keep them in step if either side moves.
    """
    s = surf(W, H)
    r = rng("front_gate")
    sky(s, NAVY, DUSK, 0.6, 30, "gate-sky")
    skyline(s, r, 300, MIDNIGHT, 40, 120, None, GOLD_DK)
    # the house: cut from newspaper
    house = [(250, 330), (250, 150), (480, 60), (710, 150), (710, 330)]
    sub = newsprint_bg("gate-house", PAPER, PAPER3)
    m = poly_mask((W, H), house)
    sub = sub.convert_alpha()
    sub.blit(m, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    pygame.draw.polygon(s, INK, [(x + 7, y + 8) for x, y in house])
    s.blit(sub, (0, 0))
    halftone(s, (250, 60, 460, 270), PAPER3, 8, lambda u, v: u * 0.5, mask=m)
    pygame.draw.polygon(s, INK, house, 4)
    poly(s, [(230, 160), (480, 50), (730, 160), (730, 176), (480, 66), (230, 176)], RED, 3)
    # attic window with a lens peeking out
    circle(s, (480, 112), 17, MIDNIGHT, 4)
    circle(s, (480, 112), 9, GREY, 2)
    circle(s, (480, 112), 5, INK)
    circle(s, (478, 110), 2, WHITE)
    _gate_poster(s)
    _gate_booth(s)
    ground(s, 330, BROWN, INK, "gate-ground")
    # path from the front door, strewn with newspapers
    path = [(560, 330), (670, 330), (790, 540), (450, 540)]
    poly(s, path, PAPER2, 3)
    for i in range(5):
        y = 350 + i * 38
        t = (y - 330) / 210
        pygame.draw.line(s, PAPER3, (560 - 110 * t + 14, y), (670 + 120 * t - 14, y), 3)
    _gate_doormat(s)
    _gate_hedge(s)
    _gate_mailbox(s)
    _gate_queue(s)
    _gate_turnstile(s, r)
    # velvet rope in front of the poster (it is an exhibit now) and along the queue
    for x0, x1 in ((260, 450), (790, 940)):
        for x in (x0, x1):
            rect(s, (x - 5, 400, 10, 60), GOLD_DK, 2)
            circle(s, (x, 398), 8, GOLD, 2)
        curve(s, (x0, 410), ((x0 + x1) / 2, 440), (x1, 410), 6, RED_DK)
    # bunting along the eaves
    bunting(s, r, (232, 164), (480, 56), 4, 14)
    bunting(s, r, (480, 56), (728, 164), 4, 14)
    # low enough to show under the cutscene letterbox, left of the button row (x > 570, y < 44)
    headline_banner(s, r, "NOW OPEN", 455, 56, 5, RED, CREAM, 2)
    vignette(s)
    return s


def _gate_poster(s: pygame.Surface) -> None:
    """A garage-door-sized tabloid poster pasted on the house wall, torn at a corner."""
    r = rng("gate-poster")
    w, h = 160, 178
    p = surf(w + 24, h + 24, alpha=True)
    pts = torn_polygon(r, (10, 10, w, h), 3, 7)
    poly(p, [(a + 5, b + 6) for a, b in pts], INK)
    poly(p, pts, WHITE, 2)
    halftone(p, (10, 10, w, h), PAPER3, 6, lambda u, v: 0.15 + 0.2 * v, mask=poly_mask(p.get_size(), pts))
    # masthead band and headline
    rect(p, (14, 16, w - 8, 58), RED)
    block_text(p, "SEE THE", 10 + (w - text_width("SEE THE", 2.4)) / 2, 21, 2.4, 2.8, CREAM)
    block_text(p, "STAR!", 10 + (w - text_width("STAR!", 4.6)) / 2, 44, 4.6, 3.8, GOLD_LT, shadow=INK)
    # the photograph: the Star mid-sneeze at a bus stop
    ph = (22, 82, w - 24, 62)
    rect(p, ph, MIST, 2)
    halftone(p, ph, GREY, 6, lambda u, v: 0.2 + 0.4 * v)
    thick_line(p, (ph[0] + 22, ph[1] + 62), (ph[0] + 22, ph[1] + 14), 3, GREY_DK)
    circle(p, (ph[0] + 22, ph[1] + 12), 8, RED, 2)
    sil = star_silhouette(52, 58, INK, clip=GOLD)
    p.blit(sil, sil.get_rect(midbottom=(ph[0] + ph[2] * 0.6, ph[1] + ph[3] + 2)))
    block_text(p, "ACHOO", ph[0] + ph[2] - 38, ph[1] + 6, 1.2, 1.6, RED)
    pygame.draw.rect(p, INK, ph, 2)
    # small print and a sticker
    block_text(p, "EATS TOAST!", 22, ph[1] + ph[3] + 8, 1.3, 1.8, RED)
    fake_text(p, r, (22, ph[1] + ph[3] + 24, w - 26, 20), GREY, 5, bar=2)
    poly(p, star_points(w - 4, ph[1] + ph[3] + 14, 17, 9), GOLD, 2)
    # the torn-off bottom-left corner: a flap hanging down
    tear = [(10, h - 20), (40, h + 12), (10, h + 12)]
    pygame.draw.polygon(p, (0, 0, 0, 0), tear)
    poly(p, [(10, h - 20), (40, h + 12), (22, h + 22)], PAPER3, 2)
    # paste tape
    for tx, ty in ((16, 12), (w - 8, 14), (w - 6, h + 2)):
        rect(p, (tx - 8, ty - 4, 18, 8), GREY, 1)
    p = pygame.transform.rotate(p, -2.5)
    s.blit(p, p.get_rect(center=(382, 240)))


def _gate_booth(s: pygame.Surface) -> None:
    """The front door, now a ticket booth: sign, awning, lit window, counter."""
    rect(s, (546, 204, 138, 126), RED_DK, 4)
    rect(s, (558, 218, 114, 74), GOLD_LT, 3)
    halftone(s, (558, 218, 114, 74), GOLD, 6, lambda u, v: v)
    rect(s, (536, 292, 158, 14), GOLD, 3)
    # striped awning
    for i in range(8):
        x = 535 + i * 20
        poly(s, [(x, 188), (x + 20, 188), (x + 20, 206), (x + 10, 214), (x, 206)], RED if i % 2 == 0 else CREAM, 2)
    # sign board above the door
    rect(s, (560, 162, 108, 26), INK)
    rect(s, (556, 158, 108, 26), GOLD, 3)
    block_text(s, "TICKETS", 610 - text_width("TICKETS", 2.2) / 2, 161, 2.2, 2.8, RED_DK)


def _gate_doormat(s: pygame.Surface) -> None:
    """WELCOME, with TO STAR-LAND added in gold paint."""
    mat = [(586, 464), (674, 464), (680, 498), (580, 498)]
    poly(s, [(x + 3, y + 4) for x, y in mat], INK)
    poly(s, mat, RED_DK, 2)
    halftone(s, (580, 464, 100, 34), INK, 5, lambda u, v: 0.15)
    for x in range(584, 680, 5):
        pygame.draw.line(s, BONE, (x, 498), (x, 502), 1)
    block_text(s, "WELCOME", 630 - text_width("WELCOME", 1.5) / 2, 468, 1.5, 1.9, CREAM)
    block_text(s, "TO STAR-LAND", 630 - text_width("TO STAR-LAND", 0.9) / 2, 485, 0.9, 1.3, GOLD_LT)


def _gate_hedge(s: pygame.Surface) -> None:
    """A suspicious hedge with camera lenses poking out of it."""
    r = rng("gate-hedge")
    pts = torn_blob(r, 62, 322, 96, 102, 0.07, 40)
    pts = [(x, min(y, 414)) for x, y in pts]
    poly(s, [(x + 5, y + 6) for x, y in pts], INK)
    poly(s, pts, TEAL)
    m = poly_mask((W, H), pts)
    halftone(s, (-40, 215, 200, 200), INK, 7, lambda u, v: 0.15 + 0.45 * v, mask=m)
    # leafy scallops
    for _ in range(46):
        a = r.uniform(0, 2 * math.pi)
        k = r.uniform(0.35, 0.92)
        x, y = 62 + math.cos(a) * 96 * k, 322 + math.sin(a) * 102 * k
        if y > 400:
            continue
        c = TEAL_LT if y < 300 or r.random() < 0.3 else TEAL
        circle(s, (x, y), r.uniform(6, 11), c, 2)
    pygame.draw.polygon(s, INK, pts, 3)
    # lenses (and a flash going off)
    for x, y, sz in ((128, 262, 11), (142, 330, 13), (30, 236, 9), (96, 226, 8), (14, 368, 10), (120, 388, 9)):
        rect(s, (x - sz * 1.2, y - sz * 0.9, sz * 2.4, sz * 1.8), GREY_DK, 2)
        circle(s, (x, y), sz * 0.8, GREY, 2)
        circle(s, (x, y), sz * 0.5, INK)
        circle(s, (x - sz * 0.2, y - sz * 0.2), max(2, sz * 0.15), WHITE)
    sparkle(s, 150, 246, 12, GOLD_LT, 1)


def _gate_mailbox(s: pygame.Surface) -> None:
    """The Star's mailbox on a post, stuffed with letters, the flag lying flat."""
    r = rng("gate-mailbox")
    rect(s, (186, 300, 14, 128), BROWN, 3)
    rect(s, (178, 424, 30, 8), BROWN, 2)
    pygame.draw.rect(s, INK, (174, 272, 62, 34), border_top_right_radius=15)
    pygame.draw.rect(s, RED, (170, 268, 62, 34), border_top_right_radius=15)
    pygame.draw.rect(s, INK, (170, 268, 62, 34), 3, border_top_right_radius=15)
    halftone(s, (170, 268, 62, 34), RED_DK, 5, lambda u, v: 0.2 + 0.4 * v)
    # the open front: a dark arch
    arch = [(160, 302), (160, 282)]
    arch += [(171 - math.cos(a * math.pi / 10) * 11, 282 - math.sin(a * math.pi / 10) * 11) for a in range(11)]
    arch += [(182, 302)]
    poly(s, arch, INK)
    # letters bursting out of the open front
    for i in range(6):
        e = surf(26, 16, alpha=True)
        rect(e, (0, 0, 26, 16), WHITE if i % 2 else CREAM, 2)
        pygame.draw.lines(e, GREY, False, [(1, 1), (13, 9), (25, 1)], 1)
        e = pygame.transform.rotate(e, r.uniform(-50, 50))
        s.blit(e, e.get_rect(center=(166 + r.uniform(-8, 6), 262 + i * 7 + r.uniform(-3, 3))))
    # painted lettering and the flat flag
    block_text(s, "LETTERS", 186, 277, 0.95, 1.3, CREAM)
    block_text(s, "TO STAR", 186, 289, 0.95, 1.0, GOLD_LT)
    rect(s, (214, 298, 22, 5), GOLD, 1)
    rect(s, (230, 295, 8, 10), RED, 1)


def _gate_queue(s: pygame.Surface) -> None:
    """The queue: a sign and a line of fans with cameras snaking off to the right."""
    for x in (832, 918):
        rect(s, (x - 3, 214, 6, 110), GOLD_DK, 1)
    rect(s, (812, 194, 132, 28), INK)
    rect(s, (808, 190, 132, 28), CREAM, 3)
    block_text(s, "QUEUE HERE", 874 - text_width("QUEUE HERE", 1.6) / 2, 195, 1.6, 2.6, RED)
    for i, (x, y) in enumerate(((790, 338), (812, 322), (930, 330), (948, 318), (900, 312), (842, 312))):
        k = 0.85 if y < 320 else 1.0
        coat = (RED_DK, TEAL, GOLD_DK, DUSK, BROWN, GREY_DK)[i]
        body = [(x - 11 * k, y - 18 * k), (x + 11 * k, y - 18 * k), (x + 13 * k, y + 30), (x - 13 * k, y + 30)]
        poly(s, body, coat, 2)
        ellipse(s, (x - 8 * k, y - 34 * k, 16 * k, 16 * k), PEACH, 2)
        pygame.draw.arc(s, INK, (x - 8 * k, y - 34 * k, 16 * k, 16 * k), 0, math.pi, 5)
        rect(s, (x + 3, y - 42 * k, 12 * k, 8 * k), GREY_DK)
        circle(s, (x + 9, y - 38 * k), 2, GOLD_LT if i % 2 else WHITE)


def _gate_turnstile(s: pygame.Surface, r: random.Random) -> None:
    """A tall brass turnstile with an ENTER board and a photo slot."""
    tx = 740
    for x in (716, 764):
        rect(s, (x - 4, 268, 8, 186), GOLD_DK, 2)
    rect(s, (706, 252, 68, 24), RED, 3)
    block_text(s, "ENTER", tx - text_width("ENTER", 1.6) / 2, 256, 1.6, 2.2, CREAM)
    rect(s, (tx - 24, 350, 48, 96), GREY, 3)
    rect(s, (tx - 24, 350, 48, 12), RED, 3)
    rect(s, (tx - 12, 370, 24, 5), INK)
    sparkle(s, tx, 384, 5, GOLD_LT, 1)
    for a in (0.4, 2.5, 4.6):
        end = (tx + math.cos(a) * 46, 406 + math.sin(a) * 16)
        thick_line(s, (tx, 406), end, 7, INK)
        thick_line(s, (tx, 406), end, 4, GOLD)
    circle(s, (tx, 406), 9, GOLD_DK, 3)
    # rumour tickets spewing out
    for i in range(3):
        ang = r.uniform(-30, 30)
        t = surf(46, 22, alpha=True)
        rect(t, (0, 0, 46, 22), CREAM, 2)
        rect(t, (6, 6, r.randint(16, 30), 4), RED)
        rect(t, (6, 13, r.randint(12, 30), 3), GREY)
        t = pygame.transform.rotate(t, ang)
        s.blit(t, t.get_rect(center=(770 + i * 30, 470 + i * 14)))


def ticket_booth() -> pygame.Surface:
    """Close-up of the booth counter (dialogue)."""
    s = surf(W, H)
    r = rng("booth")
    # back wall: posters over red stripes
    for i in range(0, W, 60):
        rect(s, (i, 0, 60, H), RED if (i // 60) % 2 == 0 else RED_DK)
    halftone(s, (0, 0, W, 380), INK, 10, lambda u, v: 0.15 + 0.35 * v)
    posters = [(40, 40, 200, 250, -4), (700, 30, 220, 280, 3), (300, 70, 150, 120, 2), (510, 60, 160, 130, -2)]
    for x, y, w, h, ang in posters:
        p = surf(w + 20, h + 20, alpha=True)
        pts = torn_polygon(r, (10, 10, w, h), 3, 8)
        poly(p, [(a + 4, b + 5) for a, b in pts], INK)
        poly(p, pts, PAPER)
        pr = rng(f"poster{x}")
        if h > 200:
            halftone(p, (24, 60, w - 28, h * 0.55), MIDNIGHT, 7, lambda u, v: 0.3 + 0.5 * v)
            sil = star_silhouette(int(w * 0.55), int(h * 0.5), INK, clip=GOLD)
            p.blit(sil, sil.get_rect(midbottom=(10 + w / 2, 60 + h * 0.55)))
            block_text(p, "SEE IT!" if x < 400 else "LIVE!", 22, 22, 3, 4.2, RED, shadow=INK)
            fake_text(p, pr, (24, h * 0.72, w - 30, h * 0.25), GREY, 6, bar=2)
        else:
            block_text(p, "WOW", 24, 20, 3, 4, RED)
            fake_text(p, pr, (20, 60, w - 24, h - 56), GREY, 6, bar=2)
        p = pygame.transform.rotate(p, ang)
        s.blit(p, p.get_rect(topleft=(x, y)))
    # window frame
    rect(s, (0, 300, W, 30), GOLD, 4)
    halftone(s, (0, 300, W, 30), GOLD_DK, 6, lambda u, v: v)
    # counter
    poly(s, [(0, 380), (W, 380), (W, H), (0, H)], BROWN, 4)
    halftone(s, (0, 380, W, 160), INK, 9, lambda u, v: 0.2 + 0.5 * v)
    poly(s, [(-10, 350), (W + 10, 350), (W + 10, 390), (-10, 390)], RED, 4)
    for i in range(0, W, 40):
        pygame.draw.line(s, RED_DK, (i, 352), (i + 20, 388), 3)
    # items on the counter: ticket roll, bell, stamp, a stack of photo-tickets
    circle(s, (150, 330), 44, CREAM, 4)
    circle(s, (150, 330), 16, GOLD, 3)
    poly(s, [(150, 374), (330, 374), (330, 356), (150, 356)], CREAM, 3)
    for x in range(160, 330, 30):
        pygame.draw.line(s, RED, (x, 358), (x, 372), 2)
    ellipse(s, (760, 318, 70, 40), GOLD, 4)
    rect(s, (790, 304, 10, 16), GREY_DK, 2)
    ellipse(s, (772, 350, 46, 10), GOLD_DK, 2)
    for i in range(6):
        t = surf(110, 70, alpha=True)
        rect(t, (0, 0, 110, 70), WHITE, 3)
        rect(t, (8, 8, 94, 54), MIST)
        sil = star_silhouette(34, 50, MIDNIGHT, clip=GOLD)
        t.blit(sil, (38, 12))
        t = pygame.transform.rotate(t, r.uniform(-14, 14))
        s.blit(t, t.get_rect(center=(560 + i * 6, 330 - i * 8)))
    vignette(s)
    return s


def coaster() -> pygame.Surface:
    """Roller-coaster track made of newspaper pages, sky."""
    s = surf(W, H)
    r = rng("coaster")
    sky(s, DUSK, SKY, 0.8, 20, "coaster-sky")
    # clouds of torn paper
    for cx, cy, w in ((140, 90, 180), (520, 60, 240), (830, 130, 160)):
        pts = torn_blob(r, cx, cy, w / 2, 28, 0.1, 30)
        poly(s, [(x + 4, y + 5) for x, y in pts], NAVY)
        poly(s, pts, CREAM, 2)
        halftone(s, (cx - w / 2, cy - 30, w, 60), PAPER3, 6, lambda u, v: v * 0.8, mask=poly_mask((W, H), pts))
    skyline(s, r, 470, NAVY, 40, 130, None, GOLD_DK)
    # track: a thick ribbon of newspaper pages along a curve, with trestles
    def ty(x: float) -> float:
        return 330 + 110 * math.sin(x / 150) + 40 * math.sin(x / 61 + 1)
    for x in range(-20, W + 40, 48):
        thick_line(s, (x, ty(x) + 20), (x - 18, H), 7, INK)
        thick_line(s, (x, ty(x) + 20), (x + 18, H), 7, INK)
        thick_line(s, (x - 8, (ty(x) + H) / 2 + 30), (x + 8, (ty(x) + H) / 2 + 30), 5, INK)
    page = newsprint_bg("coaster-pages", PAPER, GREY)
    top = [(x, ty(x) - 6) for x in range(-20, W + 40, 8)]
    bottom = [(x, ty(x) + 26) for x in range(W + 32, -28, -8)]
    pts = top + bottom
    m = poly_mask((W, H), pts)
    pl = page.convert_alpha()
    pl.blit(m, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    pygame.draw.polygon(s, INK, [(x + 4, y + 6) for x, y in pts])
    s.blit(pl, (0, 0))
    for x in range(-20, W + 40, 64):
        pygame.draw.line(s, GREY_DK, (x, ty(x) - 6), (x, ty(x) + 26), 2)
    pygame.draw.lines(s, INK, False, top, 4)
    pygame.draw.lines(s, INK, False, bottom, 4)
    pygame.draw.lines(s, RED, False, [(x, y - 4) for x, y in top], 4)
    # loose pages fluttering
    for _i in range(7):
        x, y = r.uniform(40, W - 40), r.uniform(150, 300)
        p = surf(56, 40, alpha=True)
        paper_scrap(p, r, (4, 4, 44, 30), PAPER, True, 2, True)
        p = pygame.transform.rotate(p, r.uniform(-40, 40))
        s.blit(p, (x, y))
    # left of centre: the game draws its Back/Log/Auto/Skip/Hide/Menu buttons over x > 570, y < 44
    headline_banner(s, r, "HEADLINE COASTER", 385, 40, 4, RED, CREAM, -2)
    vignette(s)
    return s


def hall_of_mirrors() -> pygame.Surface:
    """Corridor of warped mirror frames."""
    s = surf(W, H, fill=MIDNIGHT)
    r = rng("mirrors")
    vx, vy = W / 2, 250
    # floor checker in perspective
    for i in range(16):
        for j in range(12):
            z0, z1 = 1 + j * 0.9, 1 + (j + 1) * 0.9
            x0a, x1a = (i - 8) * 120 / z0 + vx, (i - 7) * 120 / z0 + vx
            x0b, x1b = (i - 8) * 120 / z1 + vx, (i - 7) * 120 / z1 + vx
            ya, yb = vy + 300 / z0, vy + 300 / z1
            c = RED_DK if (i + j) % 2 else INK
            poly(s, [(x0a, ya), (x1a, ya), (x1b, yb), (x0b, yb)], c)
    # walls
    poly(s, [(0, 0), (vx - 90, vy - 90), (vx - 90, vy + 40), (0, H)], NAVY)
    poly(s, [(W, 0), (vx + 90, vy - 90), (vx + 90, vy + 40), (W, H)], NAVY)
    halftone(s, (0, 0, W, H), MIDNIGHT, 10, lambda u, v: abs(u - 0.5) * 1.2)
    rect(s, (vx - 90, vy - 90, 180, 130), INK)
    # mirror frames receding on both walls
    for side in (-1, 1):
        for k, z in enumerate((1.0, 1.6, 2.6, 4.2)):
            x = vx + side * (380 / z + 60)
            fh = 300 / z
            fw = 150 / z
            rc = pygame.Rect(0, 0, fw, fh)
            rc.center = (round(x), round(vy - 10 / z + 20))
            ellipse(s, rc.inflate(10 / z + 6, 10 / z + 6), INK)
            ellipse(s, rc, GOLD, max(2, round(4 / z)))
            inner = rc.inflate(-24 / z, -24 / z)
            glass = surf(inner.w, inner.h, alpha=True)
            pygame.draw.ellipse(glass, (GLASS if k % 2 else MIST) + (255,), glass.get_rect())
            sil = star_silhouette(max(8, int(inner.w * 0.8)), max(10, int(inner.h * 0.85)), MIDNIGHT, clip=GOLD)
            sil = warp(sil, inner.w * 0.12, 1 + k * 0.5, 0.25 + 0.05 * k, k + side)
            glass.blit(sil, sil.get_rect(midbottom=(inner.w / 2, inner.h + 4)))
            gm = surf(inner.w, inner.h, alpha=True)
            pygame.draw.ellipse(gm, (255, 255, 255, 255), gm.get_rect())
            glass.blit(gm, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
            s.blit(glass, inner)
            pygame.draw.line(s, WHITE, (inner.left + inner.w * 0.25, inner.top + inner.h * 0.25),
                             (inner.left + inner.w * 0.45, inner.top + inner.h * 0.1), max(1, round(4 / z)))
            pygame.draw.ellipse(s, INK, inner, max(1, round(3 / z)))
            for i in range(12):
                a = 2 * math.pi * i / 12
                circle(s, (rc.centerx + math.cos(a) * rc.w / 2, rc.centery + math.sin(a) * rc.h / 2),
                       max(2, 8 / z), GOLD_LT, 1)
    # hanging bulbs
    for i in range(9):
        x = 80 + i * 100
        y = 30 + abs(i - 4) * 6
        pygame.draw.line(s, INK, (x, 0), (x, y), 2)
        circle(s, (x, y + 6), 7, GOLD_LT, 2)
    bunting(s, r, (0, 10), (W, 10), 50, 20, (GOLD, TEAL_LT, CREAM))
    vignette(s, INK, 10)
    return s


def cabinet() -> pygame.Surface:
    """Curiosity cabinet hall, glass cases, a small stage with lanes."""
    s = surf(W, H)
    r = rng("cabinet")
    # wallpaper
    s.fill(TEAL)
    for y in range(0, 360, 40):
        for x in range(0, W + 40, 40):
            ox = 20 if (y // 40) % 2 else 0
            sparkle(s, x + ox, y + 20, 6, TEAL_LT, 0)
    halftone(s, (0, 0, W, 360), INK, 10, lambda u, v: 0.1 + 0.5 * v)
    # wainscot
    rect(s, (0, 300, W, 60), BROWN, 4)
    for x in range(0, W, 80):
        rect(s, (x + 8, 308, 64, 44), RED_DK, 2)
    # glass cases with odd exhibits
    exhibits = ["shades", "mic", "bone"]
    for i, x in enumerate((40, 220, 740)):
        rect(s, (x, 110, 170, 200), BROWN, 4)
        rect(s, (x + 12, 122, 146, 150), GLASS, 3)
        halftone(s, (x + 12, 122, 146, 150), MIST, 7, lambda u, v: 0.2 + 0.3 * u)
        kind = exhibits[i]
        cx, cy = x + 85, 210
        if kind == "shades":
            # the Star's round sunglasses on a little red cushion
            ellipse(s, (cx - 48, cy + 16, 96, 26), RED, 3)
            halftone(s, (cx - 48, cy + 16, 96, 26), RED_DK, 5, lambda u, v: v)
            thick_line(s, (cx - 8, cy), (cx + 8, cy), 4, INK)
            for d in (-1, 1):
                circle(s, (cx + d * 22, cy + 2), 16, TEAL, 4)
                pygame.draw.line(s, TEAL_LT, (cx + d * 22 - 8, cy + 2), (cx + d * 22 - 2, cy - 8), 3)
                thick_line(s, (cx + d * 37, cy - 2), (cx + d * 44, cy - 14), 4, INK)
        elif kind == "mic":
            # an old chrome microphone on a stand
            thick_line(s, (cx, cy - 6), (cx, cy + 44), 6, INK)
            ellipse(s, (cx - 26, cy + 40, 52, 10), INK)
            ellipse(s, (cx - 18, cy - 50, 36, 48), GREY, 3)
            for y in range(cy - 42, cy - 6, 7):
                pygame.draw.line(s, GREY_DK, (cx - 14, y), (cx + 14, y), 2)
            rect(s, (cx - 10, cy - 6, 20, 8), GOLD, 2)
            sparkle(s, cx + 26, cy - 44, 7, GOLD_LT, 2)
        else:
            curve(s, (cx - 40, cy + 20), (cx, cy - 10), (cx + 40, cy + 20), 10, INK)
            curve(s, (cx - 40, cy + 20), (cx, cy - 10), (cx + 40, cy + 20), 6, BONE)
        pygame.draw.line(s, WHITE, (x + 30, 140), (x + 60, 126), 4)
        rect(s, (x + 50, 280, 70, 18), GOLD, 2)
        rect(s, (x + 58, 286, 54, 4), GOLD_DK)
    # stage
    poly(s, [(380, 110), (700, 110), (700, 130), (380, 130)], RED_DK, 3)
    for side in (-1, 1):
        cx = 540 + side * 150
        curtain = [(540 + side * 170, 110), (540 + side * 120, 110), (540 + side * 130, 320), (540 + side * 170, 330)]
        shaded_poly(s, curtain, RED, RED_DK, lambda u, v: 0.3 + 0.4 * v, 6, 3)
        del cx
    rect(s, (380, 96, 320, 20), GOLD, 3)
    for i in range(8):
        circle(s, (395 + i * 41, 106), 5, GOLD_LT, 2)
    # the stage floor: receding planks (the game draws its own note lanes over it)
    poly(s, [(300, 540), (780, 540), (690, 330), (390, 330)], BROWN, 4)
    halftone(s, (300, 330, 480, 210), INK, 8, lambda u, v: 0.2 + 0.3 * (1 - v))
    for i in range(1, 6):
        pygame.draw.line(s, INK, (390 + 50 * i, 330), (300 + 80 * i, 540), 2)
    spotlight(s, (540, 0), (420, 330), (660, 330), GOLD_LT, 9)
    # hung just above the stage rail, below the button row the game draws over x > 570, y < 44
    headline_banner(s, r, "CURIOSITIES", 540, 72, 3.6, RED, CREAM, 1)
    vignette(s)
    return s


def big_top_inside() -> pygame.Surface:
    """Inside the big top, ropes of camera straps."""
    s = surf(W, H)
    r = rng("bigtop")
    # canvas stripes converging at the top centre
    n = 16
    for i in range(n):
        x0 = -200 + (W + 400) * i / n
        x1 = -200 + (W + 400) * (i + 1) / n
        poly(s, [(W / 2, -60), (x1, H), (x0, H)], RED if i % 2 else CREAM)
    halftone(s, (0, 0, W, H), INK, 10, lambda u, v: 0.2 + 0.55 * abs(u - 0.5) + 0.2 * v)
    # ring
    ellipse(s, (80, 380, 800, 200), RED_DK, 5)
    ellipse(s, (110, 396, 740, 170), PAPER2, 4)
    halftone(s, (110, 396, 740, 170), PAPER3, 8, lambda u, v: 0.3 + 0.4 * v)
    # crowd of lenses around the ring
    lenses_ring(s, 480, 470, 440, 110, 26, 16, "bigtop-lenses")
    # camera-strap ropes
    for i in range(7):
        a = (W / 2 + (i - 3) * 18, 0)
        b = (60 + i * 140, 380 + r.uniform(-20, 20))
        mid = ((a[0] + b[0]) / 2 + r.uniform(-30, 30), (a[1] + b[1]) / 2 + 40)
        pts = [(a[0] + (mid[0] - a[0]) * t * 2 if t < 0.5 else mid[0] + (b[0] - mid[0]) * (t - 0.5) * 2,
                a[1] + (mid[1] - a[1]) * t * 2 if t < 0.5 else mid[1] + (b[1] - mid[1]) * (t - 0.5) * 2)
               for t in [k / 30 for k in range(31)]]
        for p0, p1 in zip(pts, pts[1:], strict=False):
            pygame.draw.line(s, INK, p0, p1, 10)
        for p0, p1 in zip(pts, pts[1:], strict=False):
            pygame.draw.line(s, RED_DK, p0, p1, 5)
        for _k, p in enumerate(pts[::3]):
            pygame.draw.circle(s, GREY, (round(p[0]), round(p[1])), 4, 2)
        rect(s, (b[0] - 18, b[1] - 12, 36, 24), GREY_DK, 3)
        circle(s, b, 9, INK)
        circle(s, (b[0] - 3, b[1] - 3), 2, WHITE)
    spotlight(s, (480, -20), (330, 470), (630, 470), GOLD_LT, 9)
    # trapeze
    pygame.draw.line(s, INK, (420, 0), (430, 160), 3)
    pygame.draw.line(s, INK, (520, 0), (510, 160), 3)
    rect(s, (424, 158, 92, 8), GOLD, 2)
    vignette(s)
    return s


def park_below() -> pygame.Surface:
    """The park seen from far above (finale)."""
    s = surf(W, H, fill=MIDNIGHT)
    r = rng("park")
    # the ground: a quilt of torn newspaper plots
    for _ in range(60):
        x, y = r.uniform(-60, W), r.uniform(-40, H)
        w, h = r.uniform(80, 200), r.uniform(60, 140)
        c = r.choice([NAVY, DUSK, TEAL, MIDNIGHT, NAVY])
        pts = torn_polygon(r, (x, y, w, h), 3, 9)
        poly(s, pts, c)
    halftone(s, (0, 0, W, H), INK, 9, lambda u, v: 0.25 + 0.4 * math.hypot(u - 0.5, v - 0.5))
    # paths radiating from the big top at the centre
    cx, cy = W / 2, H / 2 + 20
    for i in range(8):
        a = 2 * math.pi * i / 8 + 0.2
        thick_line(s, (cx, cy), (cx + math.cos(a) * 700, cy + math.sin(a) * 700), 16, PAPER2)
        thick_line(s, (cx, cy), (cx + math.cos(a) * 700, cy + math.sin(a) * 700), 4, PAPER3)
    # tiny rides seen from above
    for i in range(10):
        a = 2 * math.pi * i / 10
        x, y = cx + math.cos(a) * 300, cy + math.sin(a) * 190
        kind = i % 3
        if kind == 0:
            circle(s, (x, y), 36, GOLD, 3)
            for j in range(8):
                b = j * math.pi / 4
                pygame.draw.line(s, INK, (x, y), (x + math.cos(b) * 36, y + math.sin(b) * 36), 2)
        elif kind == 1:
            rect(s, (x - 30, y - 20, 60, 40), RED, 3)
            rect(s, (x - 22, y - 12, 44, 24), CREAM, 2)
        else:
            ring = pygame.Rect(0, 0, 110, 64)
            ring.center = (round(x), round(y))
            pygame.draw.ellipse(s, INK, ring.inflate(8, 8), 12)
            pygame.draw.ellipse(s, PAPER, ring, 4)
            for j in range(16):
                b = 2 * math.pi * j / 16
                px, py = x + math.cos(b) * 57, y + math.sin(b) * 34
                pygame.draw.line(s, PAPER3, (px - math.cos(b) * 6, py - math.sin(b) * 6),
                                 (px + math.cos(b) * 2, py + math.sin(b) * 2), 2)
    # tree clumps and little tents between the rides
    for _ in range(40):
        x, y = r.uniform(0, W), r.uniform(0, H)
        if math.hypot(x - cx, y - cy) < 130:
            continue
        if r.random() < 0.7:
            circle(s, (x, y), r.uniform(6, 11), TEAL, 2)
            circle(s, (x - 2, y - 2), 3, TEAL_LT)
        else:
            poly(s, star_points(x, y, 12, 12, 4, 0), RED if r.random() < 0.5 else GOLD, 2)
            circle(s, (x, y), 3, CREAM)
    # the big top from above: striped disc
    for j in range(12):
        a0 = 2 * math.pi * j / 12
        a1 = 2 * math.pi * (j + 1) / 12
        pts = [(cx, cy)] + [(cx + math.cos(a0 + (a1 - a0) * t / 6) * 90, cy + math.sin(a0 + (a1 - a0) * t / 6) * 90)
                            for t in range(7)]
        poly(s, pts, RED if j % 2 else CREAM)
    pygame.draw.circle(s, INK, (round(cx), round(cy)), 90, 4)
    sparkle(s, cx, cy, 16, GOLD, 3)
    # tiny crowd dots and flashes
    for _ in range(240):
        x, y = r.uniform(0, W), r.uniform(0, H)
        if math.hypot(x - cx, y - cy) < 110:
            continue
        c = r.choice([CREAM, GOLD_LT, RED_LT, CREAM])
        circle(s, (x, y), r.choice([1, 2]), c)
    # snapped camera straps drifting down past the viewer, each with its camera
    for x, y in ((120, 60), (820, 90), (700, 420), (200, 330), (880, 300)):
        a = (x, y)
        b = (x + r.uniform(-50, 50), y + r.uniform(40, 70))
        c = (b[0] + r.uniform(-40, 40), b[1] + 40)
        curve(s, a, b, c, 12, INK)
        curve(s, a, b, c, 6, RED_DK)
        rect(s, (c[0] - 16, c[1] - 10, 32, 22), GREY_DK, 3)
        circle(s, c, 7, INK)
        circle(s, (c[0] - 2, c[1] - 2), 2, WHITE)
        poly(s, [(a[0] - 6, a[1]), (a[0] + 6, a[1]), (a[0] + 2, a[1] - 9), (a[0], a[1] - 4), (a[0] - 3, a[1] - 10)],
             RED_DK, 2)
    # the giant Star's shoe tips at the bottom edge: we are looking down from their height
    for sx in (300, 640):
        ellipse(s, (sx - 110, 470, 220, 150), INK)
        ellipse(s, (sx - 70, 486, 80, 20), GREY_DK)
        pygame.draw.arc(s, GOLD_LT, (sx - 110, 470, 220, 150), 0.9, 2.2, 3)
    vignette(s, INK, 10)
    return s


def ending_leave() -> pygame.Surface:
    """Quiet road at dawn leading away from the park."""
    s = surf(W, H, fill=PEACH)
    r = rng("leave")
    halftone(s, (0, 0, W, 320), ORANGE, 12, lambda u, v: 0.2 + 0.7 * v)
    halftone(s, (0, 0, W, 200), GOLD_LT, 12, lambda u, v: 0.6 * (1 - v))
    # sun rising
    pts = torn_blob(r, 620, 320, 90, 90, 0.02, 50)
    poly(s, pts, GOLD_LT, 3)
    halftone(s, (530, 230, 180, 180), GOLD, 8, lambda u, v: v * 0.7, mask=poly_mask((W, H), pts))
    # distant hills
    for k, (col, y0, amp) in enumerate(((PINK, 300, 30), (RED_LT, 330, 24), (TEAL_LT, 360, 20))):
        pts = [(x, y0 + amp * math.sin(x / (140 - k * 20) + k)) for x in range(0, W + 20, 20)] + [(W, H), (0, H)]
        poly(s, pts, col, 3)
    # the park, small, behind (left)
    big_top(s, 140, 360, 120, 90, "leave-tent")
    ferris_wheel(s, 60, 310, 40)
    # road
    poly(s, [(560, 360), (600, 360), (900, H), (200, H)], PAPER2, 4)
    halftone(s, (200, 360, 700, 180), PAPER3, 8, lambda u, v: 0.2 + 0.4 * v,
             mask=poly_mask((W, H), [(560, 360), (600, 360), (900, H), (200, H)]))
    for i in range(6):
        t0 = (i / 6) ** 1.6
        t1 = ((i + 0.5) / 6) ** 1.6
        y0, y1 = 360 + 180 * t0, 360 + 180 * t1
        w0, w1 = 2 + 10 * t0, 2 + 10 * t1
        xm0, xm1 = 580 - 30 * t0, 580 - 30 * t1
        poly(s, [(xm0 - w0, y0), (xm0 + w0, y0), (xm1 + w1, y1), (xm1 - w1, y1)], CREAM)
    # the Star, small, walking away (silhouette): the curls and the gold clip
    sil = star_silhouette(26, 42, INK, clip=GOLD)
    s.blit(sil, (568, 330))
    # birds, and a single camera left behind on the road, lens down
    for bx, by in ((700, 120), (730, 100), (760, 130)):
        curve(s, (bx - 10, by), (bx - 5, by - 6), (bx, by), 2)
        curve(s, (bx, by), (bx + 5, by - 6), (bx + 10, by), 2)
    rect(s, (300, 470, 60, 36), GREY_DK, 3)
    circle(s, (330, 510), 14, INK)
    vignette(s, BROWN, 14)
    return s


def ending_mic() -> pygame.Surface:
    """A single microphone under a warm light, the press turned round."""
    s = surf(W, H, fill=MIDNIGHT)
    r = rng("mic")
    halftone(s, (0, 0, W, H), NAVY, 10, lambda u, v: 0.5)
    spotlight(s, (480, -40), (300, 460), (660, 460), GOLD, 10)
    spotlight(s, (480, -40), (370, 460), (590, 460), GOLD_LT, 8)
    ellipse(s, (300, 420, 360, 80), GOLD_DK)
    halftone(s, (300, 420, 360, 80), GOLD, 7, lambda u, v: 0.6)
    # the press (cameras) turned round: backs of cameras and reporters' hats
    for i in range(9):
        x = 40 + i * 110 + r.uniform(-10, 10)
        y = 470 + (i % 2) * 24
        rect(s, (x - 34, y - 28, 68, 50), INK, 0)
        rect(s, (x - 28, y - 22, 56, 36), GREY_DK, 2)
        rect(s, (x - 10, y - 36, 20, 10), GREY_DK, 2)
        pygame.draw.circle(s, RED, (round(x + 20), round(y - 14)), 4)
        ellipse(s, (x - 44, y + 10, 88, 40), NAVY, 3)
    # microphone on a stand
    thick_line(s, (480, 250), (480, 440), 8, INK)
    ellipse(s, (440, 432, 80, 18), INK)
    rect(s, (468, 236, 24, 28), GREY_DK, 3)
    ellipse(s, (452, 172, 56, 74), GREY, 4)
    for y in range(184, 240, 8):
        pygame.draw.line(s, GREY_DK, (458, y), (502, y), 2)
    pygame.draw.line(s, WHITE, (466, 186), (466, 206), 4)
    rect(s, (464, 240, 32, 8), RED, 2)
    sparkle(s, 520, 170, 10, GOLD_LT, 2)
    headline_banner(s, r, "IN MY OWN WORDS", 480, 60, 4, MIDNIGHT, CREAM, -2, GOLD)
    vignette(s)
    return s


def ending_encore() -> pygame.Surface:
    """Stage, applause, a ring of lenses."""
    s = surf(W, H, fill=RED_DK)
    r = rng("encore")
    # curtains
    for i in range(12):
        x = i * 80
        poly(s, [(x, 0), (x + 80, 0), (x + 70, H), (x + 10, H)], RED if i % 2 else RED_DK)
    halftone(s, (0, 0, W, H), INK, 9, lambda u, v: 0.2 + 0.5 * abs(u - 0.5) * 2)
    # swag
    for i in range(6):
        x = i * 160
        poly(s, [(x, 0), (x + 160, 0)] + [(x + 160 - t * 16, 40 + math.sin(math.pi * t / 10) * 40) for t in range(11)],
             GOLD, 3)
    # stage
    ellipse(s, (80, 360, 800, 220), BROWN, 4)
    halftone(s, (80, 360, 800, 220), INK, 8, lambda u, v: 0.2 + 0.4 * v)
    spotlight(s, (480, -20), (330, 430), (630, 430), GOLD_LT, 8)
    # the Star's silhouette, arms up, centre stage
    sil = star_silhouette(90, 150, INK, clip=GOLD, arms_up=True)
    s.blit(sil, (435, 290))
    sparkle(s, 480, 270, 14, GOLD_LT, 2)
    # flowers and confetti thrown on stage
    for _ in range(90):
        x, y = r.uniform(0, W), r.uniform(0, H)
        c = r.choice([GOLD_LT, CREAM, GOLD, PINK])
        w, h = r.uniform(4, 10), r.uniform(3, 6)
        poly(s, [(x, y), (x + w, y + 2), (x + w - 2, y + h), (x - 1, y + h - 1)], c)
    for x in (300, 380, 600, 650):
        circle(s, (x, 470), 9, RED_LT, 2)
        circle(s, (x, 470), 3, GOLD)
    # the ring of lenses that never leaves
    lenses_ring(s, 480, 400, 500, 200, 30, 20, "encore-lenses")
    # applauding hands along the bottom
    for i in range(10):
        x = 50 + i * 96
        for side in (-1, 1):
            ellipse(s, (x + side * 12 - 12, 500, 24, 50), PEACH, 3)
    headline_banner(s, r, "ENCORE!", 480, 56, 6, RED, CREAM, 3)
    vignette(s)
    return s


SCENES = {
    "title": title, "front_gate": front_gate, "ticket_booth": ticket_booth, "coaster": coaster,
    "hall_of_mirrors": hall_of_mirrors, "cabinet": cabinet, "big_top": big_top_inside,
    "park_below": park_below, "ending_leave": ending_leave, "ending_mic": ending_mic,
    "ending_encore": ending_encore,
}


def build() -> list[str]:
    """Render all backgrounds."""
    out = []
    for name, fn in SCENES.items():
        s = fn()
        rel = f"backgrounds/{name}.png"
        save_png(s, rel)
        out.append(rel)
    return out


__all__ = ["build", "BONE", "GOLD_DK", "MIST", "SKY", "TEAL_LT", "star_points", "paper_scrap"]


if __name__ == "__main__":
    from common import init

    init()
    print("\n".join(build()))
