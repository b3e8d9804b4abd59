"""The flash limiter, measured frame by frame on drawn pixels: never more than three flashes in any
one second, in any mode; no flashing at all in reduced-flashing mode."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from lm_game.input.actions import Action
from lm_game.render import theme
from lm_game.render.effects import Effects, FlashLimiter
from lm_game.runtime.settings import Settings
from lm_game.testing.harness import Harness

DT = 1.0 / 60.0
DEMO = str(Path(__file__).parent / "levels_good" / "ui_demo.json")
BRIGHT = 0.05
"""A frame counts as 'lit' when its luminance is this much above the unlit frame (WCAG uses 0.1)."""


def luminance(surface: pygame.Surface, rect: pygame.Rect | None = None) -> float:
    colour = pygame.transform.average_color(surface, rect) if rect else pygame.transform.average_color(surface)
    return theme.relative_luminance(tuple(colour[:3]))


def onsets(series: list[float], baseline: float) -> list[int]:
    """Frames where the picture goes from unlit to lit (one per flash)."""
    out = []
    lit = False
    for i, value in enumerate(series):
        now = value - baseline >= BRIGHT
        if now and not lit:
            out.append(i)
        lit = now
    return out


def max_in_any_second(frames: list[int]) -> int:
    return max((sum(1 for f in frames if start <= f < start + 60) for start in frames), default=0)


def run_effects(effects: Effects, seconds: float, hammer: bool, rect: pygame.Rect | None = None) -> list[float]:
    """Draw the effects over a grey picture every frame, requesting flashes as fast as possible."""
    surface = pygame.Surface((960, 540))
    series = []
    for frame in range(round(seconds * 60)):
        if hammer:
            effects.flash(count=10, duration=0.5)
            effects.local_flash(480, 270, 80)
        elif frame % 90 == 0:
            effects.flash(count=8, duration=1.0)
        effects.update(DT)
        surface.fill((100, 100, 100))
        effects.draw(surface)
        series.append(luminance(surface, rect))
    return series


GREY = theme.relative_luminance((100, 100, 100))


@pytest.mark.parametrize("hammer", [True, False])
def test_flash_never_more_than_three_per_second_frame_by_frame(hammer: bool) -> None:
    for rect in (None, pygame.Rect(430, 220, 100, 100)):
        series = run_effects(Effects(), 6.0, hammer, rect)
        found = onsets(series, GREY)
        assert found, "the effect should flash at all"
        assert max_in_any_second(found) <= 3, found


def test_flash_reduced_mode_never_flashes() -> None:
    for rect in (None, pygame.Rect(380, 170, 200, 200), pygame.Rect(0, 0, 40, 540)):
        effects = Effects(reduced_flashing=True)
        series = run_effects(effects, 6.0, True, rect)
        assert onsets(series, GREY) == [] or max(series) - GREY < 0.1
        deltas = [abs(b - a) for a, b in zip(series, series[1:], strict=False)]
        assert max(deltas) < 0.02, "a cue must fade slowly, never jump"
        assert effects.flash_level() == 0.0
    effects = Effects(reduced_flashing=True)
    effects.flash(1, 0.1)
    for _ in range(20):
        effects.update(DT)
    assert effects.cue_level() > 0  # the flash became a (non-flashing) cue, not nothing


def test_flash_limiter_grants_at_most_three_in_any_second() -> None:
    limiter = FlashLimiter()
    granted = [i for i in range(600) if limiter.allow(i * DT)]
    assert max_in_any_second(granted) <= 3
    assert len(granted) >= 20  # it still lets flashes through, steadily
    assert limiter.denied > 0


def test_flash_command_in_a_level_frame_by_frame() -> None:
    """The fixture's `flash` command asks for 6 flashes in one second; the screen shows at most 3."""
    for reduced in (False, True):
        s = Settings(text_speed=0, reduced_flashing=reduced, photosensitivity_notice_seen=True)
        h = Harness(level=DEMO, settings=s)
        h.step(1)
        for _ in range(4):
            h.tap(Action.CONFIRM)
            h.step(1)
        assert h.state()["top"]["choices"] is not None
        h.tap(Action.CONFIRM)  # "Get off my porch." -> a line, then the flash command
        h.tap(Action.CONFIRM)
        series = []
        for _ in range(150):
            h.step(1)
            series.append(luminance(h.app.canvas))
        baseline = min(series)
        found = onsets(series, baseline)
        if reduced:
            assert found == [] or max(series) - baseline < 0.1
            deltas = [abs(b - a) for a, b in zip(series, series[1:], strict=False)]
            assert max(deltas) < 0.02
        else:
            assert 1 <= len(found) and max_in_any_second(found) <= 3


def test_flash_host_command_local_flash_goes_through_the_limiter() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0, photosensitivity_notice_seen=True))
    h.step(1)
    play = h.app.stack.top
    granted = 0
    for _ in range(60):
        before = len(play.effects.flashes)
        play.command("flash", {"x": 300, "y": 200, "radius": 50})
        granted += len(play.effects.flashes) > before
        h.step(1)
    assert granted <= 3
