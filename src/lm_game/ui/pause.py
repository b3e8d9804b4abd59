"""The pause menu over a level: resume, save, load, settings, backlog, title (and quit on desktop)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lm_game import platform_web
from lm_game.ui import flow, services
from lm_game.ui.base import MenuScreen
from lm_game.ui.menu import MenuItem

if TYPE_CHECKING:
    from lm_game.ui.play import PlayScreen


class PauseScreen(MenuScreen):
    """An overlay: the level stays visible, frozen, behind a veil."""

    overlay = True
    title = "Paused"

    def __init__(self, play: PlayScreen) -> None:
        super().__init__()
        self.play = play

    def items(self) -> list[MenuItem]:
        items = [
            MenuItem("Resume", self.resume),
            MenuItem("Save", self.save),
            MenuItem("Load", self.load),
            MenuItem("Settings", self.settings),
            MenuItem("Backlog", self.backlog),
            MenuItem("Title screen", self.title_screen),
        ]
        if platform_web.CAN_QUIT:
            items.append(MenuItem("Quit", lambda: services.confirm_quit(self.the_app)))
        return items

    def resume(self) -> None:
        self.the_app.stack.pop()

    def save(self) -> None:
        from lm_game.ui.saveload import SaveLoadScreen

        self.the_app.stack.push(SaveLoadScreen("save", self.play))

    def load(self) -> None:
        from lm_game.ui.saveload import SaveLoadScreen

        self.the_app.stack.push(SaveLoadScreen("load", self.play))

    def settings(self) -> None:
        from lm_game.ui.settings_screen import SettingsScreen

        self.the_app.stack.push(SettingsScreen())

    def backlog(self) -> None:
        from lm_game.ui.backlog import BacklogScreen

        self.the_app.stack.replace(BacklogScreen(self.play))

    def title_screen(self) -> None:
        from lm_game.ui.confirm import ConfirmScreen

        app = self.the_app
        self.the_app.stack.push(
            ConfirmScreen(
                "Return to the title screen?",
                "Progress since your last save will be lost (the autosave keeps the last choice).",
                lambda: flow.back_to_title(app),
                tag="title",
            )
        )

    def state(self) -> dict[str, Any]:
        out = super().state()
        out["play"] = self.play.report()
        return out
