"""Every menu driven to every item by keyboard only, mouse only, touch only and gamepad only.

Input goes in as real pygame events (key presses, mouse clicks, finger taps, controller
buttons) through the app's InputMapper, exactly as a player's would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from lm_game.runtime.settings import Settings
from lm_game.testing.harness import Harness

DEMO = str(Path(__file__).parent / "levels_good" / "ui_demo.json")
DEVICES = ["keyboard", "mouse", "touch", "gamepad"]

KEYS = {
    "up": pygame.K_UP, "down": pygame.K_DOWN, "left": pygame.K_LEFT, "right": pygame.K_RIGHT,
    "confirm": pygame.K_RETURN, "cancel": pygame.K_BACKSPACE, "menu": pygame.K_ESCAPE, "backlog": pygame.K_l,
    "hide": pygame.K_h, "auto": pygame.K_q,
}
PAD = {
    "up": pygame.CONTROLLER_BUTTON_DPAD_UP, "down": pygame.CONTROLLER_BUTTON_DPAD_DOWN,
    "left": pygame.CONTROLLER_BUTTON_DPAD_LEFT, "right": pygame.CONTROLLER_BUTTON_DPAD_RIGHT,
    "confirm": pygame.CONTROLLER_BUTTON_A, "cancel": pygame.CONTROLLER_BUTTON_B,
    "menu": pygame.CONTROLLER_BUTTON_START, "backlog": pygame.CONTROLLER_BUTTON_Y,
    "hide": pygame.CONTROLLER_BUTTON_BACK, "auto": pygame.CONTROLLER_BUTTON_LEFTSHOULDER,
}


class Device:
    """One input device, posting pygame events and stepping the harness."""

    def __init__(self, h: Harness, kind: str) -> None:
        self.h = h
        self.kind = kind

    def press(self, name: str) -> None:
        """A button press (keyboard / gamepad only)."""
        assert self.kind in ("keyboard", "gamepad"), "pointer devices have no buttons"
        if self.kind == "keyboard":
            for t in (pygame.KEYDOWN, pygame.KEYUP):
                pygame.event.post(pygame.event.Event(t, key=KEYS[name], mod=0, unicode="", scancode=0))
                self.h.step(1)
        else:
            for t in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
                pygame.event.post(pygame.event.Event(t, button=PAD[name], instance_id=0))
                self.h.step(1)

    def tap(self, pos: tuple[int, int]) -> None:
        """A click or a finger tap at a canvas position (pointer devices only)."""
        assert self.kind in ("mouse", "touch")
        x, y = pos
        if self.kind == "mouse":
            motion = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
            pygame.event.post(motion)
            self.h.step(1)
            for t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                pygame.event.post(pygame.event.Event(t, pos=pos, button=1, touch=False))
                self.h.step(1)
        else:
            for t in (pygame.FINGERDOWN, pygame.FINGERUP):
                pygame.event.post(
                    pygame.event.Event(t, x=x / 960, y=y / 540, dx=0, dy=0, finger_id=0, touch_id=0, pressure=1.0)
                )
                self.h.step(1)

    @property
    def pointer(self) -> bool:
        return self.kind in ("mouse", "touch")


def top_screen(h: Harness) -> Any:
    return h.app.stack.top


def record_items(screen: Any) -> list[str]:
    """Replace each menu item's action with a recorder; returns the list it appends to."""
    chosen: list[str] = []
    for item in screen.menu.items:
        item.on_select = (lambda label=item.label: chosen.append(label))
    return chosen


def drive_menu_item(dev: Device, screen: Any, index: int) -> None:
    """Move the focus to item `index` and select it with this device only."""
    menu = screen.menu
    if dev.pointer:
        dev.tap(menu.rects()[index].center)
        return
    steps = 0
    while menu.focus != index and steps < 3 * len(menu.items):
        dev.press("down")
        steps += 1
    assert menu.focus == index
    dev.press("confirm")


