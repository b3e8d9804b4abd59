"""Every setting changes what it should, at once, and is remembered after a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from lm_game.input.actions import Action
from lm_game.runtime.settings import Settings
from lm_game.testing.harness import Harness

DEMO = str(Path(__file__).parent / "levels_good" / "ui_demo.json")


def play_screen(h: Harness) -> Any:
    from lm_game.ui.play import PlayScreen

    return next(s for s in h.app.stack.screens if isinstance(s, PlayScreen))


def open_settings(h: Harness) -> Any:
    from lm_game.ui.settings_screen import SettingsScreen

    h.app.stack.push(SettingsScreen())
    h.step(1)
    return h.app.stack.top


def change(h: Harness, screen: Any, label: str, times: int = 1) -> None:
    index = [r.label for r in screen.rows].index(label)
    while screen.focus != index:
        h.tap(Action.DOWN)
    for _ in range(times):
        h.tap(Action.RIGHT)


def test_setting_every_row_is_remembered_after_restart() -> None:
    h = Harness(title=True, settings=None)
    h.step(2)
    h.tap(Action.CONFIRM)  # photosensitivity notice: reduced flashing on
    screen = open_settings(h)
    before = {r.label: r.value() for r in screen.rows}
    for row in list(screen.rows):
        if row.change is not None and row.label != "Reduced flashing":
            change(h, screen, row.label)
    after = {r.label: r.value() for r in screen.rows}
    changed = [k for k in before if before[k] != after[k]]
    assert len(changed) >= 12, changed
    saved = h.app.settings.to_dict()
    h.close()
    h2 = Harness(title=True, settings=None)  # a restart: settings come from storage
    h2.step(2)
    assert h2.state()["stack"] == ["TitleScreen"]  # the notice was answered once, for good
    assert h2.app.settings.to_dict() == saved
    screen2 = open_settings(h2)
    assert {r.label: r.value() for r in screen2.rows} == after


def test_setting_volumes_reach_the_mixer_at_once() -> None:
    from lm_game.ui import services

    h = Harness(level=DEMO, settings=Settings(photosensitivity_notice_seen=True))
    h.step(1)
    screen = open_settings(h)
    change(h, screen, "Music volume")
    change(h, screen, "Effects volume")
    change(h, screen, "Master volume")
    volumes = services.audio(h.app).state()["volumes"]
    assert volumes == [0.9, 0.8, 0.9]


def test_setting_text_speed_changes_typewriter() -> None:
    slow = Harness(level=DEMO, settings=Settings(text_speed=20, photosensitivity_notice_seen=True))
    fast = Harness(level=DEMO, settings=Settings(text_speed=80, photosensitivity_notice_seen=True))
    slow.step(30)
    fast.step(30)
    assert play_screen(slow).report()["revealed"] < play_screen(fast).report()["revealed"]


def test_setting_auto_advance_speed() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0, auto_advance_delay=0.7, photosensitivity_notice_seen=True))
    h.step(2)
    first = play_screen(h).report()["line"]
    h.step(60 * 3)
    assert play_screen(h).report()["line"] != first
    off = Harness(level=DEMO, settings=Settings(text_speed=0, photosensitivity_notice_seen=True))
    off.step(60 * 4)
    assert play_screen(off).report()["line"] == first


def test_setting_text_size_grows_dialogue_font_in_at_least_three_steps() -> None:
    heights = []
    for size in ("small", "medium", "large", "xl"):
        h = Harness(level=DEMO, settings=Settings(text_size=size, text_speed=0, photosensitivity_notice_seen=True))
        h.step(1)
        heights.append(play_screen(h).dialogue_font().get_height())
    assert heights == sorted(heights) and len(set(heights)) == 4


def test_setting_high_contrast_box_is_drawn_black() -> None:
    def box_pixel(high: bool) -> tuple[int, int, int]:
        h = Harness(level=DEMO, settings=Settings(high_contrast=high, text_speed=0, photosensitivity_notice_seen=True))
        h.step(2)
        return tuple(h.app.canvas.get_at((900, 510)))[:3]  # type: ignore[return-value]

    from lm_game.render import theme

    assert box_pixel(True) == theme.BLACK
    assert box_pixel(False) != theme.BLACK


def test_setting_reduced_motion_stops_shake_and_softens_transitions() -> None:
    from lm_game.app.transitions import Fade, Tear, make_transition

    assert isinstance(make_transition("tear", lambda: None), Tear)
    assert isinstance(make_transition("tear", lambda: None, reduced_motion=True), Fade)
    for reduced in (False, True):
        s = Settings(text_speed=0, reduced_motion=reduced, photosensitivity_notice_seen=True)
        h = Harness(level=DEMO, settings=s)
        h.step(1)
        h.tap(Action.CONFIRM)  # the shake command runs after the second line
        h.tap(Action.CONFIRM)
        offsets = set()
        for _ in range(10):
            h.step(1)
            offsets.add(tuple(play_screen(h).report()["shake"]))
        assert (offsets == {(0, 0)}) == reduced


def test_setting_reduced_flashing_and_timers_off_and_skip_reach_play() -> None:
    h = Harness(level=DEMO, settings=Settings(photosensitivity_notice_seen=True))
    h.step(1)
    screen = open_settings(h)
    change(h, screen, "Reduced flashing")
    change(h, screen, "Choice timers")
    change(h, screen, "Skip")
    change(h, screen, "Difficulty (action scenes)")
    change(h, screen, "Rhythm calibration", times=3)
    h.tap(Action.CANCEL)
    play = play_screen(h)
    assert play.effects.reduced_flashing
    s = play.settings  # what scene logic reads through its SceneHost
    assert s.timers_off and s.skip_unseen and s.dodge_difficulty == "hard" and s.rhythm_offset_ms == 30


def test_setting_key_remap_press_a_key_to_bind_and_remembered() -> None:
    h = Harness(title=True, settings=Settings(photosensitivity_notice_seen=True))
    h.step(1)
    screen = open_settings(h)
    change(h, screen, "Controls (remap keys)", times=0)
    h.tap(Action.CONFIRM)
    keys = h.app.stack.top
    assert type(keys).__name__ == "KeyBindingsScreen"
    h.tap(Action.CONFIRM)  # row 0: Confirm -> waiting for a key
    assert keys.waiting == "confirm"
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_k, mod=0, unicode="k", scancode=0))
    h.step(1)
    assert keys.waiting is None
    assert h.app.settings.key_bindings["confirm"][0] == "k"
    assert [e.action for e in h.app.input.translate(_key(pygame.K_k))] == [Action.CONFIRM]
    h.close()
    h2 = Harness(level=DEMO, settings=None)
    h2.step(2)
    assert [e.action for e in h2.app.input.translate(_key(pygame.K_k))] == [Action.CONFIRM]
    first = play_screen(h2).report()["line"]
    for _ in range(2):
        pygame.event.post(_key(pygame.K_k))
        h2.step(1)
        pygame.event.post(_key(pygame.K_k, up=True))
        h2.step(1)
    assert play_screen(h2).report()["line"] != first


def _key(code: int, up: bool = False) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYUP if up else pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)


def test_setting_key_remap_takes_the_key_from_other_actions() -> None:
    from lm_game.ui.keys import bind, effective_bindings

    out = bind({}, "confirm", "x")  # x was cancel's second key
    merged = effective_bindings(out)
    assert merged["confirm"][0] == "x" and "x" not in merged["cancel"]
    out = bind({}, "menu", "return")  # return was confirm's first key
    merged = effective_bindings(out)
    assert merged["menu"] == ["return"] and "return" not in merged["confirm"] and merged["confirm"]


def test_setting_chapters_unlocked_at_level_end_and_listed() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0, photosensitivity_notice_seen=True))
    play = play_screen(h)
    h.step(1)
    play.level_end("headline_coaster")
    assert "headline_coaster" in h.app.settings.chapters_unlocked
    assert play.report()["card"][1] == "Headline Coaster"
    h.close()
    h2 = Harness(title=True, settings=None)
    h2.step(1)
    from lm_game.ui.title import ChapterScreen

    h2.app.stack.push(ChapterScreen())
    h2.step(1)
    assert any("Headline Coaster" in label for label in h2.state()["top"]["items"])
