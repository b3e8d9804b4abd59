"""Sprites (the Star's frames, giant Star, projectiles, items) and UI images."""
from __future__ import annotations

import math

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
    PAPER,
    PAPER2,
    PAPER3,
    PEACH,
    RED,
    RED_DK,
    RED_LT,
    SKIN,
    SKIN_DK,
    TEAL,
    TEAL_LT,
    WHITE,
    Color,
    block_text,
    circle,
    curve,
    cutout,
    ellipse,
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
from portraits import curl_cloud, draw_teeth, star_clip, sunglasses

Pt = tuple[float, float]


def limb(s: pygame.Surface, a: Pt, ang: float, length: float, width: float, color: Color,
         k: float) -> Pt:
    """Outlined limb segment from a at angle (deg from straight down, + = forward/right)."""
    r = math.radians(ang)
    b = (a[0] + math.sin(r) * length * k, a[1] + math.cos(r) * length * k)
    thick_line(s, a, b, width * k + max(2, k * 1.2), INK)
    thick_line(s, a, b, width * k, color)
    return b


POSES: dict[str, dict[str, object]] = {
    #          back thigh, back shin, front thigh, front shin | back arm (upper, lower), front arm
    "idle": dict(legs=(-4, -4, 4, 4), arms=(-8, -6, 10, 14), lean=0, face="neutral"),
    "walk1": dict(legs=(-24, -10, 22, 8), arms=(22, 30, -22, -10), lean=3, face="neutral"),
    "walk2": dict(legs=(-10, -30, 6, 2), arms=(8, 16, -6, 0), lean=3, face="neutral"),
    "walk3": dict(legs=(22, 8, -24, -10), arms=(-22, -10, 22, 30), lean=3, face="neutral"),
    "walk4": dict(legs=(6, 2, -10, -30), arms=(-6, 0, 8, 16), lean=3, face="neutral"),
    "dash": dict(legs=(-50, -20, 48, 70), arms=(-60, -40, 70, 100), lean=18, face="dash"),
    "hurt": dict(legs=(14, 4, -10, 10), arms=(140, 160, -140, -170), lean=-14, face="hurt"),
    "disguise": dict(legs=(-14, -8, 18, 6), arms=(-10, -4, 30, 0), lean=0, face="neutral",
                     hat="bowler", cane=True),
    "giant": dict(legs=(-10, -4, 10, 4), arms=(-135, -160, 135, 160), lean=0, face="determined"),
}