def check_every_item(dev_kind: str, make: Callable[[], tuple[Harness, Any]]) -> None:
    """For each enabled item of the menu screen that `make` opens: reach it and select it."""
    h, screen = make()
    labels = [it.label for it in screen.menu.items if it.enabled]
    for index, item in enumerate(list(screen.menu.items)):
        if not item.enabled:
            continue
        h, screen = make()
        chosen = record_items(screen)
        drive_menu_item(Device(h, dev_kind), screen, index)
        assert chosen == [item.label], f"{dev_kind}: wanted {item.label!r}, got {chosen}"
    assert labels


def settings(**kw: Any) -> Settings:
    base: dict[str, Any] = {"photosensitivity_notice_seen": True, "text_speed": 0}
    base.update(kw)
    return Settings(**base)


def make_title() -> tuple[Harness, Any]:
    h = Harness(title=True, settings=settings(chapters_unlocked=["front_page"]))
    from lm_game.ui import services

    services.saves(h.app).save(  # a save so that Continue and Load are enabled
        "1", __import__("lm_game.runtime.saves", fromlist=["SaveData"]).SaveData(
            state=__import__("lm_game.runtime.state", fromlist=["GameState"]).GameState.new(0, "front_page").to_dict()
        )
    )
    from lm_game.ui.title import TitleScreen

    h.app.stack.clear_to(TitleScreen())
    h.step(2)
    return h, top_screen(h)


def make_play(dev: str | None = None) -> Harness:
    h = Harness(level=DEMO, settings=settings())
    h.step(2)
    return h


def open_pause(h: Harness, dev: Device) -> Any:
    if dev.pointer:
        play = top_screen(h)
        menu_button = dict(play.quick_buttons)["Menu"]
        dev.tap(menu_button.center)
    else:
        dev.press("menu")
    screen = top_screen(h)
    assert type(screen).__name__ == "PauseScreen"
    return screen


@pytest.mark.parametrize("device", DEVICES)
def test_menu_title_every_item(device: str) -> None:
    h, screen = make_title()
    assert all(it.enabled for it in screen.menu.items)
    check_every_item(device, make_title)


@pytest.mark.parametrize("device", DEVICES)
def test_menu_pause_every_item(device: str) -> None:
    def make() -> tuple[Harness, Any]:
        h = make_play()
        return h, open_pause(h, Device(h, device))

    check_every_item(device, make)


@pytest.mark.parametrize("device", DEVICES)
def test_menu_photosensitivity_notice_every_item(device: str) -> None:
    def make() -> tuple[Harness, Any]:
        h = Harness(title=True, settings=Settings())
        h.step(2)
        screen = top_screen(h)
        assert type(screen).__name__ == "PhotosensitivityNotice"
        return h, screen

    check_every_item(device, make)


@pytest.mark.parametrize("device", DEVICES)
def test_menu_chapters_every_item(device: str) -> None:
    def make() -> tuple[Harness, Any]:
        h = Harness(title=True, settings=settings(chapters_unlocked=["front_page", "headline_coaster"]))
        h.step(2)
        from lm_game.ui.title import ChapterScreen

        h.app.stack.push(ChapterScreen())
        h.step(1)
        return h, top_screen(h)

    check_every_item(device, make)


@pytest.mark.parametrize("device", DEVICES)
def test_menu_confirm_yes_and_no(device: str) -> None:
    for answer in (0, 1):
        h = make_play()
        dev = Device(h, device)
        pause = open_pause(h, dev)
        title_index = [it.label for it in pause.menu.items].index("Title screen")
        drive_menu_item(dev, pause, title_index)
        confirm = top_screen(h)
        assert type(confirm).__name__ == "ConfirmScreen" and confirm.menu.focus == 1  # "No" is safe
        drive_menu_item(dev, confirm, answer)
        h.step(40)
        stack = h.state()["stack"]
        if answer == 0:
            assert stack == ["TitleScreen"]
        else:
            assert stack == ["PlayScreen", "PauseScreen"]


