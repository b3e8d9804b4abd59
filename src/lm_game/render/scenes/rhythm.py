"""Rhythm scenes: lanes with falling notes, hit feedback, the dancers, Gossip Teeth, score HUD."""

from __future__ import annotations

import math
from typing import Any

import pygame

from lm_game.render import theme
from lm_game.render.scenes.art import W, art_for

TOP_Y = 70
LANE_W = 84
ARROW_ANGLE = (math.pi, math.pi / 2, -math.pi / 2, 0.0)  # left, down, up, right
LANE_COLOURS = (theme.RED, theme.GOLD, (92, 160, 200), (160, 110, 190))
FEEDBACK_COLOURS = {"Perfect": theme.GOLD, "Good": theme.CREAM, "OK": (170, 200, 220), "Miss": theme.RED}


def _arrow(surface: pygame.Surface, lane: int, cx: float, cy: float, r: float, colour: Any, width: int = 0) -> None:
    a = ARROW_ANGLE[lane % 4]
    pts = [(cx + math.cos(a) * r, cy + math.sin(a) * r),
           (cx + math.cos(a + 2.4) * r, cy + math.sin(a + 2.4) * r),
           (cx + math.cos(a + math.pi) * r * 0.35, cy + math.sin(a + math.pi) * r * 0.35),
           (cx + math.cos(a - 2.4) * r, cy + math.sin(a - 2.4) * r)]
    pygame.draw.polygon(surface, colour, pts, width)


def draw(surface: pygame.Surface, logic: Any, assets: Any, settings: Any) -> None:
    """Everything of a rhythm scene."""
    art = art_for(assets)
    v = logic.view()
    reduced_motion = bool(getattr(settings, "reduced_motion", False))
    surface.blit(art.background(v.background), (0, 0))
    hit_y = round(v.hit_y)
    left = round(v.lane_x[0] - LANE_W / 2) - 10 if v.lane_x else 300
    width = round((v.lane_x[-1] - v.lane_x[0]) + LANE_W) + 20 if v.lane_x else 360
    surface.blit(art.panel(width, hit_y - TOP_Y + 70, theme.INK, 170, 10), (left, TOP_Y - 20))

    bob = 0.0 if reduced_motion else abs(math.sin(v.beat * math.pi)) * 8
    _dancers(surface, art, bob)

    for i, x in enumerate(v.lane_x):
        cx = round(x)
        pygame.draw.line(surface, (70, 70, 90), (cx, TOP_Y), (cx, hit_y), 1)
        colour = LANE_COLOURS[i % 4]
        if v.pressed[i]:
            surface.blit(art.glow(46, colour, 140), (cx - 46, hit_y - 46))
        _arrow(surface, i, cx, hit_y, 30, theme.CREAM if v.pressed[i] else (90, 90, 110))
        _arrow(surface, i, cx, hit_y, 30, colour, 3)

    span = hit_y - TOP_Y
    for n in v.notes:
        cx = round(v.lane_x[n.lane])
        y = hit_y - n.due / v.lead * span
        colour = LANE_COLOURS[n.lane % 4] if n.judged != "miss" else theme.GREY
        if n.length > 0:
            tail = hit_y - (n.due + n.length) / v.lead * span
            top = max(TOP_Y, round(tail))
            bottom = min(hit_y, round(y)) if n.holding else round(y)
            if bottom > top:
                pygame.draw.rect(surface, colour, (cx - 10, top, 20, bottom - top), border_radius=8)
                pygame.draw.rect(surface, theme.CREAM, (cx - 10, top, 20, bottom - top), 2, border_radius=8)
        if not n.holding and TOP_Y - 30 <= y <= hit_y + 60:
            _arrow(surface, n.lane, cx, y, 26, colour)
            _arrow(surface, n.lane, cx, y, 26, theme.CREAM, 2)

    for lane, text, age in v.feedback:
        if lane >= len(v.lane_x):
            continue
        rise = 0 if reduced_motion else round(age * 40)
        t = art.shadow_text(text, 26, FEEDBACK_COLOURS.get(text, theme.CREAM))
        surface.blit(t, t.get_rect(center=(round(v.lane_x[lane]), hit_y - 58 - rise)))

    for i, (text, age) in enumerate(v.distractions):
        _teeth(surface, art, text, age, i, reduced_motion)

    _hud(surface, art, v)
    if v.phase == "result":
        head = "WHAT A SHUFFLE!" if v.passed else "OFF THE BEAT"
        sub = f"accuracy {round(v.accuracy * 100)}%   best combo {v.max_combo}"
        if not v.passed:
            sub += "   (again from the top)"
        h = art.shadow_text(head, 52, theme.GOLD if v.passed else theme.RED)
        s = art.shadow_text(sub, 24, theme.CREAM)
        wid = max(h.get_width(), s.get_width()) + 60
        surface.blit(art.panel(wid, 130, theme.INK, 220, 6), (W // 2 - wid // 2, 200))
        surface.blit(h, h.get_rect(center=(W // 2, 240)))
        surface.blit(s, s.get_rect(center=(W // 2, 295)))


def _dancers(surface: pygame.Surface, art: Any, bob: float) -> None:
    star = art.image("sprites/star_disguise.png", 1.6)
    if star is not None:
        surface.blit(star, star.get_rect(midbottom=(150, round(500 - bob))))
    skel = art.image("sprites/skeleton_dance.png", 1.0)
    if skel is not None:
        surface.blit(skel, skel.get_rect(midbottom=(820, round(500 - bob))))


def _teeth(surface: pygame.Surface, art: Any, text: str, age: float, i: int, reduced_motion: bool) -> None:
    x, y = 160 + (i % 2) * 640, 120 + (i // 2) * 70
    jiggle = 0 if reduced_motion else round(math.sin(age * 40) * 3)
    teeth = art.image("sprites/teeth.png", 1.2)
    slip = art.slip(text, 22, theme.INK, theme.CREAM, theme.RED)
    r = slip.get_rect(midtop=(x, y + 40))
    r.clamp_ip(surface.get_rect().inflate(-10, -10))
    surface.blit(slip, r)
    if teeth is not None:
        surface.blit(teeth, teeth.get_rect(midbottom=(x + jiggle, y + 42)))


def _hud(surface: pygame.Surface, art: Any, v: Any) -> None:
    surface.blit(art.panel(800, 44, theme.INK, 170, 10), (12, 8))  # the play screen's buttons sit right of it
    s = art.shadow_text(f"SCORE {v.score:,}", 26, theme.CREAM)
    surface.blit(s, (26, 18))
    c = art.shadow_text(f"COMBO {v.combo}" if v.combo else "COMBO -", 26, theme.GOLD if v.combo >= 10 else theme.CREAM)
    surface.blit(c, c.get_rect(midtop=(380, 18)))
    # accuracy bar with the pass mark
    bx, bw = 580, 210
    pygame.draw.rect(surface, theme.NIGHT, (bx, 22, bw, 16), border_radius=8)
    ok = v.accuracy >= v.pass_accuracy
    pygame.draw.rect(surface, theme.GOLD if ok else theme.RED, (bx, 22, round(bw * v.accuracy), 16), border_radius=8)
    mark = bx + round(bw * v.pass_accuracy)
    pygame.draw.line(surface, theme.CREAM, (mark, 16), (mark, 44), 2)
    pygame.draw.rect(surface, theme.CREAM, (bx, 22, bw, 16), 2, border_radius=8)
    a = art.text(f"{round(v.accuracy * 100)}%", 18, theme.CREAM)
    surface.blit(a, a.get_rect(midright=(bx - 6, 30)))
