"""Cutscenes: the world through the camera (pan + zoom), actors, subtitles, title cards, skip hint.

Zoom uses a few pre-scaled backdrops (steps of ZOOM_STEP), so a camera move never smoothscales
the full backdrop every frame.
"""

from __future__ import annotations

from typing import Any

import pygame

from lm_game.render import theme
from lm_game.render.scenes.art import H, W, art_for, draw_card, draw_lines
from lm_game.render.scenes.dialogue import draw_actors

ZOOM_STEP = 0.025
BAR = 36  # letterbox bars (static: no motion)


def zoomed_background(art: Any, rel: str | None, zoom: float) -> pygame.Surface:
    """The backdrop at a zoom snapped to ZOOM_STEP (each size made once)."""
    z = max(1.0, round(zoom / ZOOM_STEP) * ZOOM_STEP)
    base = art.background(rel)
    if z == 1.0:
        return base
    key = ("zoom", rel, z)
    surf: pygame.Surface | None = art._misc.get(key)
    if surf is None:
        surf = pygame.transform.smoothscale(base, (round(W * z), round(H * z)))
        art._misc[key] = surf
    return surf


def draw_world(surface: pygame.Surface, logic: Any, art: Any, background: str | None, actors: list[Any],
               camera: Any) -> None:
    """Backdrop and actors as the camera sees them (camera.x/y is the world point at the centre)."""
    zoom = max(1.0, camera.zoom)
    bg = zoomed_background(art, background, zoom)
    z = bg.get_width() / W
    ox = W / 2 - camera.x * z
    oy = H / 2 - camera.y * z
    # keep the backdrop covering the screen
    ox = min(0.0, max(W - bg.get_width(), ox))
    oy = min(0.0, max(H - bg.get_height(), oy))
    surface.fill(theme.NIGHT)
    surface.blit(bg, (round(ox), round(oy)))
    draw_actors(surface, logic, art, actors, ox, oy, z)


def caption_size(settings: Any) -> int:
    """Captions follow the dialogue's text-size setting (theme.TEXT_SIZES)."""
    return theme.text_size(str(getattr(settings, "text_size", "medium")))


def draw(surface: pygame.Surface, logic: Any, assets: Any, settings: Any) -> None:
    """Everything of a cutscene."""
    art = art_for(assets)
    v = logic.view()
    draw_world(surface, logic, art, v.background, v.actors, v.camera)
    surface.fill(theme.INK, (0, 0, W, BAR))
    surface.fill(theme.INK, (0, H - BAR, W, BAR))
    draw_lines(surface, art, v.lines, caption_size(settings), top=BAR + 8)
    if v.card:
        draw_card(surface, art, v.card)
    if v.skippable:
        hint = art.shadow_text("Skip: Tab / Backspace / RB", 18, theme.CREAM)
        surface.blit(hint, hint.get_rect(midright=(W - 14, H - BAR // 2)))
        pygame.draw.rect(surface, theme.GREY, (14, BAR // 2 - 3, 200, 6), border_radius=3)
        pygame.draw.rect(surface, theme.GOLD, (14, BAR // 2 - 3, round(200 * v.progress), 6), border_radius=3)