@pytest.mark.parametrize("device", DEVICES)
def test_menu_settings_every_row(device: str) -> None:
    from lm_game.ui.settings_screen import SettingsScreen

    h = make_play()
    h.app.stack.push(SettingsScreen())
    h.step(1)
    screen = top_screen(h)
    dev = Device(h, device)
    rows = list(screen.rows)
    for index, row in enumerate(rows):
        if row.label == "Back":
            continue
        before = row.value()
        if row.label.startswith("Controls"):
            if dev.pointer:
                reach_row_by_pointer(dev, screen, index)
                dev.tap(dict((k, r) for k, r in screen.hits)[("row", index)].center)
            else:
                reach_row_by_keys(dev, screen, index)
                dev.press("confirm")
            assert type(top_screen(h)).__name__ == "KeyBindingsScreen"
            if dev.pointer:
                back = [i for i, r in top_screen(h).hits if top_screen(h).rows[i] == "Back"]
                while not back:  # scroll the controls list down with the focus follower
                    top_screen(h).focus = len(top_screen(h).rows) - 1
                    top_screen(h).scroll_to_focus()
                    h.step(1)
                    back = [i for i, r in top_screen(h).hits if top_screen(h).rows[i] == "Back"]
                rect = dict(top_screen(h).hits)[back[0]]
                dev.tap(rect.center)
            else:
                dev.press("cancel")
            assert top_screen(h) is screen
            continue
        if dev.pointer:
            reach_row_by_pointer(dev, screen, index)
            dev.tap(dict((k, r) for k, r in screen.hits)[("right", index)].center)
        else:
            reach_row_by_keys(dev, screen, index)
            dev.press("right")
        assert screen.focus == index
        assert row.value() != before, f"{device}: {row.label} did not change"
        if row.label in ("Text size",):  # put it back so the layout stays the same for the rest
            if dev.pointer:
                h.step(1)
                dev.tap(dict((k, r) for k, r in screen.hits)[("left", index)].center)
            else:
                dev.press("left")
            assert row.value() == before
    back_index = len(rows) - 1
    if dev.pointer:
        h.step(1)
        dev.tap(dict((k, r) for k, r in screen.hits)[("back", -1)].center)
    else:
        reach_row_by_keys(dev, screen, back_index)
        dev.press("confirm")
    assert type(top_screen(h)).__name__ == "PlayScreen"


def reach_row_by_keys(dev: Device, screen: Any, index: int) -> None:
    for _ in range(2 * len(screen.rows)):
        if screen.focus == index:
            return
        dev.press("down")
    assert screen.focus == index


def reach_row_by_pointer(dev: Device, screen: Any, index: int) -> None:
    """Press "More below"/"More above" until the row is on screen."""
    for _ in range(10):
        dev.h.step(1)
        keys = dict((k, r) for k, r in screen.hits)
        if ("row", index) in keys:
            return
        button = ("more_down", -1) if index >= screen.scroll else ("more_up", -1)
        dev.tap(keys[button].center)
    raise AssertionError(f"row {index} never became visible")


@pytest.mark.parametrize("device", DEVICES)
def test_menu_save_slots_every_card(device: str) -> None:
    h = make_play()
    dev = Device(h, device)
    pause = open_pause(h, dev)
    drive_menu_item(dev, pause, 1)  # Save
    screen = top_screen(h)
    assert type(screen).__name__ == "SaveLoadScreen" and screen.mode == "save"
    for index in range(len(screen.slots)):
        if dev.pointer:
            dev.tap(screen.card_rect(index).center)
        else:
            for _ in range(20):
                if screen.focus == index:
                    break
                dev.press("right")
            dev.press("confirm")
        assert screen.slots[index].status == "ok", f"{device}: slot {index + 1} not saved"
    # overwrite asks first; "No" keeps the save
    if dev.pointer:
        dev.tap(screen.card_rect(0).center)
    else:
        dev.press("confirm")
    assert type(top_screen(h)).__name__ == "ConfirmScreen"
    if dev.pointer:
        dev.tap(top_screen(h).menu.rects()[1].center)
    else:
        dev.press("cancel")
    assert top_screen(h) is screen
    if dev.pointer:
        dev.tap(screen.back_rect.center)
    else:
        dev.press("cancel")
    assert type(top_screen(h)).__name__ == "PauseScreen"


