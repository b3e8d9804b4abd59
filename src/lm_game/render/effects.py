"""Screen effects: THE flash limiter, flashes, non-flashing cues, camera shake.

Every flash in the game goes through one `FlashLimiter` (owned by the play screen's `Effects`):
- no more than three flash onsets in any one second, in any mode (a request beyond that is
  dropped, and a flash always fades out before the next may start);
- in reduced-flashing mode no flash is drawn at all: a flash becomes a non-flashing cue
  (a gold outline that fades in and out slowly).
Scene renderers (render/scenes/, e.g. the dodge scene's flashbulbs) reach it as
`logic.host.effects` and call `effects.flash(...)` / `effects.local_flash(x, y, radius)`;
scene logic may instead call `host.command("flash", {...})`, which lands here too.
Reduced motion turns camera shake off.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import pygame

from lm_game.render import theme

MAX_FLASHES_PER_SECOND = 3
WINDOW = 1.0
"""Seconds: at most MAX_FLASHES_PER_SECOND onsets in any window this long."""
WINDOW_MARGIN = 0.05
"""Extra spacing so frame rounding can never squeeze a fourth onset into one second."""
FLASH_LENGTH = 0.16
"""Seconds a full-screen flash takes to fade from its peak to nothing."""
MIN_GAP = 0.2
"""Seconds between two onsets (the screen returns to normal between flashes)."""
CUE_LENGTH = 1.2
"""Seconds a reduced-flashing cue takes to fade in and out: slow, so it never flashes."""
CUE_ALPHA = 150
FLASH_ALPHA = 150
"""Peak opacity of a full-screen flash (never a pure white frame)."""


class FlashLimiter:
    """Grants flash onsets: at most three in any one second, and never two closer than MIN_GAP."""

    def __init__(self) -> None:
        self.onsets: deque[float] = deque()
        self.denied = 0

    def allow(self, now: float) -> bool:
        """Whether a flash may start at time `now` (seconds); records it when granted."""
        while self.onsets and now - self.onsets[0] >= WINDOW + WINDOW_MARGIN:
            self.onsets.popleft()
        if self.onsets and now - self.onsets[-1] < MIN_GAP:
            self.denied += 1
            return False
        if len(self.onsets) >= MAX_FLASHES_PER_SECOND:
            self.denied += 1
            return False
        self.onsets.append(now)
        return True


@dataclass
class _Flash:
    start: float
    x: float | None = None
    y: float | None = None
    radius: float = 0.0


@dataclass
class _Cue:
    start: float
    x: float | None = None
    y: float | None = None
    radius: float = 0.0


class Effects:
    """Flashes (limited), cues (reduced flashing) and shake (off with reduced motion) for one screen."""

    def __init__(self, reduced_flashing: bool = False, reduced_motion: bool = False) -> None:
        self.reduced_flashing = reduced_flashing
        self.reduced_motion = reduced_motion
        self.limiter = FlashLimiter()
        self.time = 0.0
        self.pending: list[float] = []
        """Times at which requested flashes (of a multi-flash command) want to start."""
        self.flashes: list[_Flash] = []
        self.cues: list[_Cue] = []
        self.shake_strength = 0.0
        self.shake_until = 0.0
        self.shake_length = 0.0
        self._veil: pygame.Surface | None = None

    def configure(self, reduced_flashing: bool, reduced_motion: bool) -> None:
        """Apply changed settings at once (a running shake stops under reduced motion)."""
        self.reduced_flashing = reduced_flashing
        self.reduced_motion = reduced_motion
        if reduced_motion:
            self.shake_until = 0.0
        if reduced_flashing:
            self.flashes.clear()

    # -- requests --------------------------------------------------------------------------------
    def flash(self, count: int = 1, duration: float = 0.3) -> None:
        """Ask for `count` full-screen flashes spread over `duration` seconds (limited)."""
        count = max(1, min(int(count), 30))
        gap = max(float(duration), 0.0) / count
        for i in range(count):
            self.pending.append(self.time + i * gap)
        self.pending.sort()

    def local_flash(self, x: float, y: float, radius: float = 60.0) -> bool:
        """A flashbulb popping at (x, y): a bright burst, or an outline ring cue; False if limited."""
        return self._start(x, y, radius)

    def shake(self, strength: float = 6.0, duration: float = 0.4) -> None:
        """Shake the camera (ignored with reduced motion)."""
        if self.reduced_motion:
            return
        self.shake_strength = max(0.0, min(float(strength), 24.0))
        self.shake_length = max(float(duration), 0.01)
        self.shake_until = self.time + self.shake_length

    def _start(self, x: float | None = None, y: float | None = None, radius: float = 0.0) -> bool:
        if self.reduced_flashing:
            if self.cues and self.time - self.cues[-1].start < CUE_LENGTH / 2:
                return False  # one slow cue at a time: a cue must never become a flicker
            self.cues.append(_Cue(self.time, x, y, radius))
            return True
        if not self.limiter.allow(self.time):
            return False
        self.flashes.append(_Flash(self.time, x, y, radius))
        return True

    # -- time ------------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        """Advance by one fixed step: start due flashes, forget finished ones."""
        self.time += dt
        while self.pending and self.pending[0] <= self.time + 1e-9:
            self.pending.pop(0)
            self._start()
        self.flashes = [f for f in self.flashes if self.time - f.start < FLASH_LENGTH]
        self.cues = [c for c in self.cues if self.time - c.start < CUE_LENGTH]

    def offset(self) -> tuple[int, int]:
        """The camera offset this frame (0, 0 unless shaking)."""
        if self.reduced_motion or self.time >= self.shake_until:
            return 0, 0
        left = (self.shake_until - self.time) / self.shake_length
        s = self.shake_strength * left
        return round(math.sin(self.time * 83.0) * s), round(math.cos(self.time * 61.0) * s * 0.6)

    def active(self) -> bool:
        """Whether anything is showing or waiting (tests, and skipping a frame's work)."""
        return bool(self.flashes or self.cues or self.pending or self.time < self.shake_until)

    def flash_level(self) -> float:
        """0..1: how bright the full-screen flash is this frame (0 in reduced-flashing mode)."""
        level = 0.0
        for f in self.flashes:
            if f.x is None:
                level = max(level, 1.0 - (self.time - f.start) / FLASH_LENGTH)
        return max(0.0, level)

    def cue_level(self) -> float:
        """0..1: a slow triangle (in, then out) of the strongest cue showing."""
        level = 0.0
        for c in self.cues:
            t = (self.time - c.start) / CUE_LENGTH
            level = max(level, 1.0 - abs(2.0 * t - 1.0))
        return level

    # -- drawing ---------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Draw flashes (or cues) over everything else."""
        w, h = surface.get_size()
        for f in self.flashes:
            strength = max(0.0, 1.0 - (self.time - f.start) / FLASH_LENGTH)
            if f.x is None:
                if self._veil is None or self._veil.get_size() != (w, h):
                    self._veil = pygame.Surface((w, h))
                    self._veil.fill(theme.FLASH)
                self._veil.set_alpha(round(FLASH_ALPHA * strength))
                surface.blit(self._veil, (0, 0))
            else:
                r = max(2, round(f.radius * (0.6 + 0.4 * strength)))
                glow = pygame.Surface((2 * r, 2 * r), pygame.SRCALPHA)
                pygame.draw.circle(glow, (*theme.FLASH, round(220 * strength)), (r, r), r)
                surface.blit(glow, (round(f.x) - r, round(f.y or 0) - r))
        for c in self.cues:
            t = (self.time - c.start) / CUE_LENGTH
            alpha = round(CUE_ALPHA * (1.0 - abs(2.0 * t - 1.0)))
            if alpha <= 0:
                continue
            if c.x is None:
                frame = pygame.Surface((w, h), pygame.SRCALPHA)
                pygame.draw.rect(frame, (*theme.CUE_OUTLINE, alpha), frame.get_rect(), 8)
                surface.blit(frame, (0, 0))
            else:
                r = max(6, round(c.radius))
                ring = pygame.Surface((2 * r + 4, 2 * r + 4), pygame.SRCALPHA)
                pygame.draw.circle(ring, (*theme.CUE_OUTLINE, alpha), (r + 2, r + 2), r, 4)
                surface.blit(ring, (round(c.x) - r - 2, round(c.y or 0) - r - 2))
