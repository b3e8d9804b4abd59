"""The title screen: the first thing a player sees."""

from __future__ import annotations

import pygame

from lm_game import platform_web
from lm_game.app.screen import Screen
from lm_game.input.actions import Action, InputEvent
from lm_game.render import theme
from lm_game.ui.menu import Menu, MenuItem


class TitleScreen(Screen):
    """Star-Land at night, the game's name, and the main menu."""

    def __init__(self) -> None:
        super().__init__()
        self.menu: Menu | None = None
        self.background: pygame.Surface | None = None
        self.t = 0.0

    def enter(self, app) -> None:  # type: ignore[no-untyped-def]
        super().enter(app)
        from lm_game.app import game

        assets = game.assets(app)
        if assets.has("backgrounds/title.png"):
            self.background = assets.image("backgrounds/title.png")
        items = [MenuItem("New Game", lambda: game.new_game(app))]
        if platform_web.CAN_QUIT:
            items.append(MenuItem("Quit", app.request_quit))
        self.menu = Menu(items, assets.font(34), 480, 330)
        self.title_font = assets.font(88)
        self.sub_font = assets.font(26)

    def handle(self, event: InputEvent) -> bool:
        if self.menu is not None and self.menu.handle(event):
            return True
        if event.action is Action.CANCEL and event.pressed and self.app is not None:
            self.app.request_quit()
            return True
        return False

    def update(self, dt: float) -> None:
        self.t += dt

    def draw(self, surface: pygame.Surface) -> None:
        if self.background is not None:
            surface.blit(self.background, (0, 0))
        else:
            surface.fill(theme.NIGHT)
        title = self.title_font.render("LEAVE ME ALONE", True, theme.CREAM)
        shadow = self.title_font.render("LEAVE ME ALONE", True, theme.RED)
        rect = title.get_rect(center=(480, 170))
        surface.blit(shadow, rect.move(4, 4))
        surface.blit(title, rect)
        sub = self.sub_font.render("a story of Star-Land", True, theme.GOLD)
        surface.blit(sub, sub.get_rect(center=(480, 235)))
        if self.menu is not None:
            self.menu.draw(surface)
