"""Screens reached by scripted actions, with a 960x540 screenshot of each in test-artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lm_game.input.actions import Action
from lm_game.runtime.settings import Settings
from lm_game.testing.harness import Harness

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-artifacts" / "screenshots"
DEMO = str(Path(__file__).parent / "levels_good" / "ui_demo.json")


def shot(h: Harness, name: str) -> Path:
    path = h.screenshot(SHOTS / f"{name}.png")
    import pygame

    img = pygame.image.load(str(path))
    assert img.get_size() == (960, 540)
    return path


def top(h: Harness) -> dict[str, Any]:
    return h.state()["top"]  # type: ignore[no-any-return]


def level_ref() -> tuple[str, str | None]:
    """The shipped first level's booth scene when it loads, else the fixture level."""
    try:
        from lm_game.content.loader import load_level
        from lm_game.content.locate import find_level

        level = load_level(find_level("front_page"))
        level.scene("booth")
        return "front_page", "booth"
    except Exception:
        return DEMO, None


def to_choices(h: Harness) -> None:
    for _ in range(60):
        if top(h).get("choices"):
            return
        h.tap(Action.CONFIRM)
        h.step(2)
    pytest.fail("no choice reached")


def test_access_photosensitivity_notice_then_title_screenshot() -> None:
    h = Harness(title=True)
    h.step(3)
    assert h.state()["stack"] == ["TitleScreen", "PhotosensitivityNotice"]
    shot(h, "photosensitivity_notice")
    h.tap(Action.CONFIRM)  # "Turn on reduced flashing" is focused first
    h.step(30)
    assert h.state()["stack"] == ["TitleScreen"]
    assert h.app.settings.reduced_flashing and h.app.settings.photosensitivity_notice_seen
    shot(h, "title")
    h2 = Harness(title=True)  # remembered: not shown at the next start
    h2.step(3)
    assert h2.state()["stack"] == ["TitleScreen"]


def test_dialogue_with_portrait_and_choice_menu_screenshots() -> None:
    ref, scene = level_ref()
    h = Harness(level=ref, scene=scene, settings=Settings(photosensitivity_notice_seen=True))
    h.step(3)
    h.tap(Action.CONFIRM)  # complete the first line
    h.tap(Action.CONFIRM)
    h.step(2)
    h.tap(Action.CONFIRM)
    st = top(h)
    assert st["speaker"] and st["line_complete"]
    shot(h, "dialogue_portrait")
    to_choices(h)
    h.tap(Action.DOWN)
    shot(h, "choice_menu")


def test_choice_disabled_and_timer_screenshot() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0, photosensitivity_notice_seen=True, high_contrast=True))
    to_choices(h)
    h.step(120)
    st = top(h)
    assert st["choices_enabled"] == [True, True, False] and st["timer"] < 8
    shot(h, "choice_menu_disabled_timer_high_contrast")


def test_backlog_pause_settings_saveload_screenshots() -> None:
    ref, scene = level_ref()
    h = Harness(level=ref, scene=scene, settings=Settings(text_speed=0, photosensitivity_notice_seen=True))
    h.step(2)
    for _ in range(4):
        h.tap(Action.CONFIRM)
        h.step(2)
    h.tap(Action.BACKLOG)
    assert top(h)["screen"] == "BacklogScreen"
    shot(h, "backlog")
    h.tap(Action.CANCEL)
    h.tap(Action.MENU)
    assert top(h)["screen"] == "PauseScreen"
    shot(h, "pause")
    # Save into slot 1 (Save is the second item)
    h.tap(Action.DOWN)
    h.tap(Action.CONFIRM)
    assert top(h)["mode"] == "save"
    h.tap(Action.CONFIRM)
    assert top(h)["slots"][0] == ("1", "ok")
    h.tap(Action.RIGHT)
    h.tap(Action.CONFIRM)
    shot(h, "save_screen")
    h.tap(Action.CONFIRM)  # slot 1 is used: overwrite asks first
    assert top(h)["screen"] == "ConfirmScreen"
    shot(h, "confirm_overwrite")
    h.tap(Action.CANCEL)
    h.tap(Action.CANCEL)
    h.tap(Action.DOWN)
    h.tap(Action.CONFIRM)
    assert top(h)["mode"] == "load"
    shot(h, "load_screen")
    h.tap(Action.CANCEL)
    h.tap(Action.DOWN)
    h.tap(Action.CONFIRM)
    assert top(h)["screen"] == "SettingsScreen"
    shot(h, "settings")


def test_settings_screenshot_extra_large_text() -> None:
    h = Harness(title=True, settings=Settings(text_size="xl", photosensitivity_notice_seen=True))
    h.step(2)
    shot(h, "title_xl_text")
    from lm_game.ui.settings_screen import SettingsScreen

    h.app.stack.push(SettingsScreen())
    h.step(1)
    shot(h, "settings_xl_text")
    ref, scene = level_ref()
    s2 = Settings(text_size="xl", text_speed=0, photosensitivity_notice_seen=True)
    h2 = Harness(level=ref, scene=scene, settings=s2)
    h2.step(2)
    shot(h2, "dialogue_xl_text")


def test_tear_transition_midway_screenshot() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0, photosensitivity_notice_seen=True))
    to_choices(h)
    h.tap(Action.CONFIRM)
    h.step(2)
    for _ in range(3):
        h.tap(Action.CONFIRM)
        h.step(1)
        if top(h)["transition"]:
            break
    assert top(h)["transition"]
    h.step(12)
    shot(h, "transition_tear")