@pytest.mark.parametrize("device", DEVICES)
def test_menu_load_slot_by_device(device: str) -> None:
    h = make_play()
    dev = Device(h, device)
    pause = open_pause(h, dev)
    drive_menu_item(dev, pause, 2)  # Load
    screen = top_screen(h)
    assert screen.mode == "load" and screen.slots[0] == screen.slots[0]
    auto = [i for i, s in enumerate(screen.slots) if s.slot == "auto"][0]
    if dev.pointer:
        dev.tap(screen.card_rect(auto).center)
    else:
        while screen.focus != auto:
            dev.press("right")
        dev.press("confirm")
    h.step(40)
    assert h.state()["stack"] == ["PlayScreen"]
    assert h.state()["top"]["line"].startswith("Star-Land")


@pytest.mark.parametrize("device", DEVICES)
def test_choice_every_option_by_device(device: str) -> None:
    expected = {0: "Get off my porch!", 1: "Sofas are extra."}
    for index, line in expected.items():
        h = make_play()
        dev = Device(h, device)
        for _ in range(10):
            play = top_screen(h)
            if play.choices is not None:
                break
            if dev.pointer:
                dev.tap((480, 460))  # a tap on the dialogue box advances
            else:
                dev.press("confirm")
        play = top_screen(h)
        assert play.choices is not None
        if dev.pointer:
            rects, _ = play.choices.layout(play.choice_font())
            dev.tap(rects[2].center)  # the disabled option does nothing
            assert play.choices is not None
            dev.tap(rects[index].center)
        else:
            for _ in range(index):
                dev.press("down")
            dev.press("confirm")
        h.step(2)
        assert h.state()["top"]["line"] == line, device


@pytest.mark.parametrize("device", DEVICES)
def test_backlog_open_scroll_jump_close_by_device(device: str) -> None:
    h = make_play()
    dev = Device(h, device)
    for _ in range(2):
        if dev.pointer:
            dev.tap((480, 460))
        else:
            dev.press("confirm")
    assert h.state()["top"]["line"] == "I live here."
    play = top_screen(h)
    if dev.pointer:
        dev.tap(dict(play.quick_buttons)["Log"].center)
    else:
        dev.press("backlog")
    backlog = top_screen(h)
    assert type(backlog).__name__ == "BacklogScreen" and backlog.focus == 2
    if dev.pointer:
        dev.tap(backlog.buttons["up"].center)
        dev.tap(backlog.buttons["up"].center)
        assert backlog.focus == 0
        dev.tap(backlog.buttons["close"].center)
        assert top_screen(h) is play
        dev.tap(dict(play.quick_buttons)["Log"].center)
        backlog = top_screen(h)
        h.step(1)
        from lm_game.ui.backlog import VIEW

        dev.tap((VIEW.left + 40, VIEW.top + 20))  # the first entry
    else:
        dev.press("up")
        dev.press("up")
        assert backlog.focus == 0
        dev.press("cancel")
        assert top_screen(h) is play
        dev.press("backlog")
        backlog = top_screen(h)
        dev.press("up")
        dev.press("up")
        dev.press("confirm")
    h.step(2)
    assert top_screen(h) is play
    assert h.state()["top"]["line"].startswith("Star-Land")


@pytest.mark.parametrize("device", DEVICES)
def test_menu_quick_buttons_and_hide_by_device(device: str) -> None:
    h = make_play()
    dev = Device(h, device)
    play = top_screen(h)
    if dev.pointer:
        dev.tap(dict(play.quick_buttons)["Hide"].center)
        assert play.hidden
        dev.tap((480, 270))
        assert not play.hidden
        dev.tap(dict(play.quick_buttons)["Auto"].center)
        assert play.auto
    else:
        line = h.state()["top"]["line"]
        dev.press("hide")
        assert play.hidden
        dev.press("confirm")  # any press brings the interface back, without advancing
        assert not play.hidden and h.state()["top"]["line"] == line
        dev.press("auto")
        assert play.auto
