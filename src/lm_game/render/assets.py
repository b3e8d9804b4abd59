"""Loads images and sounds once by asset path; missing files fail with where we looked."""

from __future__ import annotations

from pathlib import Path

import pygame

from lm_game.content.locate import find_asset


class AssetCache:
    """Converted surfaces and fonts by key, loaded on first use."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self._images: dict[str, pygame.Surface] = {}
        self._fonts: dict[tuple[str | None, int], pygame.font.Font] = {}

    def path(self, rel: str) -> Path:
        return find_asset(rel, self.root)

    def image(self, rel: str) -> pygame.Surface:
        """The image at `rel` (alpha kept), converted for fast blits when a display exists.

        An image without transparency (the backdrops) is converted opaque, so renderers can blit
        this very surface instead of keeping a converted copy of their own.
        """
        surf = self._images.get(rel)
        if surf is None:
            surf = pygame.image.load(str(self.path(rel)))
            if pygame.display.get_surface() is not None:
                opaque = not surf.get_flags() & pygame.SRCALPHA and surf.get_colorkey() is None
                surf = surf.convert() if opaque else surf.convert_alpha()
            self._images[rel] = surf
        return surf

    def release_images(self) -> None:
        """Forget every loaded image (when a level is entered: the last level's art is not needed).

        Fonts are kept. Whoever caches surfaces made from these images drops them at the same time
        (see render.scenes.art.release), so no image is ever held twice.
        """
        self._images.clear()

    def has(self, rel: str) -> bool:
        try:
            self.path(rel)
        except (FileNotFoundError, ValueError):
            return False
        return True

    def font(self, size: int, name: str | None = None) -> pygame.font.Font:
        """pygame's bundled font (it works in the browser too) or a shipped font file."""
        key = (name, size)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(str(self.path(name)) if name else None, size)
            self._fonts[key] = font
        return font
