"""pygame events -> actions. The only module in the game that knows key codes and button numbers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pygame

from lm_game.input.actions import (
    DEFAULT_KEY_BINDINGS,
    DEFAULT_PAD_BINDINGS,
    Action,
    InputEvent,
)
from lm_game.input.viewport import window_to_logical

_PAD_BUTTONS: dict[str, int] = {
    "a": pygame.CONTROLLER_BUTTON_A,
    "b": pygame.CONTROLLER_BUTTON_B,
    "x": pygame.CONTROLLER_BUTTON_X,
    "y": pygame.CONTROLLER_BUTTON_Y,
    "back": pygame.CONTROLLER_BUTTON_BACK,
    "start": pygame.CONTROLLER_BUTTON_START,
    "leftshoulder": pygame.CONTROLLER_BUTTON_LEFTSHOULDER,
    "rightshoulder": pygame.CONTROLLER_BUTTON_RIGHTSHOULDER,
    "dpup": pygame.CONTROLLER_BUTTON_DPAD_UP,
    "dpdown": pygame.CONTROLLER_BUTTON_DPAD_DOWN,
    "dpleft": pygame.CONTROLLER_BUTTON_DPAD_LEFT,
    "dpright": pygame.CONTROLLER_BUTTON_DPAD_RIGHT,
}
_STICK_THRESHOLD = 16000  # of 32767: past this a stick counts as a direction press
_STICK_RELEASE = 10000  # hysteresis, so a stick resting near the edge does not chatter


def key_name(code: int) -> str:
    """The binding name of a key code (what settings store when the player remaps a key)."""
    return pygame.key.name(code)


def key_code(name: str) -> int | None:
    """The key code for a binding name, or None when the name is unknown."""
    try:
        return pygame.key.key_code(name)
    except ValueError:
        return None


class InputMapper:
    """Turns pygame events into InputEvents using bindings held as data."""

    def __init__(
        self,
        key_bindings: Mapping[str, list[str]] | None = None,
        window_size: Callable[[], tuple[int, int]] | None = None,
    ) -> None:
        self._window_size = window_size or (lambda: (960, 540))
        self._keys: dict[int, list[Action]] = {}
        self._pads: dict[int, list[Action]] = {}
        self._stick: dict[tuple[int, int], Action | None] = {}
        self.controllers: dict[int, Any] = {}
        self.set_key_bindings(key_bindings or DEFAULT_KEY_BINDINGS)
        for action, names in DEFAULT_PAD_BINDINGS.items():
            for name in names:
                self._pads.setdefault(_PAD_BUTTONS[name], []).append(Action(action))

    def set_key_bindings(self, bindings: Mapping[str, list[str]]) -> list[str]:
        """Replace the keyboard bindings; returns the key names that were not recognised."""
        merged = {str(k): list(v) for k, v in DEFAULT_KEY_BINDINGS.items()}
        merged.update({str(k): list(v) for k, v in bindings.items()})
        self._keys = {}
        unknown: list[str] = []
        for action_name, names in merged.items():
            try:
                action = Action(action_name)
            except ValueError:
                unknown.append(action_name)
                continue
            for name in names:
                code = key_code(name)
                if code is None:
                    unknown.append(name)
                else:
                    self._keys.setdefault(code, []).append(action)
        return unknown

    def translate(self, event: pygame.event.Event) -> list[InputEvent]:
        """The actions one pygame event stands for (often none)."""
        t = event.type
        if t == pygame.QUIT:
            return [InputEvent(Action.QUIT)]
        if t in (pygame.KEYDOWN, pygame.KEYUP):
            return self._key(event)
        if t == pygame.MOUSEMOTION:
            return [InputEvent(Action.POINT, True, _pos(event.pos), "mouse")]
        if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            if getattr(event, "touch", False):
                return []  # SDL mirrors touches as mouse clicks; the finger events carry them
            pressed = t == pygame.MOUSEBUTTONDOWN
            action = {1: Action.CONFIRM, 3: Action.CANCEL, 2: Action.MENU}.get(event.button)
            return [InputEvent(action, pressed, _pos(event.pos), "mouse")] if action else []
        if t == pygame.MOUSEWHEEL:
            if event.y == 0:
                return []
            action = Action.SCROLL_UP if event.y > 0 else Action.SCROLL_DOWN
            return [InputEvent(action, True, None, "mouse")]
        if t in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            ww, wh = self._window_size()
            pos = window_to_logical((event.x * ww, event.y * wh), (ww, wh))
            if t == pygame.FINGERMOTION:
                return [InputEvent(Action.POINT, True, pos, "touch")]
            return [InputEvent(Action.CONFIRM, t == pygame.FINGERDOWN, pos, "touch")]
        if t in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
            pressed = t == pygame.CONTROLLERBUTTONDOWN
            return [InputEvent(a, pressed, None, "gamepad") for a in self._pads.get(event.button, [])]
        if t == pygame.CONTROLLERAXISMOTION:
            return self._axis(event)
        if t == pygame.CONTROLLERDEVICEADDED:
            self._open_controller(event.device_index)
            return []
        if t == pygame.CONTROLLERDEVICEREMOVED:
            self.controllers.pop(event.instance_id, None)
            return []
        return []

    def _key(self, event: pygame.event.Event) -> list[InputEvent]:
        pressed = event.type == pygame.KEYDOWN
        if pressed and event.key == pygame.K_RETURN and event.mod & pygame.KMOD_ALT:
            return [InputEvent(Action.FULLSCREEN)]
        if pressed and getattr(event, "repeat", False):
            return []
        return [InputEvent(a, pressed) for a in self._keys.get(event.key, [])]

    def _axis(self, event: pygame.event.Event) -> list[InputEvent]:
        axes = {
            pygame.CONTROLLER_AXIS_LEFTX: (Action.LEFT, Action.RIGHT),
            pygame.CONTROLLER_AXIS_LEFTY: (Action.UP, Action.DOWN),
        }
        if event.axis not in axes:
            return []
        negative, positive = axes[event.axis]
        key = (event.instance_id, event.axis)
        held = self._stick.get(key)
        value = event.value
        now: Action | None = held
        if value <= -_STICK_THRESHOLD:
            now = negative
        elif value >= _STICK_THRESHOLD:
            now = positive
        elif abs(value) < _STICK_RELEASE:
            now = None
        if now == held:
            return []
        self._stick[key] = now
        out: list[InputEvent] = []
        if held is not None:
            out.append(InputEvent(held, False, None, "gamepad"))
        if now is not None:
            out.append(InputEvent(now, True, None, "gamepad"))
        return out

    def _open_controller(self, index: int) -> None:
        try:
            from pygame._sdl2 import controller

            if not controller.get_init():
                controller.init()
            pad = controller.Controller(index)
            self.controllers[pad.as_joystick().get_instance_id()] = pad
        except (pygame.error, ImportError, AttributeError):
            return  # a pad SDL cannot open is ignored; keyboard, mouse and touch still work


def _pos(pos: tuple[int, int]) -> tuple[float, float]:
    return float(pos[0]), float(pos[1])