def star_figure(s: pygame.Surface, ox: float, oy: float, k: float, pose: str,
                detail: bool = False) -> tuple[Pt, Pt]:
    """The Star full-body, 48x96 units scaled by k, origin top-left at (ox, oy); returns the hands."""
    p = POSES[pose]
    lean = float(p["lean"])  # type: ignore[arg-type]
    lb, lbs, lf, lfs = p["legs"]  # type: ignore[misc]
    ab, abs_, af, afs = p["arms"]  # type: ignore[misc]
    face = str(p["face"])
    hat = str(p.get("hat", "star"))

    def P(x: float, y: float) -> Pt:
        # lean rotates the upper body about the hip
        return (ox + x * k, oy + y * k)

    hip = P(24, 58)
    lr = math.radians(lean)

    def U(x: float, y: float) -> Pt:
        dx, dy = (x - 24), (y - 58)
        return (hip[0] + (dx * math.cos(lr) - dy * math.sin(lr)) * k,
                hip[1] + (dx * math.sin(lr) + dy * math.cos(lr)) * k)

    ow = max(1, round(k * 1.2))
    disguised = hat == "bowler"
    # outfit: a cream bomber with red sleeves and teal trousers; the disguise is a borrowed dark coat
    if disguised:
        sleeve_b, sleeve_f, coat, coat_sh, leg_b, leg_f, shoe = NAVY, MIDNIGHT, MIDNIGHT, NAVY, GREY_DK, INK, INK
    else:
        sleeve_b, sleeve_f, coat, coat_sh, leg_b, leg_f, shoe = RED_DK, RED, CREAM, PAPER2, TEAL, TEAL_LT, WHITE
    # back limbs (darker)
    sh_b = U(21, 38)
    e = limb(s, sh_b, ab - lean, 11, 4.5, sleeve_b, k)
    e2 = limb(s, e, abs_ - lean, 10, 4, sleeve_b, k)
    circle(s, e2, 2.6 * k, SKIN_DK, ow)
    back_hand = e2
    kn = limb(s, (hip[0] - 2 * k, hip[1]), lb, 17, 5.5, leg_b, k)
    ft = limb(s, kn, lbs, 17, 5, leg_b, k)
    ellipse(s, (ft[0] - 3 * k, ft[1] - 2.5 * k, 9 * k, 5 * k), shoe, ow)
    # torso (puffy bomber, banded waist)
    torso = [U(14, 37), U(17, 35), U(31, 35), U(34, 37), U(32, 58), U(16, 58)]
    if detail:
        shaded_poly(s, torso, coat, coat_sh, lambda u, v: 0.1 + 0.7 * u * v, 1.6 * k, ow)
    else:
        poly(s, torso, coat, ow)
    band = [U(16, 56), U(32, 56), U(32, 60), U(16, 60)]
    poly(s, band, RED if not disguised else NAVY, ow)
    if not disguised:
        # the big gold star on the back of the jacket (the Star faces right, so the back shows left)
        poly(s, star_points(*U(19.5, 45), 4.6 * k, 2.1 * k, 5, -math.pi / 2 + math.radians(lean)), GOLD,
             ow if k >= 3 else 0)
        if k < 3:
            s.set_at([round(v) for v in U(19.5, 45)], GOLD_LT)
    # scarf
    scarf = GREY if disguised else RED
    poly(s, [U(20, 34), U(30, 34), U(27, 39), U(22, 39)], scarf, max(1, ow - 1) if k >= 3 else 0)
    thick_line(s, U(27, 37), U(29, 48), 2.5 * k, scarf)
    # front leg
    kn = limb(s, (hip[0] + 2 * k, hip[1]), lf, 17, 5.5, leg_f, k)
    ft = limb(s, kn, lfs, 17, 5, leg_f, k)
    ellipse(s, (ft[0] - 3 * k, ft[1] - 2.5 * k, 10 * k, 5 * k), shoe, ow)
    if not disguised:
        pygame.draw.line(s, RED, (ft[0] - 1 * k, ft[1] + 0.5 * k), (ft[0] + 5 * k, ft[1] + 0.5 * k),
                         max(1, round(0.8 * k)))
    # neck + head
    thick_line(s, U(24, 30), U(24, 37), 5 * k, SKIN)
    head_c = U(25, 22)
    hr = pygame.Rect(0, 0, round(15 * k), round(18 * k))
    hr.center = (round(head_c[0]), round(head_c[1]))
    hx, hy = head_c
    if disguised:
        # curls tucked under the bowler, a few peeking out at the back
        curl_cloud(s, [(hx - 7 * k, hy - 2 * k, 4 * k), (hx - 8 * k, hy + 3 * k, 3.2 * k),
                       (hx - 3 * k, hy - 4 * k, 4 * k)], BROWN, None, max(1, round(k * 0.8)))
    else:
        curls = [(hx - 5 * k, hy - 5 * k, 7.5 * k), (hx + 1 * k, hy - 9.5 * k, 6.2 * k),
                 (hx + 6.5 * k, hy - 7.5 * k, 4.8 * k), (hx - 10 * k, hy + 0.5 * k, 5.6 * k),
                 (hx - 9 * k, hy + 6.5 * k, 4.6 * k), (hx - 5 * k, hy - 12 * k, 5.2 * k),
                 (hx - 11.5 * k, hy - 6 * k, 5.0 * k), (hx - 4.5 * k, hy + 9 * k, 3.4 * k)]
        if k >= 3:
            curl_cloud(s, curls, BROWN, INK, ow, 1.8 * k, lambda u, v: 0.03 + 0.35 * max(0.0, 0.35 - u) + 0.25 * v,
                       marks=0.6 * k)
        else:
            curl_cloud(s, curls, BROWN, None, 1)
    if detail:
        shaded_ellipse(s, hr, SKIN, SKIN_DK, lambda u, v: max(0.0, 0.35 - u) * 1.2, 1.4 * k, ow)
    else:
        ellipse(s, hr, SKIN, ow)
    if not disguised:
        # fringe over the forehead
        fringe = [(hx + 0.5 * k, hy - 7.5 * k, 3.6 * k), (hx + 4.5 * k, hy - 6.5 * k, 3.0 * k),
                  (hx - 3.5 * k, hy - 6.5 * k, 3.4 * k)]
        curl_cloud(s, fringe, BROWN, INK if k >= 3 else None, max(1, round(k * 0.8)), 1.6 * k,
                   lambda u, v: 0.3 * v)
    # face (3/4 facing right)
    ex, ey = head_c[0] + 3 * k, head_c[1] + 0.5 * k
    ex2 = head_c[0] - 2.5 * k
    if face == "hurt":
        for x in (ex, ex2):
            thick_line(s, (x - 1.5 * k, ey - 1.5 * k), (x + 1.5 * k, ey + 1.5 * k), max(1, 0.9 * k), INK)
            thick_line(s, (x - 1.5 * k, ey + 1.5 * k), (x + 1.5 * k, ey - 1.5 * k), max(1, 0.9 * k), INK)
        ellipse(s, (head_c[0] - 0.5 * k, ey + 4 * k, 3 * k, 3 * k), RED_DK)
    else:
        for x in (ex, ex2):
            if k >= 3:
                ellipse(s, (x - 1.6 * k, ey - 2 * k, 3.2 * k, 4 * k), WHITE, max(1, round(k * 0.5)))
                circle(s, (x + 0.5 * k, ey), 1.0 * k, INK)
            else:
                rect(s, (round(x - 0.5 * k), round(ey - 1 * k), max(2, round(1.2 * k)), max(2, round(2.2 * k))), INK)
        if face == "determined":
            for x, sd in ((ex, 1), (ex2, -1)):
                thick_line(s, (x - 2 * k, ey - 3.5 * k + sd * 0.0), (x + 2 * k, ey - 3.0 * k - sd * 0.8 * k),
                           max(1, 0.8 * k), INK)
            thick_line(s, (head_c[0] - 1 * k, ey + 5 * k), (head_c[0] + 3.5 * k, ey + 5 * k), max(1, 0.7 * k), INK)
        elif face == "dash":
            thick_line(s, (head_c[0] - 1 * k, ey + 5 * k), (head_c[0] + 3 * k, ey + 4.5 * k), max(1, 0.7 * k), INK)
        elif k < 3:
            pygame.draw.line(s, RED_DK, (head_c[0], ey + 5 * k), (head_c[0] + 3 * k, ey + 5 * k), 1)
        else:
            curve(s, (head_c[0] - 1 * k, ey + 4.5 * k), (head_c[0] + 1.5 * k, ey + 6 * k),
                  (head_c[0] + 3.5 * k, ey + 4.5 * k), max(1, 0.7 * k), INK)
        # nose
        pygame.draw.line(s, SKIN_DK, (head_c[0] + 6.5 * k, ey), (head_c[0] + 7.5 * k, ey + 2.5 * k),
                         max(1, round(0.6 * k)))
    # bowler (disguise) or the gold star clip (and shades pushed up, at giant size)
    if disguised:
        hb = U(25, 15)
        ellipse(s, (hb[0] - 10 * k, hb[1] - 1.5 * k, 20 * k, 4 * k), INK)
        pygame.draw.ellipse(s, INK, (hb[0] - 7 * k, hb[1] - 9 * k, 14 * k, 14 * k))
        rect(s, (hb[0] - 7 * k, hb[1] - 2.5 * k, 14 * k, 1.8 * k), RED)
    else:
        if k >= 3:
            sunglasses(s, hx - 1 * k, hy - 12.5 * k, 2.6 * k, -0.15, max(1, round(k * 0.7)))
        star_clip(s, hx + 7 * k, hy - 11 * k, 4.4 * k, 0.2, ow)
    # front arm
    sh_f = U(27, 38)
    e = limb(s, sh_f, af - lean, 11, 4.5, sleeve_f, k)
    e2 = limb(s, e, afs - lean, 10, 4, sleeve_f, k)
    circle(s, e2, 2.6 * k, SKIN, ow)
    if p.get("cane"):
        thick_line(s, (e2[0], e2[1]), (e2[0] + 3 * k, oy + 94 * k), 2.2 * k + 2, INK)
        thick_line(s, (e2[0], e2[1]), (e2[0] + 3 * k, oy + 94 * k), 2.2 * k, BROWN)
        pygame.draw.arc(s, INK, (e2[0] - 5 * k, e2[1] - 3 * k, 8 * k, 8 * k), 0, math.pi, max(2, round(2 * k)))
    if pose == "dash":
        for i in range(3):
            y = oy + (40 + i * 12) * k
            pygame.draw.line(s, GOLD_LT, (ox + 1 * k, y), (ox + (9 - i * 2) * k, y), max(1, round(k)))
    return back_hand, e2


