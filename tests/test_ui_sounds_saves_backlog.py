"""Menu sounds (select / confirm / cancel), deleting a save from the save and load screens, and
dragging the backlog with a finger. Input goes in as real pygame events through the InputMapper.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from lm_game.audio import MixerAudio
from lm_game.input.actions import Action
from lm_game.runtime.saves import SaveData
from lm_game.runtime.settings import Settings
from lm_game.runtime.state import GameState
from lm_game.testing.harness import Harness
from lm_game.ui import services
from tests.test_ui_menus import DEVICES, Device, make_play, make_title, open_pause, top_screen

SHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
SELECT, CONFIRM, CANCEL = "sfx/select.ogg", "sfx/confirm.ogg", "sfx/cancel.ogg"


def played(h: Harness) -> list[str]:
    return list(services.audio(h.app).sfx_played)


def since(h: Harness, start: int) -> list[str]:
    return played(h)[start:]


def mark(h: Harness) -> None:
    services.audio(h.app).sfx_played.clear()


# ============================================================================ menu sounds
@pytest.mark.parametrize("device", DEVICES)
def test_menu_sounds_move_confirm_cancel(device: str) -> None:
    h = make_play()
    dev = Device(h, device)
    mark(h)
    pause = open_pause(h, dev)
    start = len(played(h))
    if dev.pointer:  # hover / press on another item moves the focus; the release selects it
        rect = pause.menu.rects()[3]  # Settings
        if device == "mouse":
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
            h.step(1)
            assert since(h, start) == [SELECT]
        dev.tap(rect.center)
    else:
        for _ in range(3):
            dev.press("down")
        assert since(h, start) == [SELECT] * 3
        dev.press("confirm")
    assert since(h, start)[-2:] == [SELECT, CONFIRM] if device == "touch" else since(h, start)[-1] == CONFIRM
    assert type(top_screen(h)).__name__ == "SettingsScreen"
    settings_screen = top_screen(h)
    n = len(played(h))
    if dev.pointer:
        dev.tap(dict((k, r) for k, r in settings_screen.hits)[("back", -1)].center)
    else:
        dev.press("down")
        assert since(h, n) == [SELECT]
        dev.press("cancel")
    assert played(h)[-1] == CANCEL and top_screen(h) is pause
    n = len(played(h))
    if dev.pointer:
        dev.tap(pause.menu.rects()[0].center)  # Resume
    else:
        dev.press("cancel")
    assert played(h)[-1] == (CONFIRM if dev.pointer else CANCEL)


def test_menu_sounds_confirm_dialog_no_is_cancel_and_title_focus_is_select() -> None:
    h, title = make_title()
    mark(h)
    h.tap(Action.DOWN)
    h.tap(Action.UP)
    assert played(h) == [SELECT, SELECT]
    h.tap(Action.CANCEL)  # desktop: asks to quit
    assert played(h)[-1] == CANCEL and type(top_screen(h)).__name__ == "ConfirmScreen"
    h.tap(Action.CONFIRM)  # "No" (focused): a cancel sound, not a confirm
    assert played(h)[-1] == CANCEL and top_screen(h) is title


def test_menu_sounds_follow_the_effects_volume() -> None:
    h, title = make_title()
    audio = services.audio(h.app)
    assert isinstance(audio, MixerAudio)
    s = services.settings(h.app)
    s.master_volume, s.sfx_volume = 0.5, 0.5
    services.apply_settings(h.app)
    h.tap(Action.DOWN)
    assert played(h)[-1] == SELECT
    channel = audio._sfx_channels[-1]
    assert channel.get_busy() and channel.get_volume() == pytest.approx(0.25, abs=0.02)
    s.sfx_volume = 0.0
    services.apply_settings(h.app)
    assert channel.get_volume() == 0.0
    h.tap(Action.DOWN)
    assert played(h)[-1] == SELECT and audio._sfx_channels[-1] is channel  # muted: nothing new plays


# ============================================================================ deleting a save
def fill(h: Harness, *slots: str) -> None:
    saves = services.saves(h.app)
    for slot in slots:
        for n in range(2):  # twice: the first save becomes the slot's backup
            data = SaveData(state=GameState.new(0, "front_page").to_dict(), last_line=f"line {n}")
            assert saves.save(slot, data).ok


def keys(h: Harness, slot: str) -> list[str]:
    store = services.storage(h.app)
    return sorted(k for k in store.keys("save_") if k.split(".")[0] == f"save_{slot}")


def open_load(h: Harness, dev: Device) -> Any:
    pause = open_pause(h, dev)
    if dev.pointer:
        dev.tap(pause.menu.rects()[2].center)
    else:
        dev.press("down")
        dev.press("down")
        dev.press("confirm")
    screen = top_screen(h)
    assert type(screen).__name__ == "SaveLoadScreen" and screen.mode == "load"
    h.step(1)  # drawn once: the buttons have their places
    return screen


@pytest.mark.parametrize("device", DEVICES)
def test_delete_a_save_from_the_load_screen(device: str) -> None:
    h = make_play()
    fill(h, "2", "3")
    assert keys(h, "2") == ["save_2", "save_2.bak", "save_2.meta"]
    dev = Device(h, device)
    screen = open_load(h, dev)
    index = [s.slot for s in screen.slots].index("2")
    if dev.pointer:
        dev.tap(screen.delete_rect.center)
    else:
        dev.press("up")  # from the top row to the header buttons: Delete first
        assert screen.button == "delete"
        dev.press("confirm")
    assert screen.deleting and screen.message == "Choose the save to delete."
    SHOTS.mkdir(parents=True, exist_ok=True)
    if device == "keyboard":
        h.screenshot(SHOTS / "load_screen_delete_mode.png")
    if dev.pointer:
        dev.tap(screen.card_rect(index).center)
    else:
        while screen.focus != index:
            dev.press("right")
        dev.press("confirm")
    confirm = top_screen(h)
    assert type(confirm).__name__ == "ConfirmScreen" and confirm.tag == "delete"
    assert confirm.question == "Delete slot 2?" and [it.label for it in confirm.menu.items] == ["Delete", "Keep it"]
    if device == "keyboard":
        h.screenshot(SHOTS / "load_screen_delete_confirm.png")
    if dev.pointer:
        dev.tap(confirm.menu.rects()[0].center)
    else:
        dev.press("up")
        dev.press("confirm")
    assert top_screen(h) is screen and not screen.deleting
    assert keys(h, "2") == []  # save, meta and backup: all gone
    assert dict(screen.state()["slots"])["2"] == "empty" and dict(screen.state()["slots"])["3"] == "ok"
    assert services.saves(h.app).load("2").ok is False
    assert screen.message == "Slot 2 deleted."
    if device == "keyboard":
        h.step(1)
        h.screenshot(SHOTS / "load_screen_after_delete.png")


@pytest.mark.parametrize("device", ["keyboard", "touch"])
def test_delete_on_the_save_screen_and_backing_out(device: str) -> None:
    h = make_play()
    fill(h, "1")
    dev = Device(h, device)
    pause = open_pause(h, dev)
    if dev.pointer:
        dev.tap(pause.menu.rects()[1].center)
    else:
        dev.press("down")
        dev.press("confirm")
    screen = top_screen(h)
    assert screen.mode == "save"
    h.step(1)
    # "Keep it" leaves the slot alone
    if dev.pointer:
        dev.tap(screen.delete_rect.center)
        dev.tap(screen.card_rect(0).center)
        dev.tap(top_screen(h).menu.rects()[1].center)
    else:
        dev.press("up")
        dev.press("confirm")
        dev.press("confirm")  # slot 1 is focused
        dev.press("confirm")  # "Keep it" is focused
    assert top_screen(h) is screen and keys(h, "1") == ["save_1", "save_1.bak", "save_1.meta"]
    # Delete mode is left with the same button (now "Cancel") or CANCEL, without closing the screen
    if dev.pointer:
        dev.tap(screen.delete_rect.center)
        assert screen.deleting
        dev.tap(screen.delete_rect.center)
    else:
        dev.press("up")
        dev.press("confirm")
        assert screen.deleting
        dev.press("cancel")
    assert not screen.deleting and top_screen(h) is screen and played(h)[-1] == CANCEL
    # an empty slot cannot be deleted; the mode stays until a save is chosen
    if dev.pointer:
        dev.tap(screen.delete_rect.center)
        dev.tap(screen.card_rect(2).center)
    else:
        dev.press("up")
        dev.press("confirm")
        dev.press("right")
        dev.press("right")
        dev.press("confirm")
    assert type(top_screen(h)).__name__ == "SaveLoadScreen" and screen.message == "Slot 3 is already empty."
    assert keys(h, "1") != []


def test_delete_button_with_nothing_to_delete() -> None:
    h = make_play()
    dev = Device(h, "keyboard")
    pause = open_pause(h, dev)
    dev.press("down")
    dev.press("confirm")
    screen = top_screen(h)
    h.step(1)
    dev.press("up")
    dev.press("right")
    assert screen.button == "back"
    dev.press("left")
    dev.press("confirm")
    assert not screen.deleting and screen.message == "There is no save to delete."
    dev.press("down")
    assert screen.button is None
    dev.press("up")
    dev.press("right")
    dev.press("confirm")  # Back
    assert top_screen(h) is pause


# ============================================================================ backlog drag
def finger(h: Harness, kind: int, pos: tuple[float, float]) -> None:
    x, y = pos
    pygame.event.post(pygame.event.Event(kind, x=x / 960, y=y / 540, dx=0, dy=0, finger_id=0, touch_id=0, pressure=1.0))
    h.step(1)


def long_backlog() -> tuple[Harness, Any]:
    h = Harness(level="hall_of_mirrors", settings=Settings(text_speed=0, photosensitivity_notice_seen=True))
    h.step(5)
    for _ in range(40):
        h.tap(Action.CONFIRM)
        h.step(2)
    h.tap(Action.BACKLOG)
    backlog = top_screen(h)
    assert type(backlog).__name__ == "BacklogScreen"
    assert backlog.max_scroll() > 200, "enough lines to scroll"
    h.step(1)
    return h, backlog


def test_backlog_finger_drag_scrolls_and_a_tap_still_selects() -> None:
    from lm_game.ui.backlog import VIEW

    h, backlog = long_backlog()
    bottom = backlog.scroll
    assert bottom == backlog.max_scroll()  # opens at the newest line
    rows = len(backlog.rows)
    x = VIEW.centerx
    finger(h, pygame.FINGERDOWN, (x, VIEW.top + 40))
    for y in range(VIEW.top + 60, VIEW.top + 260, 20):  # drag down: older lines come into view
        finger(h, pygame.FINGERMOTION, (x, y))
    assert backlog.dragging and backlog.scroll == bottom - 200  # the list follows the finger
    finger(h, pygame.FINGERUP, (x, VIEW.top + 260))
    assert backlog.scroll == bottom - 220 and not backlog.dragging
    assert top_screen(h) is backlog and len(backlog.rows) == rows  # a drag never jumps back in the story
    h.screenshot(SHOTS / "backlog_dragged.png")
    # drag up past the end: clamped to the newest line
    finger(h, pygame.FINGERDOWN, (x, VIEW.bottom - 20))
    for y in range(VIEW.bottom - 40, VIEW.top - 400, -40):
        finger(h, pygame.FINGERMOTION, (x, max(0, y)))
    finger(h, pygame.FINGERUP, (x, 0))
    assert backlog.scroll == bottom and top_screen(h) is backlog
    # a small wobble is still a tap: it picks the line under the finger and jumps back to it
    scroll = backlog.scroll
    target = backlog.row_at((x, VIEW.top + 30))
    assert target is not None and backlog.can_jump(target)
    finger(h, pygame.FINGERDOWN, (x, VIEW.top + 30))
    finger(h, pygame.FINGERMOTION, (x, VIEW.top + 34))
    assert backlog.scroll == scroll and not backlog.dragging
    finger(h, pygame.FINGERUP, (x, VIEW.top + 34))
    assert top_screen(h) is not backlog, "the tap jumped back to the line and closed the backlog"
    assert type(top_screen(h)).__name__ == "PlayScreen"


def test_backlog_pointer_hover_without_press_does_not_scroll() -> None:
    from lm_game.ui.backlog import VIEW

    h, backlog = long_backlog()
    scroll = backlog.scroll
    for y in range(VIEW.top + 10, VIEW.bottom, 30):
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(VIEW.centerx, y), rel=(0, 30), buttons=(0, 0, 0)))
        h.step(1)
    assert backlog.scroll == scroll and not backlog.dragging


def test_menu_sounds_in_game_choice_focus_plays_select() -> None:
    from tests.test_ui_play import DEMO, advance_until

    h = Harness(level=DEMO, settings=Settings(text_speed=0))
    advance_until(h, lambda s: s["choices"] is not None)
    mark(h)
    h.tap(Action.DOWN)
    assert played(h) == [SELECT]
    h.tap(Action.CONFIRM)
    assert SELECT not in played(h)[1:]  # choosing is not a focus move
