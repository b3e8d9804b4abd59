"""The photosensitivity notice shown at first start (remembered once acknowledged)."""

from __future__ import annotations

import pygame

from lm_game.render import theme
from lm_game.render.text import wrap
from lm_game.ui import services
from lm_game.ui.base import H, MenuScreen, W
from lm_game.ui.menu import Menu, MenuItem

TEXT = (
    "This game shows camera flashbulbs and a few bright effects. No effect ever flashes more "
    "than three times in a second. If bright or flashing light affects you, turn on Reduced "
    "flashing: every flash becomes a slow outline or a sound, and every part of the game stays "
    "playable. You can change this at any time in Settings."
)


class PhotosensitivityNotice(MenuScreen):
    """A full screen notice: play with reduced flashing, or continue as is."""

    title = "Photosensitivity notice"

    def items(self) -> list[MenuItem]:
        return [
            MenuItem("Turn on reduced flashing", lambda: self.accept(True)),
            MenuItem("Continue", lambda: self.accept(False)),
        ]

    def build(self) -> None:
        focus = self.menu.focus if self.menu is not None else 0
        self.menu = Menu(self.items(), self.ui_font(), W // 2, 0, cache=self.text, min_width=380, sound=self.sound)
        self.menu.top = H - 40 - self.menu.bottom()
        self.menu._rects = None
        self.menu.focus = focus

    def accept(self, reduced: bool) -> None:
        app = self.the_app
        s = services.settings(app)
        s.photosensitivity_notice_seen = True
        if reduced:
            s.reduced_flashing = True
        services.save_player_settings(app)
        services.apply_settings(app)
        app.stack.pop()

    def on_cancel(self) -> None:
        """Cancel leaves the choice open: the notice must be answered."""

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.NIGHT)
        assert self.menu is not None
        panel = pygame.Rect(60, 30, W - 120, self.menu.top - 50)
        surface.blit(self.panels.panel(panel.size, theme.CREAM, theme.INK, True, seed=51), panel.topleft)
        heading = self.label("PHOTOSENSITIVITY NOTICE", theme.HEADING_SIZE, theme.DEEP_RED)
        surface.blit(heading, heading.get_rect(midtop=(W // 2, panel.top + 24)))
        size = theme.ui_size(services.settings(self.the_app).text_size)
        font = self.font(size)
        y = panel.top + 84
        for line in wrap(font, TEXT, panel.width - 80):
            s = self.text.render(font, line, theme.INK)
            surface.blit(s, (panel.left + 40, y))
            y += font.get_linesize()
        self.menu.draw(surface)
