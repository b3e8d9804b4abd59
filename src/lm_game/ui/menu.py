"""A vertical menu usable by keyboard, mouse, touch and gamepad alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from lm_game.input.actions import Action, InputEvent
from lm_game.render import theme


@dataclass
class MenuItem:
    label: str
    on_select: Callable[[], None]
    enabled: bool = True


class Menu:
    """Items stacked from `top`, centred on `center_x`; focus moves with directions or the pointer."""

    def __init__(
        self,
        items: list[MenuItem],
        font: pygame.font.Font,
        center_x: int,
        top: int,
        spacing: int = 12,
    ) -> None:
        self.items = items
        self.font = font
        self.center_x = center_x
        self.top = top
        self.spacing = spacing
        self.focus = next((i for i, it in enumerate(items) if it.enabled), 0)

    def rects(self) -> list[pygame.Rect]:
        h = self.font.get_height() + 10
        out = []
        for i, item in enumerate(self.items):
            w = self.font.size(item.label)[0] + 40
            out.append(pygame.Rect(self.center_x - w // 2, self.top + i * (h + self.spacing), w, h))
        return out

    def item_at(self, pos: tuple[float, float]) -> int | None:
        for i, rect in enumerate(self.rects()):
            if rect.collidepoint(pos) and self.items[i].enabled:
                return i
        return None

    def move(self, delta: int) -> None:
        n = len(self.items)
        for step in range(1, n + 1):
            i = (self.focus + delta * step) % n
            if self.items[i].enabled:
                self.focus = i
                return

    def handle(self, event: InputEvent) -> bool:
        """Directions move focus, confirm selects; a pointer hovers and selects on release."""
        if event.action is Action.POINT and event.pos is not None:
            hit = self.item_at(event.pos)
            if hit is not None:
                self.focus = hit
            return hit is not None
        if not event.pressed and not (event.action is Action.CONFIRM and event.is_pointer):
            return False
        if event.action in (Action.UP, Action.SCROLL_UP) and event.pressed:
            self.move(-1)
            return True
        if event.action in (Action.DOWN, Action.SCROLL_DOWN) and event.pressed:
            self.move(1)
            return True
        if event.action is Action.CONFIRM:
            if event.is_pointer:
                assert event.pos is not None
                hit = self.item_at(event.pos)
                if hit is None:
                    return False
                self.focus = hit
                if event.pressed:
                    return True  # select on release, like a button
            elif not event.pressed:
                return False
            item = self.items[self.focus]
            if item.enabled:
                item.on_select()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        for i, (item, rect) in enumerate(zip(self.items, self.rects(), strict=True)):
            focused = i == self.focus
            if focused:
                pygame.draw.rect(surface, theme.RED, rect, border_radius=4)
                pygame.draw.rect(surface, theme.GOLD, rect, 3, border_radius=4)
            colour = theme.CREAM if item.enabled else theme.GREY
            text = self.font.render(item.label, True, colour)
            surface.blit(text, text.get_rect(center=rect.center))
