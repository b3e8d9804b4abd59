"""Transitions between screens: the stack swaps screens at the midpoint, fully covered."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from lm_game.render import theme


class Transition:
    """Covers the screen over `duration`/2, runs `swap`, then uncovers it."""

    def __init__(self, swap: Callable[[], None], duration: float = 0.5) -> None:
        self.swap = swap
        self.duration = max(duration, 1e-6)
        self.t = 0.0
        self.swapped = False

    @property
    def done(self) -> bool:
        return self.t >= self.duration

    def update(self, dt: float) -> None:
        self.t += dt
        if not self.swapped and self.t >= self.duration / 2:
            self.swapped = True
            self.swap()

    def coverage(self) -> float:
        """0 = nothing covered, 1 = fully covered (at the midpoint)."""
        half = self.duration / 2
        return min(1.0, self.t / half) if self.t < half else max(0.0, 1 - (self.t - half) / half)

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError


class Fade(Transition):
    """Fade through the theme's night colour."""

    def draw(self, surface: pygame.Surface) -> None:
        veil = pygame.Surface(surface.get_size())
        veil.fill(theme.NIGHT)
        veil.set_alpha(round(255 * self.coverage()))
        surface.blit(veil, (0, 0))


class Wipe(Transition):
    """A curtain of night colour sweeps from left to right."""

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        c = self.coverage()
        if self.t < self.duration / 2:
            surface.fill(theme.NIGHT, pygame.Rect(0, 0, round(w * c), h))
        else:
            covered = round(w * c)
            surface.fill(theme.NIGHT, pygame.Rect(w - covered, 0, covered, h))


TRANSITIONS: dict[str, type[Transition]] = {"fade": Fade, "wipe": Wipe}


def make_transition(
    kind: str, swap: Callable[[], None], duration: float = 0.5, reduced_motion: bool = False
) -> Transition:
    """Build a transition by name; reduced motion turns every kind into a gentle fade."""
    if reduced_motion:
        return Fade(swap, duration)
    return TRANSITIONS.get(kind, Fade)(swap, duration)
