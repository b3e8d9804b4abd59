"""A vertical menu usable by keyboard, mouse, touch and gamepad alike.

Keyboard / gamepad: UP/DOWN (or the stick) move the focus, CONFIRM selects, CANCEL is left to
the screen. Mouse / touch: hovering moves the focus; an item is selected when the press AND
the release both land on it (like a button), so a tap that advanced dialogue never selects
the menu that appears under the finger.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from lm_game.input.actions import Action, InputEvent
from lm_game.render import theme
from lm_game.render.text import TextCache
from lm_game.render.widgets import draw_button


@dataclass
class MenuItem:
    label: str
    on_select: Callable[[], None]
    enabled: bool = True
    sound: str = "confirm"
    """The interface sound when chosen: "confirm", or "cancel" for Back / No items."""


class Menu:
    """Items stacked from `top`, centred on `center_x`; focus moves with directions or the pointer."""

    def __init__(
        self,
        items: list[MenuItem],
        font: pygame.font.Font,
        center_x: int,
        top: int,
        spacing: int = 10,
        min_width: int = 260,
        cache: TextCache | None = None,
        sound: Callable[[str], None] | None = None,
    ) -> None:
        self.items = items
        self.sound = sound
        """Called with "select" when the focus moves and the item's sound when one is chosen."""
        self.font = font
        self.center_x = center_x
        self.top = top
        self.spacing = spacing
        self.min_width = min_width
        self.cache = cache or TextCache(64)
        self.focus = next((i for i, it in enumerate(items) if it.enabled), 0)
        self.armed: int | None = None
        self._rects: list[pygame.Rect] | None = None

    def set_font(self, font: pygame.font.Font) -> None:
        """Use another font (text size changed); layout is recomputed."""
        if font is not self.font:
            self.font = font
            self._rects = None

    def rects(self) -> list[pygame.Rect]:
        """Hit and draw rectangles, one per item (cached until the font changes)."""
        if self._rects is None:
            h = self.font.get_height() + 14
            w = max([self.min_width] + [self.font.size(it.label)[0] + 64 for it in self.items])
            self._rects = [
                pygame.Rect(self.center_x - w // 2, self.top + i * (h + self.spacing), w, h)
                for i in range(len(self.items))
            ]
        return self._rects

    def bottom(self) -> int:
        """The y just below the last item."""
        rects = self.rects()
        return rects[-1].bottom if rects else self.top

    def item_at(self, pos: tuple[float, float]) -> int | None:
        for i, rect in enumerate(self.rects()):
            if rect.collidepoint(pos) and self.items[i].enabled:
                return i
        return None

    def set_focus(self, index: int) -> None:
        """Move the focus (with the select sound when it really moves)."""
        if index != self.focus:
            self.focus = index
            self._sound("select")

    def _sound(self, kind: str) -> None:
        if self.sound is not None:
            self.sound(kind)

    def move(self, delta: int) -> None:
        n = len(self.items)
        for step in range(1, n + 1):
            i = (self.focus + delta * step) % n
            if self.items[i].enabled:
                self.set_focus(i)
                return

    def select(self, index: int) -> None:
        """Focus and activate an item (what a confirm does)."""
        self.focus = index
        item = self.items[index]
        if item.enabled:
            self._sound(item.sound)
            item.on_select()

    def handle(self, event: InputEvent) -> bool:
        """Directions move focus, confirm selects; a pointer hovers and selects press+release on one item."""
        if not self.items:
            return False
        if event.action is Action.POINT and event.pos is not None:
            hit = self.item_at(event.pos)
            if hit is not None:
                self.set_focus(hit)
            return hit is not None
        if event.action is Action.CONFIRM and event.pos is not None:
            hit = self.item_at(event.pos)
            if event.pressed:
                self.armed = hit
                if hit is not None:
                    self.set_focus(hit)
                return hit is not None
            armed, self.armed = self.armed, None
            if hit is not None and hit == armed:
                self.select(hit)
                return True
            return False
        if not event.pressed:
            return False
        if event.action in (Action.UP, Action.SCROLL_UP):
            self.move(-1)
            return True
        if event.action in (Action.DOWN, Action.SCROLL_DOWN):
            self.move(1)
            return True
        if event.action is Action.CONFIRM:
            self.select(self.focus)
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        for i, (item, rect) in enumerate(zip(self.items, self.rects(), strict=True)):
            focused = i == self.focus
            colour = theme.MENU_TEXT if item.enabled else theme.MENU_DISABLED
            label = self.cache.render(self.font, item.label, colour)
            draw_button(surface, rect, label, focused, item.enabled)
