"""Explore scenes: backdrop, hotspot markers and labels, actors and the walking Star, inventory."""

from __future__ import annotations

from typing import Any

import pygame

from lm_game.render import theme
from lm_game.render.scenes.art import art_for, pulse
from lm_game.render.scenes.dialogue import draw_actors

#: The Star's walk sprites (48x96) are drawn this much bigger at depth scale 1.
SPRITE_SCALE = 1.4
HINT = "Move: arrows / stick / click     Interact: Enter / A / tap"


def draw(surface: pygame.Surface, logic: Any, assets: Any, settings: Any) -> None:
    """Everything of an explore scene."""
    art = art_for(assets)
    v = logic.view()
    reduced_motion = bool(getattr(settings, "reduced_motion", False))
    t = logic.time
    surface.blit(art.background(v.background), (0, 0))

    # actors and the Star, back to front
    player = v.player
    drawn_player = False
    for a in sorted(v.actors, key=lambda a: a.y):
        if not drawn_player and a.y > player.y:
            _draw_player(surface, art, player)
            drawn_player = True
        draw_actors(surface, logic, art, [a])
    if not drawn_player:
        _draw_player(surface, art, player)

    # hotspot markers (over the actors): a small gold diamond over each; focus/hover get a frame and their label
    for h in v.hotspots:
        x, y, w, hh = h.rect
        cx = x + w // 2
        active = h.focused or h.hovered
        if active:
            k = pulse(t, reduced_motion, 1.2)
            colour = theme.GOLD if h.focused else theme.CREAM
            frame = pygame.Rect(x, y, w, hh)
            pygame.draw.rect(surface, theme.INK, frame.move(2, 2), 3, border_radius=6)
            pygame.draw.rect(surface, colour, frame, 2 + round(k), border_radius=6)
        else:
            pts = [(cx, y - 14), (cx + 7, y - 7), (cx, y), (cx - 7, y - 7)]
            pygame.draw.polygon(surface, theme.INK, [(px + 2, py + 2) for px, py in pts])
            pygame.draw.polygon(surface, theme.GOLD, pts)

    if v.target is not None:
        tx, ty = round(v.target[0]), round(v.target[1])
        pygame.draw.ellipse(surface, theme.INK, (tx - 11, ty - 4, 24, 10), 2)
        pygame.draw.ellipse(surface, theme.GOLD, (tx - 12, ty - 5, 24, 10), 2)

    # labels last so nothing covers them
    for h in v.hotspots:
        if not (h.focused or h.hovered):
            continue
        label = h.label + ("   [use " + h.usable_item.replace("_", " ") + "]" if h.usable_item else "")
        slip = art.slip(label, 24, theme.INK, theme.CREAM, theme.RED if h.focused else theme.GOLD)
        x, y, w, _ = h.rect
        r = slip.get_rect(midbottom=(x + w // 2, y - 10))
        r.clamp_ip(surface.get_rect().inflate(-8, -8))
        surface.blit(slip, r)

    _draw_hud(surface, art, logic, v)


def _draw_player(surface: pygame.Surface, art: Any, p: Any) -> None:
    scale = art.bucket(p.scale * SPRITE_SCALE)
    img = art.image(f"sprites/star_{p.frame}.png", scale, p.facing_left)
    x, y = round(p.x), round(p.y)
    shadow_w = round(44 * scale)
    surface.blit(art.panel(shadow_w, max(4, round(shadow_w / 4)), theme.INK, 90, shadow_w // 2),
                 (x - shadow_w // 2, y - round(shadow_w / 8)))
    if img is None:
        pygame.draw.rect(surface, theme.CREAM, (x - 16, y - 90, 32, 90), border_radius=10)
        return
    surface.blit(img, img.get_rect(midbottom=(x, y)))


def _draw_hud(surface: pygame.Surface, art: Any, logic: Any, v: Any) -> None:
    title = getattr(logic.scene, "title", "")
    if title:
        surface.blit(art.shadow_text(title.upper(), 26, theme.CREAM), (16, 12))
    level = getattr(logic.host, "level", None)
    items = getattr(level, "items", {}) if level is not None else {}
    x = surface.get_width() - 16
    for item_id in reversed(v.inventory):  # bottom right: the play screen's buttons are top right
        item = items.get(item_id) if items else None
        icon = art.image(getattr(item, "icon", None) or f"sprites/{item_id}.png")
        box = pygame.Rect(0, surface.get_height() - 66, 56, 56)
        box.right = x
        surface.blit(art.panel(56, 56, theme.NIGHT, 200), box)
        pygame.draw.rect(surface, theme.GOLD, box, 2, border_radius=8)
        if icon is not None:
            surface.blit(icon, icon.get_rect(center=box.center))
        x -= 64
    hint = art.shadow_text(HINT, 18, theme.CREAM)
    surface.blit(hint, hint.get_rect(bottomleft=(16, surface.get_height() - 8)))
