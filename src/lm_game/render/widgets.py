"""Collage widgets: newsprint panels with halftone dots and torn edges, veils, buttons (cached surfaces)."""

from __future__ import annotations

import random
from collections import OrderedDict

import pygame

from lm_game.render import theme

Colour = tuple[int, int, int]


def torn_edge(width: int, seed: int, depth: int = 6, step: int = 9) -> list[int]:
    """Offsets (0..depth) along an edge, every `step` px: the jagged line of torn paper."""
    rng = random.Random(seed)
    return [rng.randint(0, depth) for _ in range(width // step + 2)]


class PanelCache:
    """Panel surfaces by size and style, drawn once (halftone + torn edges are not cheap).

    Least recently used dropped first beyond `max_bytes` (a full-screen panel is 2 MB; menus, notices
    and toasts of many sizes would otherwise pile up for good); at most `max_veils` veils are kept.
    """

    def __init__(self, max_bytes: int = 6 * 1024 * 1024, max_veils: int = 3) -> None:
        self.max_bytes = max_bytes
        self.max_veils = max_veils
        self._panels: OrderedDict[tuple[int, int, Colour, Colour, bool, bool, int], pygame.Surface] = OrderedDict()
        self._veils: OrderedDict[tuple[int, int, int], pygame.Surface] = OrderedDict()
        self.bytes = 0
        """Pixel bytes of the panels held now."""

    def panel(
        self,
        size: tuple[int, int],
        fill: Colour,
        border: Colour,
        halftone: bool = True,
        torn: bool = True,
        seed: int = 1,
    ) -> pygame.Surface:
        """A paper panel of `size` (alpha outside the torn edges)."""
        key = (size[0], size[1], fill, border, halftone, torn, seed)
        surf = self._panels.get(key)
        if surf is not None:
            self._panels.move_to_end(key)
            return surf
        surf = draw_panel(size, fill, border, halftone, torn, seed)
        self._panels[key] = surf
        self.bytes += surf.get_pitch() * surf.get_height()
        while len(self._panels) > 1 and self.bytes > self.max_bytes:
            _, old = self._panels.popitem(last=False)
            self.bytes -= old.get_pitch() * old.get_height()
        return surf

    def veil(self, size: tuple[int, int], alpha: int = theme.VEIL_ALPHA) -> pygame.Surface:
        """A translucent night-blue sheet that dims what lies under an overlay."""
        key = (size[0], size[1], alpha)
        surf = self._veils.get(key)
        if surf is not None:
            self._veils.move_to_end(key)
            return surf
        surf = pygame.Surface(size)
        surf.fill(theme.NIGHT)
        surf.set_alpha(alpha)
        self._veils[key] = surf
        while len(self._veils) > self.max_veils:
            self._veils.popitem(last=False)
        return surf

    def clear(self) -> None:
        """Forget every panel and veil (when a level is entered)."""
        self._panels.clear()
        self._veils.clear()
        self.bytes = 0


def draw_panel(
    size: tuple[int, int], fill: Colour, border: Colour, halftone: bool, torn: bool, seed: int
) -> pygame.Surface:
    """Draw one panel: a polygon with torn top/bottom edges, halftone dots near the edges, an ink outline."""
    w, h = size
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    depth = 5 if torn else 0
    step = 9
    top = torn_edge(w, seed, depth, step)
    bottom = torn_edge(w, seed + 7, depth, step)
    points: list[tuple[int, int]] = []
    for i, off in enumerate(top):
        points.append((min(i * step, w - 1), off))
    for i, off in reversed(list(enumerate(bottom))):
        points.append((min(i * step, w - 1), h - 1 - off))
    pygame.draw.polygon(surf, fill, points)
    if halftone:
        shade = theme.shade(fill)
        # dots grow towards the bottom-right corner: the newsprint halftone of the collage look
        for y in range(depth + 6, h - depth - 4, 8):
            for x in range(6 + (y // 8 % 2) * 4, w - 6, 8):
                t = (x / w) * 0.6 + (y / h) * 0.4
                r = int(t * t * 2.6)
                if r > 0:
                    pygame.draw.circle(surf, shade, (x, y), r)
    pygame.draw.lines(surf, border, True, points, 3)
    return surf


def draw_button(
    surface: pygame.Surface,
    rect: pygame.Rect,
    label: pygame.Surface,
    focused: bool,
    enabled: bool = True,
    style: theme.BoxStyle | None = None,
) -> None:
    """A menu slip: focus is shown by fill AND a thick outline AND a marker, never by colour alone."""
    if style is None:
        bg = theme.MENU_FOCUS_BG if focused else None
        border = theme.MENU_FOCUS_BORDER
    else:
        bg = style.focus_bg if focused else style.choice_bg
        border = style.focus_border if focused else style.border
    if bg is not None:
        pygame.draw.rect(surface, bg, rect, border_radius=4)
    if focused or style is not None:
        pygame.draw.rect(surface, border, rect, 3 if focused else 2, border_radius=4)
    if focused:
        cx = rect.left + 14
        cy = rect.centery
        pygame.draw.polygon(surface, border, [(cx - 5, cy - 7), (cx - 5, cy + 7), (cx + 5, cy)])
    surface.blit(label, label.get_rect(center=rect.center))


def newspaper_page(size: tuple[int, int], edge: int = 26) -> pygame.Surface:
    """A full-screen front page with torn top and bottom edges (the "tear" transition's sheet).

    The page is `edge` px taller at each end than `size`, where the paper is torn.
    """
    w, h = size
    surf = pygame.Surface((w, h + 2 * edge), pygame.SRCALPHA)
    top = torn_edge(w, 97, edge - 4, 14)
    bottom = torn_edge(w, 131, edge - 4, 14)
    points = [(min(i * 14, w), off) for i, off in enumerate(top)]
    points += [(min(i * 14, w), h + 2 * edge - 1 - off) for i, off in reversed(list(enumerate(bottom)))]
    pygame.draw.polygon(surf, theme.CREAM, points)
    shade = theme.PAPER_SHADE
    for y in range(edge + 10, h + edge, 10):  # halftone rows, denser towards the bottom
        r = 1 + (y * 3) // (h + 2 * edge)
        for x in range(8 + (y // 10 % 2) * 5, w, 10):
            pygame.draw.circle(surf, shade, (x, y), r)
    # masthead and headline bars: the shapes of a front page, not readable text
    pygame.draw.rect(surf, theme.INK, (40, edge + 30, w - 80, 8))
    pygame.draw.rect(surf, theme.RED, (40, edge + 50, w - 80, 70))
    pygame.draw.rect(surf, theme.INK, (40, edge + 132, w - 80, 4))
    for col in range(4):
        x = 40 + col * ((w - 80) // 4)
        for row in range(14):
            y = edge + 160 + row * 24
            if y > h + edge - 30:
                break
            pygame.draw.rect(surf, theme.INK, (x + 6, y, (w - 80) // 4 - 18 - (row * 37 % 40), 8))
    pygame.draw.lines(surf, theme.INK, False, points[: len(top)], 2)
    pygame.draw.lines(surf, theme.INK, False, points[len(top):], 2)
    return surf
