"""Shared pieces of the interface screens: fonts by text size, a menu screen, a back button."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from lm_game import LOGICAL_SIZE
from lm_game.app.screen import Screen
from lm_game.input.actions import Action, InputEvent
from lm_game.render import theme
from lm_game.render.text import TextCache
from lm_game.render.widgets import PanelCache
from lm_game.ui import services
from lm_game.ui.menu import Menu, MenuItem

if TYPE_CHECKING:
    from lm_game.app.loop import App

W, H = LOGICAL_SIZE


class UIScreen(Screen):
    """A screen with access to the theme's fonts, the text cache and the panel cache."""

    def __init__(self) -> None:
        super().__init__()
        self.t = 0.0
        self.sounds_played = 0

    @property
    def the_app(self) -> App:
        assert self.app is not None, "screen used before it was entered"
        return self.app

    def font(self, size: int) -> pygame.font.Font:
        from lm_game.app import game

        return game.assets(self.the_app).font(size)

    def ui_font(self) -> pygame.font.Font:
        """The menu font at the player's text size."""
        return self.font(theme.ui_size(services.settings(self.the_app).text_size))

    @property
    def text(self) -> TextCache:
        return services.text(self.the_app)

    @property
    def panels(self) -> PanelCache:
        return services.panels(self.the_app)

    def label(self, text: str, size: int, colour: tuple[int, int, int]) -> pygame.Surface:
        return self.text.render(self.font(size), text, colour)

    def sound(self, kind: str) -> None:
        """An interface sound: "select" (focus moved), "confirm" or "cancel" (see ui/sounds.py)."""
        from lm_game.ui import sounds

        self.sounds_played += 1
        if kind in sounds.SOUNDS:
            sounds.play(self.app, kind)  # type: ignore[arg-type]

    def update(self, dt: float) -> None:
        self.t += dt

    def focus_sound(self, before: int, played: int) -> None:
        """After handling input: the select sound if the focus moved and nothing else sounded."""
        focus = getattr(self, "focus", before)
        if focus != before and played == self.sounds_played and self.app is not None and self.app.stack.top is self:
            self.sound("select")

    def state(self) -> dict[str, Any]:
        """What the harness reports about this screen."""
        return {"screen": type(self).__name__}


class MenuScreen(UIScreen):
    """A titled panel holding one Menu; CANCEL (or the Back item) calls `on_cancel`."""

    title = ""
    panel_width = 420

    def __init__(self) -> None:
        super().__init__()
        self.menu: Menu | None = None

    def items(self) -> list[MenuItem]:
        """The menu's items (built on enter, rebuilt after settings change)."""
        return []

    def on_cancel(self) -> None:
        self.the_app.stack.pop()

    def enter(self, app: App) -> None:
        super().enter(app)
        self.build()

    def uncover(self) -> None:
        self.build()

    def settings_changed(self) -> None:
        self.build()

    def build(self) -> None:
        focus = self.menu.focus if self.menu is not None else None
        items = self.items()
        font = self.ui_font()
        h = font.get_height() + 14 + 10
        top = max(150, (H - len(items) * h) // 2 + 30)
        self.menu = Menu(items, font, W // 2, top, cache=self.text, sound=self.sound)
        if focus is not None and focus < len(items) and items[focus].enabled:
            self.menu.focus = focus

    def handle(self, event: InputEvent) -> bool:
        if self.menu is not None and self.menu.handle(event):
            return True
        if event.pressed and event.action in (Action.CANCEL, Action.MENU):
            self.sound("cancel")
            self.on_cancel()
            return True
        return event.action is not Action.POINT

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        surface.blit(self.panels.veil(surface.get_size()), (0, 0))

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_backdrop(surface)
        if self.menu is None:
            return
        rects = self.menu.rects()
        width = max(self.panel_width, rects[0].width + 80 if rects else 0)
        top = (rects[0].top if rects else 200) - 100
        bottom = self.menu.bottom() + 34
        panel = self.panels.panel((width, bottom - top), theme.NIGHT, theme.GOLD, halftone=False, seed=3)
        surface.blit(panel, (W // 2 - width // 2, top))
        if self.title:
            heading = self.label(self.title, theme.HEADING_SIZE, theme.GOLD)
            surface.blit(heading, heading.get_rect(center=(W // 2, top + 48)))
        self.menu.draw(surface)

    def state(self) -> dict[str, Any]:
        out = super().state()
        if self.menu is not None:
            out["items"] = [it.label for it in self.menu.items]
            out["focus"] = self.menu.focus
        return out


class ConfirmLike(MenuScreen):
    """Marker base for yes/no dialogs."""

    overlay = True
