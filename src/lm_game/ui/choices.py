"""The choice menu: paper slips for keyboard, mouse, touch and gamepad; greyed options; timers.

Disabled options (the level's `show_disabled`) are drawn greyed with a dashed edge and cannot be
focused or chosen. A timed choice shows a draining bar and takes the default when it runs out,
unless the player turned timers off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from lm_game import LOGICAL_SIZE
from lm_game.input.actions import Action, InputEvent
from lm_game.render import theme
from lm_game.render.text import TextCache, wrap

W, H = LOGICAL_SIZE
MAX_W = 760
GAP = 12


@dataclass(frozen=True)
class Option:
    index: int
    text: str
    enabled: bool


class ChoiceMenu:
    """Options stacked in the space above the dialogue box; `on_choose(index)` when one is taken."""

    def __init__(
        self,
        options: list[Option],
        on_choose: Callable[[int], None],
        timer: float | None = None,
        default_index: int | None = None,
        bottom: int = H - 180,
    ) -> None:
        self.options = options
        self.on_choose = on_choose
        self.timer = timer
        self.remaining = timer
        self.default_index = default_index
        self.bottom = bottom
        self.focus = next((i for i, o in enumerate(options) if o.enabled), 0)
        self.armed: int | None = None
        self.chosen: int | None = None
        self._layout: tuple[int, list[pygame.Rect], list[list[str]]] | None = None

    def layout(self, font: pygame.font.Font) -> tuple[list[pygame.Rect], list[list[str]]]:
        """Slip rectangles and wrapped text per option (cached per font)."""
        if self._layout is not None and self._layout[0] == id(font):
            return self._layout[1], self._layout[2]
        texts = [wrap(font, o.text, MAX_W - 80) for o in self.options]
        width = min(MAX_W, max(380, *(font.size(line)[0] + 90 for lines in texts for line in lines)))
        heights = [len(lines) * font.get_linesize() + 20 for lines in texts]
        total = sum(heights) + GAP * (len(heights) - 1)
        top = max(48, min(self.bottom - total, (self.bottom + 40) // 2 - total // 2))
        rects = []
        y = top
        for h in heights:
            rects.append(pygame.Rect(W // 2 - width // 2, y, width, h))
            y += h + GAP
        self._layout = (id(font), rects, texts)
        return rects, texts

    def _hit(self, pos: tuple[float, float], font: pygame.font.Font) -> int | None:
        rects, _ = self.layout(font)
        for i, r in enumerate(rects):
            if r.collidepoint(pos):
                return i
        return None

    def move(self, delta: int) -> None:
        n = len(self.options)
        for step in range(1, n + 1):
            i = (self.focus + delta * step) % n
            if self.options[i].enabled:
                self.focus = i
                return

    def choose(self, i: int) -> bool:
        """Take option `i` if it is enabled."""
        if self.chosen is not None or not (0 <= i < len(self.options)) or not self.options[i].enabled:
            return False
        self.chosen = i
        self.on_choose(self.options[i].index)
        return True

    def handle(self, event: InputEvent, font: pygame.font.Font) -> bool:
        """Directions/confirm for keys and pads; hover + press-and-release on a slip for pointers."""
        if event.action is Action.POINT and event.pos is not None:
            hit = self._hit(event.pos, font)
            if hit is not None and self.options[hit].enabled:
                self.focus = hit
            return hit is not None
        if event.action is Action.CONFIRM and event.pos is not None:
            hit = self._hit(event.pos, font)
            if event.pressed:
                self.armed = hit
                if hit is not None and self.options[hit].enabled:
                    self.focus = hit
                return hit is not None
            armed, self.armed = self.armed, None
            if hit is not None and hit == armed:
                self.choose(hit)
            return hit is not None
        if not event.pressed:
            return False
        if event.action in (Action.UP, Action.LEFT):
            self.move(-1)
            return True
        if event.action in (Action.DOWN, Action.RIGHT):
            self.move(1)
            return True
        if event.action is Action.CONFIRM:
            self.choose(self.focus)
            return True
        return False

    def update(self, dt: float, timers_on: bool) -> None:
        """Count the timer down (when on); at zero the default option is taken."""
        if self.remaining is None or not timers_on or self.chosen is not None:
            return
        self.remaining = max(0.0, self.remaining - dt)
        if self.remaining <= 0.0:
            default = self.default_index
            pos = next((i for i, o in enumerate(self.options) if o.index == default), None)
            if pos is None:
                pos = next((i for i, o in enumerate(self.options) if o.enabled), 0)
            self.choose(pos)

    def draw(
        self,
        surface: pygame.Surface,
        font: pygame.font.Font,
        cache: TextCache,
        style: theme.BoxStyle,
        timers_on: bool,
    ) -> None:
        rects, texts = self.layout(font)
        if self.remaining is not None and self.timer and timers_on and rects:
            frac = self.remaining / self.timer
            bar = pygame.Rect(rects[0].left, rects[0].top - 22, rects[0].width, 12)
            pygame.draw.rect(surface, style.box, bar)
            fill = bar.copy()
            fill.width = round(bar.width * frac)
            pygame.draw.rect(surface, theme.TIMER_LOW if frac < 0.3 else theme.TIMER_FULL, fill)
            pygame.draw.rect(surface, style.border, bar, 2)
        for i, (opt, rect, lines) in enumerate(zip(self.options, rects, texts, strict=True)):
            focused = i == self.focus and opt.enabled
            bg = style.focus_bg if focused else style.choice_bg
            shadow = rect.move(5, 5)
            pygame.draw.rect(surface, theme.INK, shadow)
            pygame.draw.rect(surface, bg, rect)
            if opt.enabled:
                pygame.draw.rect(surface, style.focus_border if focused else style.border, rect, 4 if focused else 2)
            else:
                _dashed_rect(surface, style.disabled_text, rect)
            colour = style.focus_text if focused else (style.choice_text if opt.enabled else style.disabled_text)
            y = rect.top + 10
            for line in lines:
                surf = cache.render(font, line, colour)
                surface.blit(surf, surf.get_rect(midtop=(rect.centerx, y)))
                y += font.get_linesize()
            if focused:
                cx, cy = rect.left + 18, rect.centery
                pygame.draw.polygon(surface, style.focus_border, [(cx - 6, cy - 9), (cx - 6, cy + 9), (cx + 7, cy)])
            if not opt.enabled:
                # a padlock-ish mark: shape, not only colour, says "not available"
                lx, ly = rect.left + 20, rect.centery
                pygame.draw.rect(surface, style.disabled_text, (lx - 7, ly - 2, 14, 11))
                pygame.draw.arc(surface, style.disabled_text, (lx - 5, ly - 10, 10, 14), 0, 3.1416, 2)


def _dashed_rect(surface: pygame.Surface, colour: tuple[int, int, int], rect: pygame.Rect) -> None:
    for x in range(rect.left, rect.right, 14):
        pygame.draw.line(surface, colour, (x, rect.top), (min(x + 7, rect.right), rect.top), 2)
        pygame.draw.line(surface, colour, (x, rect.bottom - 1), (min(x + 7, rect.right), rect.bottom - 1), 2)
    for y in range(rect.top, rect.bottom, 14):
        pygame.draw.line(surface, colour, (rect.left, y), (rect.left, min(y + 7, rect.bottom)), 2)
        pygame.draw.line(surface, colour, (rect.right - 1, y), (rect.right - 1, min(y + 7, rect.bottom)), 2)