def star_frames() -> list[str]:
    """sprites/star_<frame>.png at 48x96."""
    out = []
    for frame in ("idle", "walk1", "walk2", "walk3", "walk4", "dash", "hurt", "disguise"):
        s = surf(48, 96, alpha=True)
        star_figure(s, 0, 0, 1.0, frame)
        rel = f"sprites/star_{frame}.png"
        save_png(s, rel)
        out.append(rel)
    return out


def star_giant() -> str:
    """sprites/star_giant.png 320x540: the giant Star, straps snapping off the wrists."""
    s = surf(320, 540, alpha=True)
    k = 4.6
    ox = 160 - 24 * k
    r = rng("giant-straps")
    layer = surf(320, 540, alpha=True)
    hands = star_figure(layer, ox, 540 - 96 * k - 6, k, "giant", detail=True)
    for (hx, hy), d in zip(hands, (-1, 1), strict=True):
        # snapped camera straps hanging from the wrists, broken ends flying
        for i in range(3):
            ang = math.radians(r.uniform(-25, 25))
            length = r.uniform(50, 90)
            a = (hx + d * (i - 1) * 5, hy + 6)
            mid = (a[0] + d * r.uniform(6, 20), a[1] + length * 0.5)
            b = (a[0] + math.sin(ang) * length, a[1] + math.cos(ang) * length)
            curve(s, a, mid, b, 8, INK)
            curve(s, a, mid, b, 4, RED_DK)
            poly(s, [(b[0] - 5, b[1]), (b[0] + 5, b[1]), (b[0] + 3, b[1] + 7), (b[0], b[1] + 3),
                     (b[0] - 3, b[1] + 8)], RED_DK, 2)
        sparkle(s, hx + d * 26, hy - 30, 10, GOLD_LT, 2)
        sparkle(s, hx + d * 8, hy - 50, 6, WHITE, 2)
    s.blit(layer, (0, 0))
    s = cutout(s, 4, WHITE, 2, seed="giant")
    save_png(s, "sprites/star_giant.png")
    return "sprites/star_giant.png"


