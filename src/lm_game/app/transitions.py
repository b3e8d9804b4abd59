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

    veil: pygame.Surface | None = None

    def draw(self, surface: pygame.Surface) -> None:
        if self.veil is None or self.veil.get_size() != surface.get_size():
            self.veil = pygame.Surface(surface.get_size())  # made once: a full-screen surface per frame cost ms
            self.veil.fill(theme.NIGHT)
        self.veil.set_alpha(round(255 * self.coverage()))
        surface.blit(self.veil, (0, 0))


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


class Tear(Transition):
    """The game's own: a torn newspaper page drops over the screen, then falls away below it."""

    EDGE = 26

    def __init__(self, swap: Callable[[], None], duration: float = 0.5) -> None:
        super().__init__(swap, duration)
        self.page: pygame.Surface | None = None

    def _page(self, size: tuple[int, int]) -> pygame.Surface:
        if self.page is None or self.page.get_width() != size[0]:
            from lm_game.render.widgets import newspaper_page

            self.page = newspaper_page(size, self.EDGE)
        return self.page

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        page = self._page((w, h))
        edge = self.EDGE
        c = self.coverage()
        if self.t < self.duration / 2:  # falls from above, torn edge first, until it covers all
            y = round(-(h + 2 * edge) + (h + edge) * _ease(c))
        else:  # keeps falling, off the bottom
            y = round(-edge + (h + 2 * edge) * _ease(1 - c))
        surface.blit(page, (0, y))


def _ease(x: float) -> float:
    x = min(max(x, 0.0), 1.0)
    return 1 - (1 - x) * (1 - x)


TRANSITIONS: dict[str, type[Transition]] = {"fade": Fade, "wipe": Wipe, "tear": Tear}


def make_transition(
    kind: str, swap: Callable[[], None], duration: float = 0.5, reduced_motion: bool = False
) -> Transition:
    """Build a transition by name; reduced motion turns every kind into a gentle fade."""
    if reduced_motion:
        return Fade(swap, duration)
    return TRANSITIONS.get(kind, Fade)(swap, duration)
