"""Cached drawing helpers for scene renderers: scaled images, text, panels, fallback backdrops.

Everything expensive (scaling, text rendering, translucent panels) is made once and kept, so a
frame is mostly blits. One SceneArt per AssetCache (see ``art_for``). The caches belong to the scene
being played: ``release`` empties them when another scene is entered, so memory stays bounded by
one scene's art however long the game runs.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from typing import Any

import pygame

from lm_game.render import theme
from lm_game.render.text import TextCache, wrap

W, H = 960, 540
Colour = tuple[int, int, int]
#: Depth scaling of the walking Star snaps to steps this fine (a few pre-scaled buckets).
SCALE_STEP = 0.05

_ARTS: weakref.WeakKeyDictionary[Any, SceneArt] = weakref.WeakKeyDictionary()


def art_for(assets: Any) -> SceneArt:
    """The SceneArt that belongs to an AssetCache (made on first use)."""
    art = _ARTS.get(assets)
    if art is None:
        art = SceneArt(assets)
        _ARTS[assets] = art
    return art


def release(assets: Any) -> None:
    """Drop the scene art made from an AssetCache (a scene or level is being entered)."""
    art = _ARTS.get(assets)
    if art is not None:
        art.release()


def hex_colour(text: str, default: Colour = theme.CREAM) -> Colour:
    """'#rrggbb' as a tuple (default when malformed)."""
    try:
        t = text.lstrip("#")
        return int(t[0:2], 16), int(t[2:4], 16), int(t[4:6], 16)
    except (ValueError, IndexError, AttributeError):
        return default


class SceneArt:
    """Images (scaled and flipped once), text surfaces, panels and backdrops, cached."""

    def __init__(self, assets: Any) -> None:
        self.assets = assets
        self.text_cache = TextCache(limit=256, max_bytes=3 * 1024 * 1024)
        self._images: dict[tuple[str, float, bool], pygame.Surface | None] = {}
        self._backgrounds: dict[str | None, pygame.Surface] = {}
        self._zooms: dict[tuple[str | None, int], pygame.Surface] = {}
        self.zoom_plan: Any = None
        """What the zoom steps in `_zooms` were made for (see render.scenes.cutscene.prepare_zooms)."""
        self._panels: dict[tuple[int, int, Colour, int, int], pygame.Surface] = {}
        self._misc: dict[Any, pygame.Surface] = {}
        self._wrapped: dict[tuple[str, int, int], list[str]] = {}

    def release(self) -> None:
        """Forget every cached surface and layout (a scene or level is being entered)."""
        self.text_cache.clear()
        self._images.clear()
        self._backgrounds.clear()
        self._zooms.clear()
        self.zoom_plan = None
        self._panels.clear()
        self._misc.clear()
        self._wrapped.clear()

    # ------------------------------------------------------------------ images

    def image(self, rel: str | None, scale: float = 1.0, flip: bool = False) -> pygame.Surface | None:
        """An asset image scaled and flipped once, or None when the file is missing."""
        if not rel:
            return None
        key = (rel, round(scale, 3), flip)
        if key in self._images:
            return self._images[key]
        surf: pygame.Surface | None = None
        try:
            if self.assets.has(rel):
                surf = self.assets.image(rel)
        except (pygame.error, FileNotFoundError, ValueError):
            surf = None
        if surf is not None:
            if abs(scale - 1.0) > 1e-3:
                size = (max(1, round(surf.get_width() * scale)), max(1, round(surf.get_height() * scale)))
                surf = pygame.transform.smoothscale(surf, size)
            if flip:
                surf = pygame.transform.flip(surf, True, False)
        self._images[key] = surf
        return surf

    def bucket(self, scale: float) -> float:
        """A scale snapped to SCALE_STEP so only a few sizes of a sprite are ever made."""
        return max(SCALE_STEP, round(scale / SCALE_STEP) * SCALE_STEP)

    def background(self, rel: str | None) -> pygame.Surface:
        """The scene backdrop (960x540), or a newsprint-and-night stand-in when it is missing.

        A 960x540 opaque image is the AssetCache's own surface (one copy of each backdrop).
        """
        surf = self._backgrounds.get(rel)
        if surf is None:
            img = self.image(rel)
            shared = img is not None and img.get_size() == (W, H) and not img.get_flags() & pygame.SRCALPHA
            if img is not None and img.get_size() != (W, H):
                img = pygame.transform.smoothscale(img, (W, H))
            surf = img if img is not None else self._fallback()
            if pygame.display.get_surface() is not None and not shared:
                surf = surf.convert()
            self._backgrounds[rel] = surf
        return surf

    def zoomed(self, rel: str | None, step: int, zoom_step: float) -> pygame.Surface:
        """The backdrop scaled by `step * zoom_step` (made once per scene; see cutscene.prepare_zooms)."""
        key = (rel, step)
        surf = self._zooms.get(key)
        if surf is None:
            z = step * zoom_step
            surf = pygame.transform.smoothscale(self.background(rel), (round(W * z), round(H * z)))
            self._zooms[key] = surf
        return surf

    def keep_zooms(self, keys: set[tuple[str | None, int]]) -> None:
        """Drop every zoomed backdrop not in `keys`."""
        for key in [k for k in self._zooms if k not in keys]:
            del self._zooms[key]

    def _fallback(self) -> pygame.Surface:
        surf = pygame.Surface((W, H))
        for y in range(H):
            t = y / H
            c = tuple(round(a + (b - a) * t) for a, b in zip(theme.NIGHT, (60, 40, 70), strict=True))
            pygame.draw.line(surf, c, (0, y), (W, y))
        for y in range(0, H, 18):
            for x in range((y // 18) % 2 * 9, W, 18):
                pygame.draw.circle(surf, (40, 48, 86), (x, y), 2)
        for i in range(0, W, 60):  # bunting
            pygame.draw.polygon(surf, theme.RED if (i // 60) % 2 else theme.GOLD, [(i, 0), (i + 60, 0), (i + 30, 34)])
        return surf

    # ------------------------------------------------------------------ text

    def font(self, size: int) -> pygame.font.Font:
        """The game font at a size."""
        font: pygame.font.Font = self.assets.font(size)
        return font

    def text(self, msg: str, size: int, colour: Colour = theme.CREAM) -> pygame.Surface:
        """Rendered text (cached)."""
        return self.text_cache.render(self.font(size), msg, colour)

    def shadow_text(
        self, msg: str, size: int, colour: Colour = theme.CREAM, shadow: Colour = theme.INK
    ) -> pygame.Surface:
        """Text with a 2 px ink drop shadow, readable over any backdrop (cached)."""
        key = ("shadow", msg, size, colour, shadow)
        surf = self._misc.get(key)
        if surf is None:
            front = self.text(msg, size, colour)
            back = self.text(msg, size, shadow)
            surf = pygame.Surface((front.get_width() + 2, front.get_height() + 2), pygame.SRCALPHA)
            surf.blit(back, (2, 2))
            surf.blit(front, (0, 0))
            self._misc[key] = surf
            if len(self._misc) > 1024:
                self._misc.clear()
        return surf

    def wrapped(self, msg: str, size: int, width: int) -> list[str]:
        """Lines of msg wrapped to width at a font size (cached)."""
        key = (msg, size, width)
        lines = self._wrapped.get(key)
        if lines is None:
            lines = wrap(self.font(size), msg, width)
            self._wrapped[key] = lines
        return lines

    # ------------------------------------------------------------------ shapes

    def panel(self, w: int, h: int, colour: Colour = theme.NIGHT, alpha: int = 200, radius: int = 8) -> pygame.Surface:
        """A translucent rounded panel (cached by size and colour)."""
        key = (w, h, colour, alpha, radius)
        surf = self._panels.get(key)
        if surf is None:
            surf = pygame.Surface((max(1, w), max(1, h)), pygame.SRCALPHA)
            pygame.draw.rect(surf, (*colour, alpha), surf.get_rect(), border_radius=radius)
            self._panels[key] = surf
        return surf

    def slip(self, msg: str, size: int, fg: Colour = theme.INK, bg: Colour = theme.CREAM,
             border: Colour = theme.RED) -> pygame.Surface:
        """A paper slip with text on it: hotspot labels, words, heckles (cached)."""
        key = ("slip", msg, size, fg, bg, border)
        surf = self._misc.get(key)
        if surf is None:
            t = self.text(msg, size, fg)
            surf = pygame.Surface((t.get_width() + 20, t.get_height() + 12), pygame.SRCALPHA)
            r = surf.get_rect()
            pygame.draw.rect(surf, (*theme.INK, 120), r.move(3, 3).clip(r), border_radius=4)
            pygame.draw.rect(surf, bg, r.inflate(-3, -3), border_radius=4)
            pygame.draw.rect(surf, border, r.inflate(-3, -3), 2, border_radius=4)
            surf.blit(t, (10, 6))
            self._misc[key] = surf
        return surf

    def heart(self, size: int, full: bool) -> pygame.Surface:
        """A composure heart (filled red, or an empty outline)."""
        key = ("heart", size, full)
        surf = self._misc.get(key)
        if surf is None:
            surf = pygame.Surface((size, size), pygame.SRCALPHA)
            r = size // 4
            pts = [(size // 2, size - 2), (1, size // 2 - 1), (size - 1, size // 2 - 1)]
            colour = theme.RED if full else (0, 0, 0, 0)
            for shape in range(2):
                fill = colour if shape == 0 else theme.CREAM
                width = 0 if shape == 0 else 2
                if shape == 0 and not full:
                    continue
                pygame.draw.circle(surf, fill, (size // 2 - r + 1, r + 2), r + 1, width)
                pygame.draw.circle(surf, fill, (size // 2 + r - 1, r + 2), r + 1, width)
                pygame.draw.polygon(surf, fill, pts, width)
            self._misc[key] = surf
        return surf

    def glow(self, radius: int, colour: Colour, alpha: int = 90) -> pygame.Surface:
        """A soft round glow (concentric circles, cached)."""
        key = ("glow", radius, colour, alpha)
        surf = self._misc.get(key)
        if surf is None:
            surf = pygame.Surface((radius * 2, radius * 2), pygame.SRCALPHA)
            for i in range(radius, 0, -2):
                a = round(alpha * (1 - i / radius) ** 1.5)
                pygame.draw.circle(surf, (*colour, a), (radius, radius), i)
            self._misc[key] = surf
        return surf

    def rotated(self, rel: str, angle_step: int, scale: float = 1.0) -> pygame.Surface | None:
        """An image rotated to one of 360/angle_step directions (each made once)."""
        key = ("rot", rel, angle_step, scale)
        surf = self._misc.get(key)
        if surf is None:
            base = self.image(rel, scale)
            if base is None:
                return None
            surf = pygame.transform.rotate(base, -angle_step)
            self._misc[key] = surf
        return surf


def draw_actor(surface: pygame.Surface, art: SceneArt, portrait: str | None, x: float, y: float,
               scale: float) -> None:
    """An actor's cut-out portrait, feet at (x, y)."""
    img = art.image(portrait, art.bucket(scale))
    if img is not None:
        surface.blit(img, img.get_rect(midbottom=(round(x), round(y))))


