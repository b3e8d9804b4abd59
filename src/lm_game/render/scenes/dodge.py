"""Dodge scenes: arena, projectiles, words, the Star, and a HUD of hearts, time, words and dash.

Flashbulbs glow softly (a steady glow, never a flash); under reduced flashing they are drawn with
a plain outline ring instead. Real flashes are requested by the logic through the host and pass
the play screen's single flash limiter.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from lm_game.render import theme
from lm_game.render.scenes.art import W, art_for

SPRITE_SCALE = 1.1
ANGLE_STEP = 15
HUD_W = 800
HUD_RECT = pygame.Rect(12, 8, HUD_W, 48)
"""The hearts / time / words bar across the top; nothing of the arena may be drawn over it."""
TEXT_SPRITES = frozenset({"headline"})
"""Projectiles with words printed on them: never turned upside down."""
PROJECTILE_ART = {"flashbulb": "sprites/flashbulb.png", "headline": "sprites/headline.png",
                  "microphone": "sprites/microphone.png"}
ARROW = {"left": (0, 1), "right": (0, -1), "top": (1, 0), "bottom": (-1, 0)}


def draw(surface: pygame.Surface, logic: Any, assets: Any, settings: Any) -> None:
    """Everything of a dodge scene."""
    art = art_for(assets)
    v = logic.view()
    reduced_flashing = bool(getattr(settings, "reduced_flashing", False)) or v.reduced_flashing
    surface.blit(art.background(v.background), (0, 0))
    ax, ay, aw, ah = v.arena
    surface.blit(art.panel(aw, ah, theme.NIGHT, 70, 12), (ax, ay))
    pygame.draw.rect(surface, theme.CREAM, (ax, ay, aw, ah), 2, border_radius=12)

    for side, kind in v.warnings:
        _warning(surface, art, v.arena, side, kind)

    for w in v.words:
        slip = art.slip(w.word, 26, theme.INK, theme.CREAM, theme.GOLD)
        r = slip.get_rect(center=(round(w.x), round(w.y)))
        surface.blit(art.glow(48, theme.GOLD, 70), (r.centerx - 48, r.centery - 48))
        surface.blit(slip, r)
        # a thin bar under the word shows how long it stays
        pygame.draw.rect(surface, theme.INK, (r.x, r.bottom + 3, r.w, 4))
        pygame.draw.rect(surface, theme.GOLD, (r.x, r.bottom + 3, round(r.w * max(0.0, w.life)), 4))

    _player(surface, art, v)

    for p in v.projectiles:
        x, y = round(p.x), round(p.y)
        if p.kind == "flashbulb":
            if reduced_flashing:
                pygame.draw.circle(surface, theme.GOLD, (x, y), 20, 2)
            else:
                surface.blit(art.glow(30, theme.YELLOW, 110), (x - 30, y - 30))
            img = art.image(PROJECTILE_ART["flashbulb"])
        else:
            img = art.rotated(PROJECTILE_ART.get(p.kind, ""), sprite_angle(p.kind, p.angle))
        if img is not None:
            surface.blit(img, img.get_rect(center=(x, y)))
        else:
            pygame.draw.circle(surface, theme.RED, (x, y), 12)

    _hud(surface, art, v)
    if v.phase == "lost":
        _banner(surface, art, "COMPOSURE LOST", "Breathe. The ride starts again, nothing lost.")
    elif v.phase == "won":
        _banner(surface, art, "YOU MADE IT", " ".join(v.collected))


def _player(surface: pygame.Surface, art: Any, v: Any) -> None:
    frame = "dash" if v.dashing else "hurt" if v.hurt else "idle"
    img = art.image(f"sprites/star_{frame}.png", SPRITE_SCALE, v.facing_left)
    x, y = round(v.player[0]), round(v.player[1])
    surface.blit(art.glow(44, theme.CREAM, 80), (x - 44, y - 44))  # keeps the Star easy to find
    surface.blit(art.panel(40, 10, theme.INK, 90, 5), (x - 20, y + 40))
    if img is None:
        pygame.draw.circle(surface, theme.CREAM, (x, y), 16)
        return
    if v.invulnerable:
        img = img.copy()
        img.set_alpha(150)  # steady translucency, never blinking
    surface.blit(img, img.get_rect(center=(x, y)))


def sprite_angle(kind: str, angle: float) -> int:
    """The drawn rotation of a projectile travelling at `angle` degrees, snapped to ANGLE_STEP.

    Within (-180, 180]; a sprite with text on it (TEXT_SPRITES) stays within [-90, 90] so its words
    read left to right whichever way it flies (it lies along its line of travel, the right way up).
    """
    step = round(angle / ANGLE_STEP) * ANGLE_STEP % 360
    if step > 180:
        step -= 360
    if kind in TEXT_SPRITES:
        if step > 90:
            step -= 180
        elif step < -90:
            step += 180
    return int(step)


def warning_layout(
    arena: tuple[int, int, int, int], side: str, label_size: tuple[int, int]
) -> tuple[tuple[int, int], pygame.Rect] | None:
    """Where an incoming-wave warning goes: the arrow's centre and the label's rect (None for no side).

    Both sit inside the arena and below the HUD bar, the label on the inward side of the arrow.
    """
    ax, ay, aw, ah = arena
    top = max(ay, HUD_RECT.bottom) + 8  # the arena's top edge runs under the HUD
    pos = {"left": (ax + 22, ay + ah // 2), "right": (ax + aw - 22, ay + ah // 2),
           "top": (ax + aw // 2, top + 16), "bottom": (ax + aw // 2, ay + ah - 22)}.get(side)
    if pos is None:
        return None
    cx, cy = pos
    lw, lh = label_size
    label = pygame.Rect(0, 0, lw, lh)
    if side == "bottom":
        label.midbottom = (cx, cy - 22)
    else:
        label.midtop = (cx, cy + 22)
    label.clamp_ip(pygame.Rect(ax + 4, top, aw - 8, ay + ah - 4 - top))
    return pos, label


def _warning(surface: pygame.Surface, art: Any, arena: tuple[int, int, int, int], side: str, kind: str) -> None:
    slip = art.slip(kind.upper() + "S!", theme.WARNING_SIZE, theme.WARNING_TEXT, theme.WARNING_BG,
                    theme.WARNING_BORDER)
    layout = warning_layout(arena, side, slip.get_size())
    if layout is None:
        return
    (cx, cy), label = layout
    inward = {"left": 0.0, "right": math.pi, "top": math.pi / 2, "bottom": -math.pi / 2}[side]
    pts = []
    for da, r in ((0.0, 16), (2.4, 14), (-2.4, 14)):
        pts.append((cx + math.cos(inward + da) * r, cy + math.sin(inward + da) * r))
    pygame.draw.polygon(surface, theme.WARNING_BG, pts)
    pygame.draw.polygon(surface, theme.WARNING_BORDER, pts, 2)
    surface.blit(slip, label)


def _hud(surface: pygame.Surface, art: Any, v: Any) -> None:
    # the play screen's buttons sit right of it
    surface.blit(art.panel(HUD_RECT.w, HUD_RECT.h, theme.INK, 170, 10), HUD_RECT.topleft)
    x = 24
    for i in range(v.composure_max):
        surface.blit(art.heart(28, i < v.composure), (x, 18))
        x += 32
    # time bar
    bx, bw = 300, 260
    frac = min(1.0, v.time / v.duration) if v.duration > 0 else 1.0
    pygame.draw.rect(surface, theme.NIGHT, (bx, 24, bw, 16), border_radius=8)
    pygame.draw.rect(surface, theme.GOLD, (bx, 24, round(bw * frac), 16), border_radius=8)
    pygame.draw.rect(surface, theme.CREAM, (bx, 24, bw, 16), 2, border_radius=8)
    left = max(0, math.ceil(v.duration - v.time))
    t = art.shadow_text(f"{left}s", 20, theme.CREAM)
    surface.blit(t, t.get_rect(midright=(bx - 8, 32)))
    # words
    goal = f"WORDS {len(v.collected)}/{v.collect_goal}" if v.collect_goal else f"WORDS {len(v.collected)}"
    g = art.shadow_text(goal, 22, theme.GOLD if len(v.collected) >= v.collect_goal else theme.CREAM)
    surface.blit(g, g.get_rect(midleft=(bx + bw + 18, 32)))
    # dash
    dx, dy = 16, surface.get_height() - 34
    pygame.draw.rect(surface, theme.NIGHT, (dx, dy, 96, 24), border_radius=6)
    pygame.draw.rect(surface, theme.RED if v.dash_ready >= 1 else theme.GREY,
                     (dx, dy, round(96 * max(0.0, min(1.0, v.dash_ready))), 24), border_radius=6)
    pygame.draw.rect(surface, theme.CREAM, (dx, dy, 96, 24), 2, border_radius=6)
    d = art.text("DASH", 18, theme.CREAM)
    surface.blit(d, d.get_rect(center=(dx + 48, dy + 12)))
    # the sentence so far, bottom centre
    if v.collected:
        s = art.slip(" ".join(v.collected), 24, theme.INK, theme.CREAM, theme.RED)
        surface.blit(s, s.get_rect(midbottom=(W // 2, surface.get_height() - 6)))
    info = art.shadow_text(f"{v.difficulty}" + (f"  ·  try {v.retries + 1}" if v.retries else ""), 16, theme.CREAM)
    surface.blit(info, info.get_rect(bottomright=(W - 10, surface.get_height() - 6)))


def _banner(surface: pygame.Surface, art: Any, head: str, sub: str) -> None:
    h = art.shadow_text(head, 56, theme.GOLD)
    s = art.shadow_text(sub, 24, theme.CREAM)
    cy = surface.get_height() // 2
    surface.blit(art.panel(max(h.get_width(), s.get_width()) + 60, 130, theme.INK, 215, 6),
                 (W // 2 - (max(h.get_width(), s.get_width()) + 60) // 2, cy - 70))
    surface.blit(h, h.get_rect(center=(W // 2, cy - 22)))
    surface.blit(s, s.get_rect(center=(W // 2, cy + 32)))