def flashbulb() -> str:
    """sprites/flashbulb.png 32x32: a glowing bulb."""
    s = surf(32, 32, alpha=True)
    poly(s, star_points(16, 14, 15, 7, 8, 0.2), GOLD_LT, 1)
    ellipse(s, (9, 5, 14, 16), WHITE, 2)
    circle(s, (14, 10), 2, GOLD_LT)
    rect(s, (11, 20, 10, 8), GREY, 2)
    pygame.draw.line(s, INK, (12, 24), (20, 24), 1)
    return _save(s, "sprites/flashbulb.png")


def headline() -> str:
    """sprites/headline.png 64x32: a flying headline scrap."""
    s = surf(64, 32, alpha=True)
    r = rng("headline")
    pts = torn_polygon(r, (3, 3, 57, 25), 1.6, 5)
    poly(s, [(x + 2, y + 2) for x, y in pts], INK)
    poly(s, pts, PAPER, 1)
    block_text(s, "SCOOP", 7, 6, 1.8, 1.6, RED)
    for y in (20, 24):
        pygame.draw.line(s, GREY, (8, y), (54 - (y - 20) * 3, y), 2)
    return _save(s, "sprites/headline.png")


def microphone() -> str:
    """sprites/microphone.png 32x48: a flying microphone."""
    s = surf(32, 48, alpha=True)
    thick_line(s, (16, 22), (16, 44), 8, INK)
    thick_line(s, (16, 22), (16, 44), 5, GREY_DK)
    rect(s, (10, 22, 12, 5), RED, 1)
    ellipse(s, (6, 2, 20, 22), GREY, 2)
    for y in range(7, 22, 4):
        pygame.draw.line(s, GREY_DK, (9, y), (23, y), 1)
    pygame.draw.line(s, WHITE, (11, 6), (11, 12), 2)
    return _save(s, "sprites/microphone.png")


