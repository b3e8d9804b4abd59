"""The finale: the giant Star straining against camera-strap ropes; the park falls away below."""

from __future__ import annotations

import math
from typing import Any

import pygame

from lm_game.render import theme
from lm_game.render.scenes.art import H, W, art_for, draw_card, draw_lines
from lm_game.render.scenes.cutscene import caption_size, draw_world

GIANT = "sprites/star_giant.png"
ROPE = "sprites/camera_rope.png"
PARK = "backgrounds/park_below.png"
SIZE_STEP = 0.05
GIANT_STEPS = [round(k * SIZE_STEP, 3) for k in range(9, 21)]  # 0.45 .. 1.0, the sizes drawn
FLOOR_Y = 470


def draw(surface: pygame.Surface, logic: Any, assets: Any, settings: Any) -> None:
    """Everything of the finale."""
    art = art_for(assets)
    v = logic.view()
    reduced_motion = bool(getattr(settings, "reduced_motion", False))
    if v.fall > 0:
        surface.blit(art.background(PARK), (0, 0))
        drop = round(H * v.fall * v.fall)
        world = art.background(v.background)
        surface.blit(world, (0, drop))
    else:
        draw_world(surface, logic, art, v.background, v.actors, v.camera)

    # the giant Star, feet on the ring floor, scaled in a few steps (drawn 45% .. 100% of full size)
    size = max(SIZE_STEP, round((0.45 + 0.55 * v.size) / SIZE_STEP) * SIZE_STEP)
    for step in GIANT_STEPS:  # scale every step on the first frame (cached after), not mid-growth
        art.image(GIANT, step)
    strain = 0 if reduced_motion or v.phase != "ropes" else round(math.sin(logic.time * 30) * 2 * max(v.ropes + [0]))
    giant = art.image(GIANT, size)
    cx, base = W // 2 + strain, FLOOR_Y + round(60 * v.fall)
    if giant is not None:
        surface.blit(giant, giant.get_rect(midbottom=(cx, base)))
        top = base - giant.get_height()
        body_w = giant.get_width()
    else:
        top, body_w = base - round(540 * size), round(320 * size)
        pygame.draw.rect(surface, theme.CREAM, (cx - body_w // 2, top, body_w, base - top), border_radius=20)

    # ropes: from the Star's shoulders and waist out to stakes on both sides of the ring
    rows = (len(v.ropes) + 1) // 2
    for i, tension in enumerate(v.ropes):
        side = -1 if i % 2 == 0 else 1
        j = i // 2
        anchor = (cx + side * body_w * 0.22, top + (base - top) * (0.32 + 0.18 * j))
        stake = (W // 2 + side * (260 + 140 * j / max(1, rows - 1 or 1)), FLOOR_Y - 40 + 30 * j)
        if tension < 0:  # snapped: two loose ends
            _rope(surface, art, anchor, (anchor[0] + side * 24, anchor[1] + 80), theme.GREY)
            _rope(surface, art, stake, (stake[0] - side * 60, stake[1] - 40), theme.GREY)
            pygame.draw.rect(surface, theme.INK, (stake[0] - 7, stake[1] - 4, 14, 34), border_radius=3)
            continue
        colour = theme.RED if i == v.current else theme.GOLD
        _rope(surface, art, anchor, stake, colour, tension)
        pygame.draw.rect(surface, theme.INK, (stake[0] - 7, stake[1] - 4, 14, 34), border_radius=3)
        pygame.draw.rect(surface, theme.GOLD, (stake[0] - 7, stake[1] - 4, 14, 34), 2, border_radius=3)

    draw_lines(surface, art, v.lines, caption_size(settings))
    if v.card:
        draw_card(surface, art, v.card)
    _hud(surface, art, v)


def _rope(surface: pygame.Surface, art: Any, a: tuple[float, float], b: tuple[float, float], colour: Any,
          tension: float = 0.0) -> None:
    tile = art.image(ROPE)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    width = max(2, round(8 - 5 * tension))
    pygame.draw.line(surface, theme.INK, (a[0] + 2, a[1] + 2), (b[0] + 2, b[1] + 2), width + 2)
    pygame.draw.line(surface, colour, a, b, width)
    if tile is not None and length > 0:
        steps = int(length // 36)
        for s in range(1, steps):
            t = s / steps
            surface.blit(tile, tile.get_rect(center=(round(a[0] + dx * t), round(a[1] + dy * t))))


def _hud(surface: pygame.Surface, art: Any, v: Any) -> None:
    if v.phase != "ropes":
        return
    surface.blit(art.panel(420, 62, theme.INK, 190, 10), (W // 2 - 210, 10))
    head = art.shadow_text("PULL!  Enter / A / tap" + ("  (or hold)" if v.hold_counts else ""), 22, theme.GOLD)
    surface.blit(head, head.get_rect(midtop=(W // 2, 16)))
    n = len(v.ropes)
    x = W // 2 - n * 60 // 2
    for i, tension in enumerate(v.ropes):
        r = pygame.Rect(x + i * 60 + 6, 44, 48, 14)
        pygame.draw.rect(surface, theme.NIGHT, r, border_radius=7)
        fill = 1.0 if tension < 0 else tension
        pygame.draw.rect(surface, theme.GREY if tension < 0 else theme.RED, (r.x, r.y, round(r.w * fill), r.h),
                         border_radius=7)
        pygame.draw.rect(surface, theme.CREAM, r, 2, border_radius=7)
