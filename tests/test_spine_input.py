"""Input mapping: keyboard, mouse, touch and gamepad events become the same actions."""

from __future__ import annotations

import pygame
import pytest

from lm_game.input.actions import Action, InputEvent
from lm_game.input.mapping import InputMapper
from lm_game.input.viewport import letterbox, window_to_logical


@pytest.fixture(scope="module", autouse=True)
def _pygame() -> None:
    pygame.init()


def ev(type_: int, **kw: object) -> pygame.event.Event:
    return pygame.event.Event(type_, **kw)


def test_input_keyboard_default_bindings() -> None:
    m = InputMapper()
    assert m.translate(ev(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)) == [InputEvent(Action.CONFIRM)]
    assert m.translate(ev(pygame.KEYUP, key=pygame.K_SPACE, mod=0)) == [InputEvent(Action.CONFIRM, False)]
    assert m.translate(ev(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0)) == [InputEvent(Action.MENU)]
    assert m.translate(ev(pygame.KEYDOWN, key=pygame.K_F11, mod=0)) == [InputEvent(Action.FULLSCREEN)]
    assert m.translate(ev(pygame.KEYDOWN, key=pygame.K_RETURN, mod=pygame.KMOD_LALT)) == [
        InputEvent(Action.FULLSCREEN)
    ]
    assert m.translate(ev(pygame.KEYDOWN, key=pygame.K_F1, mod=0)) == []


def test_input_key_remapping_from_data() -> None:
    m = InputMapper({"confirm": ["k"], "cancel": ["nosuchkey"]})
    assert m.translate(ev(pygame.KEYDOWN, key=pygame.K_k, mod=0)) == [InputEvent(Action.CONFIRM)]
    assert m.translate(ev(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)) == []
    assert "nosuchkey" in m.set_key_bindings({"cancel": ["nosuchkey"]})


def test_input_mouse_buttons_motion_and_wheel() -> None:
    m = InputMapper()
    down = m.translate(ev(pygame.MOUSEBUTTONDOWN, button=1, pos=(100, 200), touch=False))
    assert down == [InputEvent(Action.CONFIRM, True, (100.0, 200.0), "mouse")]
    assert m.translate(ev(pygame.MOUSEBUTTONDOWN, button=3, pos=(1, 1), touch=False))[0].action is Action.CANCEL
    assert m.translate(ev(pygame.MOUSEMOTION, pos=(5, 6), rel=(1, 1), buttons=(0, 0, 0), touch=False)) == [
        InputEvent(Action.POINT, True, (5.0, 6.0), "mouse")
    ]
    assert m.translate(ev(pygame.MOUSEWHEEL, x=0, y=1, flipped=False))[0].action is Action.SCROLL_UP
    assert m.translate(ev(pygame.MOUSEWHEEL, x=0, y=-2, flipped=False))[0].action is Action.SCROLL_DOWN
    # a touch mirrored as a mouse click is left to the finger events
    assert m.translate(ev(pygame.MOUSEBUTTONDOWN, button=1, pos=(1, 1), touch=True)) == []


def test_input_touch_maps_through_the_letterbox() -> None:
    m = InputMapper(window_size=lambda: (1920, 1200))  # 16:10 window: bars top and bottom
    out = m.translate(ev(pygame.FINGERDOWN, x=0.5, y=0.5, dx=0, dy=0, finger_id=0, touch_id=0, pressure=1))
    assert out[0].action is Action.CONFIRM and out[0].device == "touch"
    assert out[0].pos == pytest.approx((480.0, 270.0), abs=1)
    up = m.translate(ev(pygame.FINGERUP, x=0.0, y=0.0, dx=0, dy=0, finger_id=0, touch_id=0, pressure=0))
    assert up[0].pressed is False and up[0].pos == (0.0, 0.0)
    move = m.translate(ev(pygame.FINGERMOTION, x=1.0, y=0.5, dx=0, dy=0, finger_id=0, touch_id=0, pressure=1))
    assert move[0].action is Action.POINT


def test_input_gamepad_buttons_and_stick_with_hysteresis() -> None:
    m = InputMapper()
    a = m.translate(ev(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_A, instance_id=0))
    assert a == [InputEvent(Action.CONFIRM, True, None, "gamepad")]
    start = m.translate(ev(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_START, instance_id=0))
    assert start[0].action is Action.MENU
    axis = pygame.CONTROLLER_AXIS_LEFTY
    assert m.translate(ev(pygame.CONTROLLERAXISMOTION, axis=axis, value=30000, instance_id=0)) == [
        InputEvent(Action.DOWN, True, None, "gamepad")
    ]
    assert m.translate(ev(pygame.CONTROLLERAXISMOTION, axis=axis, value=12000, instance_id=0)) == []
    assert m.translate(ev(pygame.CONTROLLERAXISMOTION, axis=axis, value=0, instance_id=0)) == [
        InputEvent(Action.DOWN, False, None, "gamepad")
    ]
    flip = m.translate(ev(pygame.CONTROLLERAXISMOTION, axis=axis, value=-32000, instance_id=0))
    assert flip == [InputEvent(Action.UP, True, None, "gamepad")]


def test_input_gamepad_hotplug_is_harmless_without_a_device() -> None:
    m = InputMapper()
    assert m.translate(ev(pygame.CONTROLLERDEVICEADDED, device_index=7)) == []
    assert m.translate(ev(pygame.CONTROLLERDEVICEREMOVED, instance_id=7)) == []


def test_input_letterbox_geometry() -> None:
    assert letterbox((960, 540)) == (0, 0, 960, 540)
    assert letterbox((1920, 1080)) == (0, 0, 1920, 1080)
    assert letterbox((1000, 1000)) == (0, 219, 1000, 562)
    assert letterbox((2000, 540)) == (520, 0, 960, 540)
    assert window_to_logical((520, 0), (2000, 540)) == (0.0, 0.0)
    assert window_to_logical((1999, 539), (2000, 540)) == (959.0, 539.0)


def test_input_events_reach_the_stack_through_the_real_event_queue() -> None:
    from lm_game.testing import Harness
    from tests.test_spine_stack import Recorder

    h = Harness()
    rec = Recorder("r", [])
    h.app.stack.push(rec)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode="", scancode=0))
    h.step(1)
    assert rec.handled == [Action.DOWN]
    assert Action.DOWN in h.app.held
