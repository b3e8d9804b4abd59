"""PlayScreen through the headless harness: dialogue box, choices, scenes, saves, endings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lm_game.input.actions import Action
from lm_game.runtime.settings import Settings
from lm_game.testing.harness import Harness

DEMO = str(Path(__file__).parent / "levels_good" / "ui_demo.json")


def top(h: Harness) -> dict[str, Any]:
    return h.state()["top"]  # type: ignore[no-any-return]


def play(h: Harness) -> dict[str, Any]:
    from lm_game.ui.play import PlayScreen

    screen = next(s for s in h.app.stack.screens if isinstance(s, PlayScreen))
    return screen.report()


def advance_until(h: Harness, pred: Any, limit: int = 40) -> dict[str, Any]:
    for _ in range(limit):
        st = play(h)
        if pred(st):
            return st
        h.tap(Action.CONFIRM)
        h.step(2)
    raise AssertionError(f"condition never reached: {play(h)}")


def test_dialogue_typewriter_first_press_completes_line() -> None:
    h = Harness(level=DEMO)
    h.step(3)
    st = top(h)
    assert st["scene"] == "booth" and st["runner"] == "waiting_for_continue"
    assert st["line"].startswith("Star-Land.")
    assert not st["line_complete"]
    first = st["line"]
    h.tap(Action.CONFIRM)
    st = top(h)
    assert st["line"] == first and st["line_complete"]
    h.tap(Action.CONFIRM)
    h.step(1)
    assert top(h)["line"].startswith("STEP RIGHT UP")


def test_dialogue_typewriter_speed_and_instant_setting() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=30))
    h.step(60)  # one second at 30 characters per second
    assert 27 <= top(h)["revealed"] <= 32
    h2 = Harness(level=DEMO, settings=Settings(text_speed=0))
    h2.step(1)
    assert top(h2)["line_complete"]


def test_choice_menu_keyboard_disabled_option_is_skipped() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    st = advance_until(h, lambda s: s["choices"] is not None)
    assert st["choices_enabled"] == [True, True, False]
    assert st["choice_focus"] == 0
    h.tap(Action.DOWN)
    assert top(h)["choice_focus"] == 1
    h.tap(Action.DOWN)  # the disabled option is skipped: focus wraps to the first
    assert top(h)["choice_focus"] == 0
    h.tap(Action.DOWN)
    h.tap(Action.CONFIRM)
    h.step(2)
    st = top(h)
    assert st["line"] == "Sofas are extra." and st["meters"]["peace"] == 6


def test_choice_timer_takes_default_and_timers_off_setting_stops_it() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    advance_until(h, lambda s: s["choices"] is not None)
    h.step(int(8.2 * 60))
    assert top(h)["line"] == "Sofas are extra."
    h2 = Harness(level=DEMO, settings=Settings(text_speed=0, timers_off=True))
    advance_until(h2, lambda s: s["choices"] is not None)
    h2.step(int(9 * 60))
    assert top(h2)["choices"] is not None


def test_choice_by_mouse_needs_press_and_release_on_the_same_option() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    advance_until(h, lambda s: s["choices"] is not None)
    from lm_game.ui.play import PlayScreen

    screen = h.app.stack.top
    assert isinstance(screen, PlayScreen) and screen.choices is not None
    rects, _ = screen.choices.layout(screen.choice_font())
    h.send(Action.CONFIRM, True, rects[0].center)
    h.send(Action.CONFIRM, False, rects[1].center)  # dragged off: nothing chosen
    h.step(1)
    assert top(h)["choices"] is not None
    h.send(Action.POINT, True, rects[2].center)  # hovering the disabled option does not focus it
    assert top(h)["choice_focus"] == 0
    h.send(Action.CONFIRM, True, rects[0].center)
    h.send(Action.CONFIRM, False, rects[0].center)
    h.step(2)
    assert top(h)["line"] == "Get off my porch!"


def test_scene_change_runs_transition_then_next_scene() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    advance_until(h, lambda s: s["choices"] is not None)
    h.tap(Action.DOWN)
    h.tap(Action.CONFIRM)
    h.step(2)
    h.tap(Action.CONFIRM)
    h.step(2)
    assert top(h)["transition"]
    h.step(60)
    st = top(h)
    assert st["scene"] == "gate" and st["line"].startswith("The gate creaks")


def test_ending_then_credits_then_title() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    advance_until(h, lambda s: s["choices"] is not None)
    h.tap(Action.CONFIRM)
    st = advance_until(h, lambda s: s["choices"] is not None and s["scene"] == "gate", 60)
    assert st["choices"][0].startswith("Walk away")
    h.tap(Action.CONFIRM)
    h.step(2)
    h.tap(Action.CONFIRM)
    h.step(60)
    assert h.state()["stack"] == ["EndingScreen"]
    h.step(40)
    h.tap(Action.CONFIRM)
    h.step(60)
    assert h.state()["stack"] == ["CreditsScreen"]
    h.tap(Action.CONFIRM)
    h.step(60)
    assert h.state()["stack"] == ["TitleScreen"] or h.state()["stack"][0] == "TitleScreen"


def test_quicksave_and_quickload_restore_the_line() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    h.step(2)
    h.tap(Action.CONFIRM)
    h.step(2)
    line = top(h)["line"]
    h.tap(Action.QUICKSAVE)
    assert "quicksave" in top(h)["toast"]
    h.tap(Action.CONFIRM)
    h.step(2)
    assert top(h)["line"] != line
    h.tap(Action.QUICKLOAD)
    h.step(40)
    assert top(h)["line"] == line


def test_autosave_at_level_start_and_after_choice_has_thumbnail() -> None:
    from lm_game.ui import services

    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    h.step(2)
    saves = services.saves(h.app)
    first = saves.read_meta("auto")
    assert first.status == "ok" and first.meta is not None
    assert first.meta.thumbnail_png and first.meta.thumbnail_png.startswith(b"\x89PNG")
    advance_until(h, lambda s: s["choices"] is not None)
    h.tap(Action.CONFIRM)
    loaded = saves.load("auto")
    assert loaded.ok and loaded.state is not None and loaded.state.meters["spotlight"] == 6


def test_hide_interface_and_any_press_shows_it_again() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    h.step(2)
    line = top(h)["line"]
    h.tap(Action.HIDE_UI)
    assert top(h)["hidden"]
    h.tap(Action.CONFIRM)
    st = top(h)
    assert not st["hidden"] and st["line"] == line  # the press only brought the box back


def test_skip_toggle_only_skips_seen_lines_unless_setting() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=40))
    h.step(2)
    h.tap(Action.SKIP)  # a short press toggles skip mode
    h.step(30)
    st = top(h)
    assert st["line"].startswith("Star-Land.") and not st["skipping"]  # nothing seen yet: skip stops
    h3 = Harness(level=DEMO, settings=Settings(text_speed=40, skip_unseen=True))
    h3.step(2)
    h3.tap(Action.SKIP)
    h3.step(60)
    assert top(h3)["choices"] is not None  # skipping stops at a choice


def test_auto_advance_goes_on_by_itself() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    h.step(2)
    h.tap(Action.AUTO)
    assert top(h)["auto"]
    h.step(60 * 5)
    assert top(h)["line"] != "" and not top(h)["line"].startswith("Star-Land")


def test_backlog_lists_lines_and_jumps_back() -> None:
    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    advance_until(h, lambda s: s["line"] == "I live here.")
    h.tap(Action.BACKLOG)
    st = top(h)
    assert st["screen"] == "BacklogScreen" and st["rows"] == 3
    h.tap(Action.UP)
    h.tap(Action.UP)
    h.tap(Action.CONFIRM)
    h.step(2)
    st = top(h)
    assert st["screen"] == "PlayScreen" and st["line"].startswith("Star-Land.")