CAPTION_X = 80
CAPTION_W = 800
CAPTION_PAD = 20
"""Caption panels: left edge and width; text is inset by CAPTION_PAD each side."""


@dataclass
class Caption:
    """One caption panel as laid out: where it goes, the name row (or none), the wrapped body rows."""

    rect: pygame.Rect
    name: str
    colour: Colour
    rows: list[str]
    size: int
    line_height: int


def caption_layout(art: SceneArt, lines: list[Any], size: int, top: int = 0, bottom: int = H - 24) -> list[Caption]:
    """Captions of the newest two lines stacked up from `bottom`, wrapped to the panel, within `top`.

    When two do not fit, only the newest is shown; when even it does not fit, its text is set smaller.
    """
    text_w = CAPTION_W - 2 * CAPTION_PAD

    def stack(shown: list[Any], sz: int) -> list[Caption]:
        lh = art.font(sz).get_linesize()
        name_lh = art.font(sz - 4).get_linesize()
        out: list[Caption] = []
        y = bottom
        for line in reversed(shown):
            rows = art.wrapped(line.text, sz, text_w)
            h = len(rows) * lh + (name_lh if line.name else 0) + 16
            y -= h
            out.append(Caption(pygame.Rect(CAPTION_X, y, CAPTION_W, h), line.name,
                               hex_colour(line.color, theme.GOLD), rows, sz, lh))
            y -= 8
        return out[::-1]

    shown = list(lines[-2:])
    caps = stack(shown, size)
    while len(shown) > 1 and caps and caps[0].rect.top < top:
        shown = shown[1:]
        caps = stack(shown, size)
    while size > theme.SMALL_SIZE and caps and caps[0].rect.top < top:
        size -= 2
        caps = stack(shown, size)
    return caps