def word_scrap() -> str:
    """sprites/word.png 64x32: blank torn paper scrap; the game prints a word on it."""
    s = surf(64, 32, alpha=True)
    r = rng("word")
    pts = torn_polygon(r, (3, 3, 56, 24), 1.6, 5)
    poly(s, [(x + 2, y + 2) for x, y in pts], INK)
    poly(s, pts, CREAM, 1)
    sparkle(s, 55, 6, 4, GOLD, 1)
    return _save(s, "sprites/word.png")


def teeth_sprite() -> str:
    """sprites/teeth.png 64x48."""
    s = surf(64, 48, alpha=True)
    draw_teeth(s, "neutral", 0.27, -1, -12, seed="teeth-sprite")
    return _save(s, "sprites/teeth.png")


def skeleton_dance() -> str:
    """sprites/skeleton_dance.png 96x160: a dignified dancing partner."""
    s = surf(96, 160, alpha=True)

    def bone(a: Pt, b: Pt, w: float = 4) -> None:
        thick_line(s, a, b, w + 2, INK)
        thick_line(s, a, b, w, BONE)

    # legs: one kicked
    hip = (48, 92)
    bone((44, 92), (38, 124))
    bone((38, 124), (36, 154))
    ellipse(s, (28, 151, 14, 6), BONE, 1)
    bone((52, 92), (66, 118))
    bone((66, 118), (82, 132))
    ellipse(s, (78, 128, 14, 6), BONE, 1)
    # pelvis
    ellipse(s, (38, 84, 20, 14), BONE, 2)
    # spine + ribs
    bone((48, 84), (48, 46), 3)
    for i in range(4):
        y = 52 + i * 7
        curve(s, (38 + i, y + 2), (48, y - 3), (58 - i, y + 2), 3, INK)
        curve(s, (38 + i, y + 2), (48, y - 3), (58 - i, y + 2), 1.5, BONE)
    # arms: one raised, one out for a partner
    bone((40, 48), (24, 34))
    bone((24, 34), (20, 14))
    circle(s, (20, 12), 4, BONE, 1)
    bone((56, 48), (74, 58))
    bone((74, 58), (90, 50))
    circle(s, (90, 50), 4, BONE, 1)
    # red bow tie
    poly(s, [(48, 44), (40, 40), (40, 48)], RED, 1)
    poly(s, [(48, 44), (56, 40), (56, 48)], RED, 1)
    # skull
    ellipse(s, (34, 12, 28, 28), BONE, 2)
    rect(s, (40, 34, 16, 7), BONE, 1)
    ellipse(s, (38, 20, 9, 9), INK)
    ellipse(s, (50, 20, 9, 9), INK)
    circle(s, (43, 25), 1, CREAM)
    circle(s, (54, 25), 1, CREAM)
    poly(s, [(48, 29), (46, 33), (50, 33)], INK)
    for x in range(42, 56, 3):
        pygame.draw.line(s, INK, (x, 35), (x, 40), 1)
    # hat (a polite top hat, tipped)
    hat = surf(30, 30, alpha=True)
    rect(hat, (8, 2, 14, 18), MIDNIGHT, 1)
    rect(hat, (8, 14, 14, 3), GOLD)
    rect(hat, (3, 19, 24, 3), MIDNIGHT, 1)
    hat = pygame.transform.rotate(hat, -15)
    s.blit(hat, hat.get_rect(center=(52, 8)))
    del hip
    return _save(s, "sprites/skeleton_dance.png")


