"""Scene renderers: every type draws headless; screenshots for looking; frames stay cheap."""

from __future__ import annotations

import time
from pathlib import Path

import pygame
import pytest

from lm_game.input.actions import Action
from lm_game.render.assets import AssetCache
from lm_game.render.scenes import draw_view
from lm_game.runtime.settings import Settings
from tests.test_scene_support import ROOT, Play

SHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def canvas() -> pygame.Surface:
    pygame.init()
    pygame.display.set_mode((960, 540))
    return pygame.Surface((960, 540))


def staged(kind: str, settings: Settings | None = None) -> Play:
    """A scene of each type at a moment worth looking at."""
    p = Play(kind, settings=settings)
    if kind == "explore":
        p.press(Action.POINT, (480, 330))
        p.hold([Action.LEFT], 12)
        p.host.state.give("ticket")
        p.step()
    elif kind == "dodge":
        p.host.held = {"left", "up"}
        p.step(40)
        p.host.held = set()
        p.step(60 * 7 + 40 - 40)
        p.logic.collected.append("LEAVE")  # type: ignore[attr-defined]
    elif kind == "rhythm":
        lg = p.logic
        p.step(round(lg.beat_time(6.0) * 60))  # type: ignore[attr-defined]
        p.press(Action.UP)
        p.host.held.add("up")
        p.step(4)
    elif kind == "cutscene":
        p.step(60 * 2)
    elif kind == "finale":
        for _ in range(9):
            p.tap(Action.CONFIRM)
        p.step(60)
    return p


KINDS = ["explore", "dodge", "rhythm", "cutscene", "finale", "dialogue"]


@pytest.mark.parametrize("kind", KINDS)
def test_scene_render_screenshot(kind: str, canvas: pygame.Surface) -> None:
    p = staged(kind)
    assets = AssetCache()
    draw_view(canvas, p.logic, assets, p.host.settings)
    SHOTS.mkdir(parents=True, exist_ok=True)
    out = SHOTS / f"scene_{kind}.png"
    pygame.image.save(canvas, str(out))
    assert out.stat().st_size > 10_000
    # the picture is not one flat colour
    colours = {canvas.get_at((x, y))[:3] for x in range(0, 960, 97) for y in range(0, 540, 53)}
    assert len(colours) > 8


@pytest.mark.parametrize("kind", ["dodge", "rhythm", "finale"])
def test_scene_render_accessible_modes(kind: str, canvas: pygame.Surface) -> None:
    s = Settings(reduced_flashing=True, reduced_motion=True, text_size="xl")
    p = staged(kind, s)
    draw_view(canvas, p.logic, AssetCache(), s)
    pygame.image.save(canvas, str(SHOTS / f"scene_{kind}_reduced.png"))


@pytest.mark.parametrize("kind", ["explore", "dodge", "rhythm", "cutscene", "finale"])
def test_scene_render_frames_are_cheap(kind: str, canvas: pygame.Surface) -> None:
    p = staged(kind)
    assets = AssetCache()
    for _ in range(30):  # warm the caches
        p.step()
        draw_view(canvas, p.logic, assets, p.host.settings)
    frames = 120
    t0 = time.perf_counter()
    for _ in range(frames):
        p.step()
        draw_view(canvas, p.logic, assets, p.host.settings)
    per_frame = (time.perf_counter() - t0) / frames
    print(f"{kind}: {per_frame * 1000:.3f} ms/frame")
    assert per_frame < 0.004  # budget 1 ms on a desktop; generous here for slow CI machines


def test_scene_render_needs_no_assets(canvas: pygame.Surface, tmp_path: Path) -> None:
    """Missing art never crashes a scene: stand-ins are drawn."""
    for kind in KINDS:
        p = staged(kind)
        draw_view(canvas, p.logic, AssetCache(root=tmp_path), p.host.settings)
