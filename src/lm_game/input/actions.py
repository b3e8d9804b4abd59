"""Actions: what the player means, independent of the device (no pygame here)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Action(StrEnum):
    """Everything a player can ask for; scenes react to these, never to keys."""

    CONFIRM = "confirm"
    CANCEL = "cancel"
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    MENU = "menu"
    SKIP = "skip"
    AUTO = "auto"
    BACKLOG = "backlog"
    HIDE_UI = "hide_ui"
    DASH = "dash"
    QUICKSAVE = "quicksave"
    QUICKLOAD = "quickload"
    FULLSCREEN = "fullscreen"
    RELOAD = "reload"
    REPLAY_SAVE = "replay_save"
    SCROLL_UP = "scroll_up"
    SCROLL_DOWN = "scroll_down"
    POINT = "point"
    """The pointer (mouse or finger) moved to `pos` without pressing."""
    QUIT = "quit"
    """The window was asked to close."""


DIRECTIONS: frozenset[Action] = frozenset({Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT})


@dataclass(frozen=True, slots=True)
class InputEvent:
    """One action: pressed or released, with a logical-canvas position for pointer devices."""

    action: Action
    pressed: bool = True
    pos: tuple[float, float] | None = None
    device: str = "keyboard"

    @property
    def is_pointer(self) -> bool:
        """True when the event came from a mouse or a finger at `pos`."""
        return self.pos is not None


# Default key bindings as data: action -> key names understood by pygame.key.key_code().
# The player's remapped bindings (saved with the settings) replace entries of this table.
DEFAULT_KEY_BINDINGS: dict[str, list[str]] = {
    Action.CONFIRM: ["return", "space", "z", "keypad enter"],
    Action.CANCEL: ["backspace", "x"],
    Action.UP: ["up", "w"],
    Action.DOWN: ["down", "s"],
    Action.LEFT: ["left", "a"],
    Action.RIGHT: ["right", "d"],
    Action.MENU: ["escape"],
    Action.SKIP: ["left ctrl", "tab"],
    Action.AUTO: ["q"],
    Action.BACKLOG: ["l", "page up"],
    Action.HIDE_UI: ["h"],
    Action.DASH: ["left shift", "c"],
    Action.QUICKSAVE: ["f5"],
    Action.QUICKLOAD: ["f9"],
    Action.FULLSCREEN: ["f11"],
    Action.RELOAD: ["f6"],
    Action.REPLAY_SAVE: ["f8"],
}

# Gamepad buttons by SDL game-controller name (the same on every pad SDL knows).
DEFAULT_PAD_BINDINGS: dict[str, list[str]] = {
    Action.CONFIRM: ["a"],
    Action.CANCEL: ["b"],
    Action.DASH: ["x"],
    Action.BACKLOG: ["y"],
    Action.MENU: ["start"],
    Action.SKIP: ["rightshoulder"],
    Action.AUTO: ["leftshoulder"],
    Action.HIDE_UI: ["back"],
    Action.UP: ["dpup"],
    Action.DOWN: ["dpdown"],
    Action.LEFT: ["dpleft"],
    Action.RIGHT: ["dpright"],
}
