"""Dodge renderer: text-bearing projectiles never turn upside down; wave warnings stay off the HUD."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pygame
import pytest

from lm_game.content.loader import load_level
from lm_game.render import theme
from lm_game.render.assets import AssetCache
from lm_game.render.scenes import dodge as dodge_render
from lm_game.render.scenes.art import art_for
from lm_game.render.scenes.dodge import HUD_RECT, TEXT_SPRITES, sprite_angle, warning_layout
from lm_game.scenes.dodge import Projectile
from tests.test_scene_support import ROOT, Play

SIDES = ["left", "right", "top", "bottom"]
ARENAS = [(40, 40, 880, 460), (60, 70, 840, 420), (0, 0, 960, 540)]


@pytest.fixture(scope="module")
def canvas() -> pygame.Surface:
    pygame.init()
    pygame.display.set_mode((960, 540))
    return pygame.Surface((960, 540))


def test_headline_sprite_angle_stays_upright_and_along_its_path() -> None:
    assert "headline" in TEXT_SPRITES
    for deg in range(-360, 361, 5):
        a = sprite_angle("headline", deg)
        assert -90 <= a <= 90, (deg, a)
        snapped = round(deg / dodge_render.ANGLE_STEP) * dodge_render.ANGLE_STEP
        assert (a - snapped) % 180 == 0, (deg, a)  # still lies along its line of travel
    assert sprite_angle("headline", 180.0) == 0  # flying left: drawn as is, not upside down
    assert sprite_angle("microphone", 180.0) == 180  # a sprite without words may turn right round


def test_left_moving_headlines_are_drawn_upright(canvas: pygame.Surface, monkeypatch: Any) -> None:
    p = Play("dodge")
    p.step(30)
    lg: Any = p.logic
    lg.projectiles[:] = [
        Projectile("headline", 300 + 40 * i, 300, math.cos(math.radians(d)) * 200, math.sin(math.radians(d)) * 200)
        for i, d in enumerate(range(0, 360, 30))
    ]
    assets = AssetCache(ROOT / "assets")
    art = art_for(assets)
    drawn: list[tuple[str, int]] = []
    real = art.rotated

    def spy(rel: str, angle_step: int, scale: float = 1.0) -> pygame.Surface | None:
        drawn.append((rel, angle_step))
        return real(rel, angle_step, scale)

    monkeypatch.setattr(art, "rotated", spy)
    dodge_render.draw(canvas, lg, assets, p.host.settings)
    headlines = [a for rel, a in drawn if rel == dodge_render.PROJECTILE_ART["headline"]]
    assert len(headlines) == 12
    assert all(-90 <= a <= 90 for a in headlines), headlines


@pytest.mark.parametrize("arena", ARENAS)
@pytest.mark.parametrize("side", SIDES)
def test_wave_warning_layout_is_below_the_hud_and_on_screen(arena: tuple[int, int, int, int], side: str) -> None:
    layout = warning_layout(arena, side, (130, 34))
    assert layout is not None
    (cx, cy), label = layout
    arrow = pygame.Rect(cx - 16, cy - 16, 32, 32)
    screen = pygame.Rect(0, 0, 960, 540)
    for r in (arrow, label):
        assert not r.colliderect(HUD_RECT), (side, r)
        assert screen.contains(r), (side, r)
    assert not arrow.colliderect(label)


def test_wave_warning_is_readable() -> None:
    assert theme.contrast_ratio(theme.WARNING_TEXT, theme.WARNING_BG) >= 4.5


def coaster_ride() -> Play:
    """The game's own dodge scene (its arena runs up under the HUD)."""
    return Play("dodge", scene="ride", level=load_level(ROOT / "levels" / "headline_coaster.json"))


@pytest.mark.parametrize("game_level", [False, True])
@pytest.mark.parametrize("side", SIDES)
def test_wave_warning_never_draws_over_the_hud(
    canvas: pygame.Surface, side: str, game_level: bool, monkeypatch: Any
) -> None:
    p = coaster_ride() if game_level else Play("dodge")
    p.step(30)
    lg: Any = p.logic
    lg.projectiles.clear()
    assets = AssetCache(ROOT / "assets")
    base = lg.view()
    shots = []
    for warnings in ([], [(side, "flashbulb")]):
        monkeypatch.setattr(lg, "view", lambda w=warnings: dataclasses.replace(base, warnings=w))
        dodge_render.draw(canvas, lg, assets, p.host.settings)
        shots.append(pygame.image.tobytes(canvas.subsurface(HUD_RECT), "RGB"))
    assert shots[0] == shots[1], f"the {side} warning drew over the HUD"
