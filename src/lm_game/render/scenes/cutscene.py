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


def zoom_step(zoom: float) -> int:
    """A zoom snapped to ZOOM_STEP, as a whole number of steps (1.0 and below: no zoom)."""
    return max(round(1.0 / ZOOM_STEP), round(zoom / ZOOM_STEP))


def zoomed_background(art: Any, rel: str | None, zoom: float) -> pygame.Surface:
    """The backdrop at a zoom snapped to ZOOM_STEP (each size made once per scene)."""
    step = zoom_step(zoom)
    if step <= round(1.0 / ZOOM_STEP):
        return art.background(rel)  # type: ignore[no-any-return]
    return art.zoomed(rel, step, ZOOM_STEP)  # type: ignore[no-any-return]


def zoom_steps(cues: Any, reduced_motion: bool) -> set[int]:
    """Every zoom step a timeline's camera can show: the cues' zooms, and all between when it glides."""
    zooms = [1.0] + [float(c.zoom) for c in cues if getattr(c, "do", None) == "camera"]
    steps = {zoom_step(z) for z in zooms}
    if not reduced_motion:
        steps = set(range(min(steps), max(steps) + 1))
    return {s for s in steps if s > round(1.0 / ZOOM_STEP)}


def prepare_zooms(art: Any, logic: Any, rel: str | None) -> None:
    """Make the zoomed backdrops a cutscene's camera needs when it starts (the first frame it is drawn),
    and drop all others: no smoothscale spike at the first frame of each zoom step, and only one
    scene's zoom steps are ever held.
    """
    timeline = getattr(logic, "timeline", None)
    if timeline is None:
        return
    plan = (id(timeline), rel)
    if art.zoom_plan == plan:
        return
    art.zoom_plan = plan
    steps = zoom_steps(getattr(timeline, "cues", ()), bool(getattr(timeline, "reduced_motion", False)))
    art.keep_zooms({(rel, s) for s in steps})
    for s in sorted(steps):
        art.zoomed(rel, s, ZOOM_STEP)


def draw_world(surface: pygame.Surface, logic: Any, art: Any, background: str | None, actors: list[Any],
               camera: Any) -> None:
    """Backdrop and actors as the camera sees them (camera.x/y is the world point at the centre)."""
    prepare_zooms(art, logic, background)
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
