"""Memory bounds of the render caches: text by bytes, one copy of each backdrop, scene art released
when a scene is entered, a cutscene's zoom steps made when it starts, thumbnails encoded without
pygame.image.save (which leaks its buffer in pygame-ce 2.5.8)."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pygame
import pytest

from lm_game.render.assets import AssetCache
from lm_game.render.scenes import art as art_module
from lm_game.render.scenes import cutscene
from lm_game.render.text import TextCache
from lm_game.ui import flow

BACKDROP = "backgrounds/coaster.png"


@pytest.fixture(scope="module", autouse=True)
def display() -> None:
    pygame.init()
    pygame.display.set_mode((960, 540))


def test_text_cache_is_bounded_by_bytes_and_keeps_the_newest() -> None:
    font = pygame.font.Font(None, 40)
    cache = TextCache(512, max_bytes=200_000)
    for i in range(100):
        cache.render(font, f"a long line of dialogue, number {i}, as wide as the box", (255, 255, 255))
    assert 0 < cache.bytes <= 200_000 and len(cache) < 100
    big = TextCache(512, max_bytes=10)
    surf = big.render(font, "wider than the whole budget", (0, 0, 0))
    assert len(big) == 1 and big.render(font, "wider than the whole budget", (0, 0, 0)) is surf
    big.clear()
    assert big.bytes == 0 and len(big) == 0


def test_backdrop_is_the_asset_cache_surface_and_released_with_the_scene() -> None:
    assets = AssetCache()
    art = art_module.art_for(assets)
    bg = art.background(BACKDROP)
    assert bg is assets.image(BACKDROP) and bg.get_size() == (960, 540)
    assert not bg.get_flags() & pygame.SRCALPHA  # opaque: blits as fast as a converted copy
    art.text("hello", 24)
    art.panel(100, 40)
    art_module.release(assets)
    assert not art._backgrounds and not art._panels and len(art.text_cache) == 0
    assets.release_images()
    assert BACKDROP not in assets._images
    assert art.background(BACKDROP) is assets.image(BACKDROP)


def test_cutscene_zoom_steps_are_made_when_it_starts_and_only_its_own_kept() -> None:
    assets = AssetCache()
    art = art_module.art_for(assets)
    cues = [SimpleNamespace(do="camera", zoom=1.2), SimpleNamespace(do="camera", zoom=1.0)]
    logic = SimpleNamespace(timeline=SimpleNamespace(cues=cues, reduced_motion=False))
    assert cutscene.zoom_steps(cues, False) == set(range(41, 49))
    assert cutscene.zoom_steps(cues, True) == {48}
    cutscene.prepare_zooms(art, logic, BACKDROP)
    assert set(art._zooms) == {(BACKDROP, s) for s in range(41, 49)}
    made = dict(art._zooms)
    for z in (1.0, 1.01, 1.07, 1.13, 1.2):  # every zoom on the way is one already made
        surf = cutscene.zoomed_background(art, BACKDROP, z)
        assert surf is art.background(BACKDROP) or surf in made.values()
    assert art._zooms == made
    other = SimpleNamespace(timeline=SimpleNamespace(cues=[SimpleNamespace(do="camera", zoom=1.05)],
                                                     reduced_motion=False))
    cutscene.prepare_zooms(art, other, "backgrounds/big_top.png")
    assert set(art._zooms) == {("backgrounds/big_top.png", 41), ("backgrounds/big_top.png", 42)}


def test_thumbnail_png_decodes_to_the_same_pixels() -> None:
    src = pygame.Surface((960, 540))
    for x in range(0, 960, 40):
        pygame.draw.rect(src, ((x * 7) % 256, (x * 3) % 256, 255 - x % 256), (x, 0, 40, 540))
    pygame.draw.circle(src, (250, 10, 120), (480, 270), 100)
    png = flow.thumbnail_png(src)
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n")
    decoded = pygame.image.load(io.BytesIO(png), "thumb.png")
    assert decoded.get_size() == flow.THUMB_SIZE
    small = pygame.transform.smoothscale(src, flow.THUMB_SIZE)
    assert pygame.image.tobytes(decoded, "RGB") == pygame.image.tobytes(small, "RGB")
    thumb = flow.thumbnail_surface(png)
    assert thumb is not None and thumb.get_size() == flow.THUMB_SIZE


def test_png_rgb_checks_its_input() -> None:
    with pytest.raises(ValueError):
        flow.png_rgb(b"\x00" * 5, 2, 1)
    png = flow.png_rgb(bytes([1, 2, 3, 4, 5, 6]), 2, 1)
    img = pygame.image.load(io.BytesIO(png), "x.png")
    assert img.get_at((0, 0))[:3] == (1, 2, 3) and img.get_at((1, 0))[:3] == (4, 5, 6)
