"""Screen: one entry of the scene stack (title, a level being played, a pause overlay, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from lm_game.input.actions import InputEvent

if TYPE_CHECKING:
    from lm_game.app.loop import App


class Screen:
    """Base class: override what you need. Handlers return True when they consumed the event.

    An `overlay` screen draws over the screen below it (which stays visible but frozen);
    only the top screen receives input and updates.
    """

    overlay: bool = False

    def __init__(self) -> None:
        self.app: App | None = None

    def enter(self, app: App) -> None:
        """Called when pushed (or made current by replace)."""
        self.app = app

    def exit(self) -> None:
        """Called when popped or replaced."""

    def cover(self) -> None:
        """Called when another screen is pushed on top of this one."""

    def uncover(self) -> None:
        """Called when the screen above this one is popped."""

    def handle(self, event: InputEvent) -> bool:
        """React to one action; return True if consumed."""
        return False

    def update(self, dt: float) -> None:
        """Advance by one fixed step of `dt` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw onto the logical canvas."""
