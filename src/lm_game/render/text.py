"""Text: word wrap measured with the font, and a cache of rendered surfaces (no per-frame rendering)."""

from __future__ import annotations

from collections import OrderedDict

import pygame

Colour = tuple[int, int, int]


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Break `text` into lines no wider than `width` pixels; explicit newlines are kept.

    A single word wider than the line is split by characters, so nothing ever overflows.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        current = ""
        for word in words:
            candidate = word if not current else current + " " + word
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


def fit_text(font: pygame.font.Font, text: str, width: int) -> str:
    """`text` shortened with an ellipsis so it fits in `width` pixels on one line."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


class TextCache:
    """Rendered text surfaces by (font, text, colour), least recently used dropped first.

    Bounded by count (`limit`) and by pixel bytes (`max_bytes`): a wrapped dialogue line is a
    ~100 KB surface, so a count alone let the cache hold tens of MB. The newest surface is always
    kept, so a frame's own text is never re-rendered within the frame.
    """

    def __init__(self, limit: int = 256, max_bytes: int = 4 * 1024 * 1024) -> None:
        self.limit = limit
        self.max_bytes = max_bytes
        self._surfaces: OrderedDict[tuple[int, str, Colour], pygame.Surface] = OrderedDict()
        self.bytes = 0
        """Pixel bytes held now."""
        self.renders = 0
        """How many times text was really rendered (tests check the cache works)."""

    def render(self, font: pygame.font.Font, text: str, colour: Colour) -> pygame.Surface:
        """The text drawn antialiased in `colour` (cached)."""
        key = (id(font), text, colour)
        surf = self._surfaces.get(key)
        if surf is not None:
            self._surfaces.move_to_end(key)
            return surf
        surf = font.render(text, True, colour)
        self.renders += 1
        self._surfaces[key] = surf
        self.bytes += _size(surf)
        while len(self._surfaces) > 1 and (len(self._surfaces) > self.limit or self.bytes > self.max_bytes):
            _, old = self._surfaces.popitem(last=False)
            self.bytes -= _size(old)
        return surf

    def clear(self) -> None:
        """Forget every surface (after a text-size change, or when a scene or level is entered)."""
        self._surfaces.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._surfaces)


def _size(surf: pygame.Surface) -> int:
    """Pixel bytes of a surface."""
    return surf.get_pitch() * surf.get_height()


def blit_centered(
    surface: pygame.Surface, cache: TextCache, font: pygame.font.Font, text: str, colour: Colour,
    center: tuple[int, int],
) -> pygame.Rect:
    """Draw cached text centred on `center`; returns where it went."""
    surf = cache.render(font, text, colour)
    rect = surf.get_rect(center=center)
    surface.blit(surf, rect)
    return rect
