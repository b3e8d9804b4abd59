"""The window: a 960x540 logical canvas, letterboxed into a resizable window on desktop."""

from __future__ import annotations

import pygame

from lm_game import LOGICAL_SIZE, platform_web


class Display:
    """Opens the window and presents the canvas; SDL's SCALED mode does the letterboxing."""

    def __init__(self, headless: bool = False, fullscreen: bool = False, title: str = "Leave Me Alone"):
        self.headless = headless
        self.fullscreen = False
        pygame.display.set_caption(title)
        if headless or not platform_web.CAN_RESIZE:
            self.canvas = pygame.display.set_mode(LOGICAL_SIZE)
        else:
            self.canvas = pygame.display.set_mode(LOGICAL_SIZE, pygame.SCALED | pygame.RESIZABLE)
        if fullscreen:
            self.toggle_fullscreen()

    def window_size(self) -> tuple[int, int]:
        """The real window size in pixels (the canvas is scaled into it)."""
        if self.headless:
            return LOGICAL_SIZE
        return pygame.display.get_window_size()

    def set_icon(self, icon: pygame.Surface) -> None:
        pygame.display.set_icon(icon)

    def toggle_fullscreen(self) -> bool:
        """Switch fullscreen on desktop; returns the new state (unchanged in the browser/headless)."""
        if self.headless or not platform_web.CAN_FULLSCREEN:
            return self.fullscreen
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error:
            return self.fullscreen
        self.fullscreen = not self.fullscreen
        return self.fullscreen

    def present(self) -> None:
        pygame.display.flip()
