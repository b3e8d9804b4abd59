"""Accessibility: WCAG contrast from the theme, text sizes, wrapping that never overflows, caching."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from lm_game.render import theme
from lm_game.render.text import TextCache, wrap
from lm_game.runtime.settings import TEXT_SIZES, Settings
from lm_game.testing.harness import Harness

DEMO = str(Path(__file__).parent / "levels_good" / "ui_demo.json")


@pytest.mark.parametrize("high", [False, True])
def test_access_dialogue_text_contrast_at_least_4_5(high: bool) -> None:
    style = theme.box_style(high)
    pairs = {
        "dialogue text": (style.text, style.box),
        "dialogue text over halftone dots": (style.text, theme.shade(style.box)),
        "name plate": (style.name_text, style.name_bg),
        "choice": (style.choice_text, style.choice_bg),
        "focused choice": (style.focus_text, style.focus_bg),
        "disabled choice": (style.disabled_text, style.choice_bg),
    }
    for name, (fg, bg) in pairs.items():
        ratio = theme.contrast_ratio(fg, bg)
        assert ratio >= 4.5, f"{name}: {ratio:.2f}"
    if high:
        assert theme.contrast_ratio(style.text, style.box) >= 7.0  # AAA in high-contrast mode


def test_access_menu_and_panel_text_contrast() -> None:
    assert theme.contrast_ratio(theme.MENU_TEXT, theme.PANEL_BG) >= 4.5
    assert theme.contrast_ratio(theme.MENU_TEXT, theme.MENU_FOCUS_BG) >= 4.5
    assert theme.contrast_ratio(theme.PANEL_ACCENT, theme.PANEL_BG) >= 4.5
    assert theme.contrast_ratio(theme.MENU_DISABLED, theme.PANEL_BG) >= 4.5


def test_access_contrast_formula_matches_wcag_reference_values() -> None:
    assert theme.contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert theme.contrast_ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


def test_access_text_size_has_at_least_three_steps() -> None:
    sizes = [theme.text_size(s) for s in TEXT_SIZES]
    assert len(set(sizes)) >= 3 and sizes == sorted(sizes)


@pytest.mark.parametrize("size", list(TEXT_SIZES))
def test_access_wrapped_dialogue_never_overflows_the_box(size: str) -> None:
    h = Harness(level=DEMO, settings=Settings(text_size=size, text_speed=0, photosensitivity_notice_seen=True))
    h.step(2)
    play = h.app.stack.top
    font = play.dialogue_font()
    for text in (
        "STEP RIGHT UP! See the Star in their natural habitat: tired, grumpy and refusing to smile.",
        "Supercalifragilisticexpialidocious" * 4,
        "A\nB with a newline",
    ):
        play.box.show(text, "barker", "The Barker", "grin", "portraits/barker_grin.png")
        lay = play.box.layout(font)
        assert "".join(lay.lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
        for line in lay.lines:
            assert lay.text_x + font.size(line)[0] <= lay.box.right - 10
        assert lay.text_y + len(lay.lines) * lay.line_h <= lay.box.bottom
        assert lay.box.top >= 0


def test_access_text_is_rendered_once_not_every_frame() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=40, photosensitivity_notice_seen=True))
    from lm_game.ui import services

    cache = services.text(h.app)
    h.step(30)
    renders = cache.renders
    h.step(60)  # still typing the same line: the wrapped lines are clipped, not re-rendered
    assert cache.renders == renders


def test_access_wrap_measures_with_the_font() -> None:
    pygame.font.init()
    font = pygame.font.Font(None, 30)
    lines = wrap(font, "one two three four five six seven eight nine ten", 120)
    assert all(font.size(line)[0] <= 120 for line in lines) and len(lines) > 2
    cache = TextCache(2)
    a = cache.render(font, "x", (0, 0, 0))
    assert cache.render(font, "x", (0, 0, 0)) is a


def test_access_reduced_motion_keeps_the_advance_mark_still() -> None:
    frames = []
    for _ in range(2):
        h = Harness(level=DEMO, settings=Settings(text_speed=0, reduced_motion=True, photosensitivity_notice_seen=True))
        h.step(2)
        frames.append(h)
    frames[1].step(17)
    a = pygame.image.tobytes(frames[0].app.canvas, "RGB")
    b = pygame.image.tobytes(frames[1].app.canvas, "RGB")
    assert a == b