def camera_rope() -> str:
    """sprites/camera_rope.png 24x24 tile: a camera strap running horizontally (tiles in x)."""
    s = surf(24, 24, alpha=True)
    rect(s, (0, 7, 24, 10), INK)
    rect(s, (0, 9, 24, 6), RED_DK)
    for x in range(1, 24, 6):
        pygame.draw.line(s, GOLD_LT, (x, 12), (x + 3, 12), 1)
    pygame.draw.line(s, RED, (0, 9), (23, 9), 1)
    # a little metal ring each tile
    pygame.draw.circle(s, GREY, (18, 12), 4, 2)
    return _save(s, "sprites/camera_rope.png")


def item(name: str) -> str:
    """48x48 item icons."""
    s = surf(48, 48, alpha=True)
    r = rng(f"item-{name}")
    if name == "ticket":
        t = surf(40, 24, alpha=True)
        rect(t, (0, 0, 40, 24), RED)
        for y in range(2, 24, 5):
            circle(t, (0, y), 2, (0, 0, 0))
            circle(t, (40, y), 2, (0, 0, 0))
        t.set_colorkey((0, 0, 0))
        pygame.draw.line(t, CREAM, (28, 2), (28, 22), 1)
        for y in range(3, 22, 4):
            pygame.draw.line(t, RED, (28, y), (28, y + 1), 1)
        sparkle(t, 14, 12, 7, GOLD_LT, 1)
        pygame.draw.rect(t, GOLD, (2, 2, 36, 20), 1)
        t2 = surf(40, 24, alpha=True)
        t2.blit(t, (0, 0))
        t2 = pygame.transform.rotate(t2, 18)
        shadow = t2.copy()
        shadow.fill(INK + (255,), special_flags=pygame.BLEND_RGBA_MIN)
        s.blit(shadow, shadow.get_rect(center=(26, 26)))
        s.blit(t2, t2.get_rect(center=(24, 24)))
    elif name == "mask":
        pts = [(4, 20), (12, 12), (22, 14), (24, 18), (26, 14), (36, 12), (44, 20), (40, 32), (30, 34),
               (24, 28), (18, 34), (8, 32)]
        poly(s, [(x + 2, y + 2) for x, y in pts], INK)
        poly(s, pts, CREAM, 2)
        ellipse(s, (11, 19, 10, 7), INK)
        ellipse(s, (27, 19, 10, 7), INK)
        for x in (6, 42):
            pygame.draw.line(s, GOLD, (x, 22), (x + (-3 if x < 24 else 3), 40), 2)
        sparkle(s, 24, 10, 5, GOLD, 1)
        pygame.draw.line(s, RED, (10, 30), (18, 31), 2)
        pygame.draw.line(s, RED, (30, 31), (38, 30), 2)
    elif name == "bowler":
        ellipse(s, (4, 30, 40, 10), INK)
        pygame.draw.ellipse(s, INK, (10, 10, 28, 30))
        pygame.draw.ellipse(s, GREY_DK, (14, 13, 8, 10))
        rect(s, (10, 28, 28, 4), RED)
        pygame.draw.line(s, GREY_DK, (8, 36), (40, 36), 1)
    elif name == "key":
        circle(s, (14, 16), 11, GOLD, 2)
        circle(s, (14, 16), 5, (0, 0, 0, 0))
        pygame.draw.circle(s, INK, (14, 16), 5, 2)
        thick_line(s, (22, 24), (40, 42), 7, INK)
        thick_line(s, (22, 24), (40, 42), 4, GOLD)
        poly(s, [(34, 36), (40, 30), (43, 33), (37, 39)], GOLD, 1)
        poly(s, [(38, 40), (44, 34), (46, 37), (41, 43)], GOLD, 1)
        sparkle(s, 14, 16, 4, GOLD_LT, 0)
    elif name == "press_pass":
        pygame.draw.line(s, RED, (14, 0), (20, 12), 3)
        pygame.draw.line(s, RED, (34, 0), (28, 12), 3)
        pts = torn_polygon(r, (8, 10, 32, 36), 0.8, 6)
        poly(s, [(x + 2, y + 2) for x, y in pts], INK)
        poly(s, pts, WHITE, 1)
        rect(s, (8, 10, 32, 8), RED)
        block_text(s, "PRESS", 10, 12, 1.0, 0.6, WHITE, spacing=0.6)
        rect(s, (13, 22, 12, 14), MIST, 1)
        circle(s, (19, 27), 3, INK)
        pygame.draw.line(s, GREY, (28, 24), (36, 24), 2)
        pygame.draw.line(s, GREY, (28, 29), (36, 29), 2)
        pygame.draw.line(s, GREY, (28, 34), (34, 34), 2)
        sparkle(s, 34, 41, 3, GOLD, 0)
    return _save(s, f"sprites/{name}.png")