def draw_lines(surface: pygame.Surface, art: SceneArt, lines: list[Any], size: int, top: int = 0) -> None:
    """Subtitles of cutscene lines at the bottom of the screen (speaker name in their colour)."""
    for cap in caption_layout(art, lines, size, top):
        surface.blit(art.panel(cap.rect.w, cap.rect.h, theme.INK, 200), cap.rect.topleft)
        tx, ty = cap.rect.x + CAPTION_PAD, cap.rect.y + 8
        if cap.name:
            name_font_size = cap.size - 4
            surface.blit(art.shadow_text(cap.name, name_font_size, cap.colour), (tx, ty))
            ty += art.font(name_font_size).get_linesize()
        for row in cap.rows:
            surface.blit(art.text(row, cap.size, theme.CREAM), (tx, ty))
            ty += cap.line_height


def draw_card(surface: pygame.Surface, art: SceneArt, text: str) -> None:
    """A silent-film title card across the middle."""
    size = 44
    rows = art.wrapped(text, size, 700)
    h = len(rows) * size + 40
    y = H // 2 - h // 2 - 40
    surface.blit(art.panel(760, h, theme.INK, 230, 4), (100, y))
    pygame.draw.rect(surface, theme.GOLD, (106, y + 6, 748, h - 12), 2)
    for i, row in enumerate(rows):
        t = art.text(row, size, theme.CREAM)
        surface.blit(t, t.get_rect(midtop=(W // 2, y + 20 + i * size)))


def pulse(t: float, reduced_motion: bool, rate: float = 2.0) -> float:
    """0..1 gentle pulse for highlights (constant under reduced motion)."""
    return 0.6 if reduced_motion else 0.5 + 0.5 * math.sin(t * rate * math.tau)
