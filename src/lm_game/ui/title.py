"""The title screen: new game, continue, load, chapters, settings, credits, quit (desktop)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from lm_game import platform_web
from lm_game.input.actions import Action, InputEvent
from lm_game.render import theme
from lm_game.ui import flow, services
from lm_game.ui.base import H, MenuScreen, W
from lm_game.ui.menu import Menu, MenuItem

if TYPE_CHECKING:
    from collections.abc import Callable

    from lm_game.app.loop import App


class TitleScreen(MenuScreen):
    """Star-Land at night, the game's name, and the main menu; the photosensitivity notice first."""

    def __init__(self) -> None:
        super().__init__()
        self.background: pygame.Surface | None = None
        self.notice_checked = False

    def enter(self, app: App) -> None:
        from lm_game.app import game

        assets = game.assets(app)
        if assets.has("backgrounds/title.png"):
            self.background = assets.image("backgrounds/title.png")
        super().enter(app)
        services.audio(app).play_music("music/title.ogg")

    def items(self) -> list[MenuItem]:
        app = self.the_app
        has_save = flow.latest_save(app) is not None
        chapters = bool(services.settings(app).chapters_unlocked)
        items = [
            MenuItem("New Game", lambda: flow.new_game(app)),
            MenuItem("Continue", self.continue_game, has_save),
            MenuItem("Load", self.load, has_save),
            MenuItem("Chapters", self.chapters, chapters),
            MenuItem("Settings", self.settings),
            MenuItem("Credits", self.credits),
        ]
        if platform_web.CAN_QUIT:
            items.append(MenuItem("Quit", lambda: services.confirm_quit(app)))
        return items

    def build(self) -> None:
        focus = self.menu.focus if self.menu is not None else None
        items = self.items()
        self.menu = Menu(items, self.ui_font(), W // 2, 0, spacing=6, cache=self.text, sound=self.sound)
        height = self.menu.bottom()
        self.menu.top = max(200, H - 20 - height)
        self.menu._rects = None
        if focus is not None and focus < len(items) and items[focus].enabled:
            self.menu.focus = focus

    def continue_game(self) -> None:
        info = flow.latest_save(self.the_app)
        if info is None:
            return
        result = flow.load_slot(self.the_app, info.slot)
        if not result.ok:
            self.build()

    def load(self) -> None:
        from lm_game.ui.saveload import SaveLoadScreen

        self.the_app.stack.push(SaveLoadScreen("load", None))

    def chapters(self) -> None:
        self.the_app.stack.push(ChapterScreen())

    def settings(self) -> None:
        from lm_game.ui.settings_screen import SettingsScreen

        self.the_app.stack.push(SettingsScreen())

    def credits(self) -> None:
        from lm_game.ui.ending import CreditsScreen

        self.the_app.stack.push(CreditsScreen())

    def on_cancel(self) -> None:
        if platform_web.CAN_QUIT:
            services.confirm_quit(self.the_app)

    def handle(self, event: InputEvent) -> bool:
        if event.action is Action.MENU:
            return True
        return super().handle(event)

    def update(self, dt: float) -> None:
        super().update(dt)
        app = self.the_app
        services.audio(app).update(dt)
        if not self.notice_checked:
            self.notice_checked = True
            if not services.settings(app).photosensitivity_notice_seen:
                from lm_game.ui.notice import PhotosensitivityNotice

                app.stack.push(PhotosensitivityNotice())

    def draw(self, surface: pygame.Surface) -> None:
        if self.background is not None:
            surface.blit(self.background, (0, 0))
        else:
            surface.fill(theme.NIGHT)
        title = self.label("LEAVE ME ALONE", theme.TITLE_SIZE, theme.CREAM)
        shadow = self.label("LEAVE ME ALONE", theme.TITLE_SIZE, theme.RED)
        rect = title.get_rect(center=(W // 2, 92))
        band = rect.inflate(60, 34)
        surface.blit(self.panels.panel(band.size, theme.NIGHT, theme.GOLD, halftone=False, seed=2), band.topleft)
        surface.blit(shadow, rect.move(4, 4))
        surface.blit(title, rect)
        sub = self.label("a story of Star-Land", 28, theme.GOLD)
        sub_rect = sub.get_rect(center=(W // 2, band.bottom + 22))
        pygame.draw.rect(surface, theme.NIGHT, sub_rect.inflate(24, 10))
        surface.blit(sub, sub_rect)
        if self.menu is not None:
            rects = self.menu.rects()
            area = rects[0].unionall(rects).inflate(40, 24)
            surface.blit(self.panels.veil(area.size, 200), area.topleft)
            pygame.draw.rect(surface, theme.GOLD, area, 2)
            self.menu.draw(surface)

    def state(self) -> dict[str, Any]:
        out = super().state()
        out["enabled"] = [it.enabled for it in self.menu.items] if self.menu is not None else []
        return out


class ChapterScreen(MenuScreen):
    """Chapter select: every level reached so far, in play order."""

    overlay = True
    title = "Chapters"

    def items(self) -> list[MenuItem]:
        app = self.the_app
        unlocked = set(services.settings(app).chapters_unlocked)
        items: list[MenuItem] = []
        for number, level_id in enumerate(flow.level_order(), start=1):
            if level_id in unlocked:
                items.append(MenuItem(f"{number}. {flow.level_title(level_id)}", self.starter(app, level_id)))
        items.append(MenuItem("Back", self.on_cancel, sound="cancel"))
        return items

    @staticmethod
    def starter(app: App, level_id: str) -> Callable[[], None]:
        return lambda: flow.start_chapter(app, level_id)