def _save(s: pygame.Surface, rel: str) -> str:
    save_png(s, rel)
    return rel


def icon() -> str:
    """ui/icon.png 64x64: the Star's gold hair clip on curls, on a torn red badge."""
    s = surf(64, 64, alpha=True)
    r = rng("icon")
    pts = torn_blob(r, 32, 32, 30, 30, 0.04, 40)
    poly(s, pts, RED, 2)
    halftone(s, (2, 2, 60, 60), RED_DK, 5, lambda u, v: max(0.0, u + v - 1.0), mask=_mask(64, 64, pts))
    # the Star's gold clip, big, on a tuft of curls
    curl_cloud(s, [(20, 44, 9), (30, 48, 8), (42, 46, 9), (14, 34, 7), (48, 36, 6)], BROWN, None, 2, marks=1)
    star_clip(s, 32, 28, 20, 0.15, 2)
    sparkle(s, 52, 12, 7, GOLD_LT, 1)
    sparkle(s, 16, 50, 5, CREAM, 1)
    return _save(s, "ui/icon.png")


def _mask(w: int, h: int, pts: list[Pt]) -> pygame.Surface:
    m = pygame.Surface((w, h), pygame.SRCALPHA, 32)
    m.fill((0, 0, 0, 0))
    pygame.draw.polygon(m, (255, 255, 255, 255), pts)
    return m


def paper_tile() -> str:
    """ui/paper.png 256x256: seamless newsprint texture (fibres and specks wrap around)."""
    s = surf(256, 256, fill=PAPER)
    r = rng("paper")
    for _ in range(900):
        x, y = r.randrange(256), r.randrange(256)
        c = r.choice([PAPER2, PAPER2, PAPER2, CREAM, PAPER3])
        length = r.randint(2, 9)
        ang = r.uniform(0, math.pi)
        for dx in (-256, 0, 256):
            for dy in (-256, 0, 256):
                a = (x + dx, y + dy)
                b = (x + dx + math.cos(ang) * length, y + dy + math.sin(ang) * length)
                pygame.draw.line(s, c, a, b, 1)
    for _ in range(120):
        x, y = r.randrange(256), r.randrange(256)
        for dx in (-256, 0, 256):
            for dy in (-256, 0, 256):
                s.set_at(((x + dx) % 256, (y + dy) % 256), PAPER3)
    return _save(s, "ui/paper.png")


def build() -> list[str]:
    """Render all sprites and UI images."""
    out = star_frames()
    out.append(star_giant())
    out += [flashbulb(), headline(), microphone(), word_scrap(), teeth_sprite(), skeleton_dance(),
            camera_rope()]
    out += [item(n) for n in ("ticket", "mask", "bowler", "key", "press_pass")]
    out += [icon(), paper_tile()]
    return out


__all__ = ["star_figure", "build", "BROWN", "DUSK", "GLASS", "GOLD_DK", "MIST", "NAVY", "PAPER2",
           "PEACH", "RED_LT", "TEAL"]


if __name__ == "__main__":
    from common import init

    init()
    print("\n".join(build()))
