"""The scene stack: push, pop, replace, overlays, transitions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from lm_game.app.screen import Screen
from lm_game.app.transitions import Transition, make_transition
from lm_game.input.actions import InputEvent

if TYPE_CHECKING:
    from lm_game.app.loop import App


class SceneStack:
    """Holds the screens; the top one gets input and updates, overlays show what lies below."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.screens: list[Screen] = []
        self.transition: Transition | None = None

    @property
    def top(self) -> Screen | None:
        return self.screens[-1] if self.screens else None

    def __len__(self) -> int:
        return len(self.screens)

    def push(self, screen: Screen, transition: str | None = None) -> None:
        """Put `screen` on top (after a transition when one is named)."""
        self._run(lambda: self._push(screen), transition)

    def pop(self, transition: str | None = None) -> None:
        """Remove the top screen."""
        self._run(self._pop, transition)

    def replace(self, screen: Screen, transition: str | None = None) -> None:
        """Swap the top screen for `screen`."""
        self._run(lambda: self._replace(screen), transition)

    def clear_to(self, screen: Screen, transition: str | None = None) -> None:
        """Remove every screen and show `screen` alone (e.g. back to the title)."""
        self._run(lambda: self._clear_to(screen), transition)

    def _run(self, op: Callable[[], None], transition: str | None) -> None:
        if transition is None:
            op()
            return
        reduced = bool(getattr(self.app.settings, "reduced_motion", False))
        self.transition = make_transition(transition, op, 0.5, reduced_motion=reduced)

    def _push(self, screen: Screen) -> None:
        if self.screens:
            self.screens[-1].cover()
        self.screens.append(screen)
        screen.enter(self.app)

    def _pop(self) -> None:
        if not self.screens:
            return
        self.screens.pop().exit()
        if self.screens:
            self.screens[-1].uncover()

    def _replace(self, screen: Screen) -> None:
        if self.screens:
            self.screens.pop().exit()
        self.screens.append(screen)
        screen.enter(self.app)

    def _clear_to(self, screen: Screen) -> None:
        while self.screens:
            self.screens.pop().exit()
        self.screens.append(screen)
        screen.enter(self.app)

    def handle(self, event: InputEvent) -> bool:
        """Give the event to the top screen only; nothing reacts during a transition."""
        if self.transition is not None or not self.screens:
            return False
        return self.screens[-1].handle(event)

    def update(self, dt: float) -> None:
        """Advance the transition, or the top screen."""
        if self.transition is not None:
            self.transition.update(dt)
            if self.transition.done:
                self.transition = None
            return
        if self.screens:
            self.screens[-1].update(dt)

    def visible(self) -> list[Screen]:
        """The screens to draw, bottom first: the top one and every one an overlay lets show."""
        start = len(self.screens) - 1
        while start > 0 and self.screens[start].overlay:
            start -= 1
        return self.screens[max(start, 0):]

    def draw(self, surface: pygame.Surface) -> None:
        for screen in self.visible():
            screen.draw(surface)
        if self.transition is not None:
            self.transition.draw(surface)
