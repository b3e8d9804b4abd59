"""The dialogue box: typewriter text, word wrap by font metrics, name plate, portrait, advance mark.

Wrapped lines are rendered once (TextCache) and revealed by clipping, so typing costs one
`font.size` per frame, not a render. The first confirm completes the line; the next advances.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from lm_game import LOGICAL_SIZE
from lm_game.render import theme
from lm_game.render.text import TextCache, wrap
from lm_game.render.widgets import PanelCache

W, H = LOGICAL_SIZE
MARGIN = 16
MIN_BOX_H = 150
PAD = 20
PORTRAIT_SCALE = 0.8
PORTRAIT_SIZE = (round(240 * PORTRAIT_SCALE), round(280 * PORTRAIT_SCALE))


@dataclass
class Layout:
    """Where everything of one line goes (recomputed only when the text or font changes)."""

    box: pygame.Rect
    text_x: int
    text_y: int
    lines: list[str]
    starts: list[int]
    """Character offset of each wrapped line in the text as typed."""
    line_h: int
    portrait_pos: tuple[int, int] | None


class DialogueBox:
    """Shows one line at a time; knows how much of it is revealed."""

    def __init__(self) -> None:
        self.text = ""
        self.speaker: str | None = None
        self.speaker_name: str | None = None
        self.emotion: str | None = None
        self.name_colour: tuple[int, int, int] = theme.CREAM
        self.portrait: str | None = None
        self.line_id = ""
        self.revealed = 0.0
        self.total = 0
        self.since_complete = 0.0
        self.visible = False
        self._layout: Layout | None = None
        self._layout_key: tuple[object, ...] | None = None

    # -- content ---------------------------------------------------------------------------------
    def show(
        self,
        text: str,
        speaker: str | None,
        speaker_name: str | None,
        emotion: str | None,
        portrait: str | None,
        line_id: str = "",
        name_colour: tuple[int, int, int] = theme.CREAM,
    ) -> None:
        """Start typing a new line (`portrait` is an asset path or None)."""
        self.text = text
        self.speaker = speaker
        self.speaker_name = speaker_name
        self.emotion = emotion
        self.portrait = portrait
        self.line_id = line_id
        self.name_colour = name_colour
        self.revealed = 0.0
        self.total = len(text.replace("\n", ""))
        self.since_complete = 0.0
        self.visible = True
        self._layout_key = None

    def clear(self) -> None:
        self.visible = False
        self.text = ""

    @property
    def complete(self) -> bool:
        return self.revealed >= self.total

    def finish(self) -> None:
        """Show the whole line at once (the first press does this)."""
        self.revealed = float(self.total)

    def update(self, dt: float, chars_per_second: int) -> None:
        """Type on at `chars_per_second` (0 = instant)."""
        if not self.visible:
            return
        if self.complete:
            self.since_complete += dt
            return
        if chars_per_second <= 0:
            self.finish()
            return
        self.revealed = min(float(self.total), self.revealed + chars_per_second * dt)

    # -- layout ----------------------------------------------------------------------------------
    def layout(self, font: pygame.font.Font) -> Layout:
        """Box size and wrapped lines for the current text and font (cached)."""
        key = (self.text, id(font), self.portrait is not None)
        if self._layout is not None and self._layout_key == key:
            return self._layout
        has_portrait = self.portrait is not None
        text_x = MARGIN + (PORTRAIT_SIZE[0] + 26 if has_portrait else PAD + 8)
        width = W - MARGIN - PAD - text_x
        lines = wrap(font, self.text, width)
        starts: list[int] = []
        pos = 0
        for line in lines:
            starts.append(pos)
            pos += len(line)
        line_h = font.get_linesize()
        box_h = max(MIN_BOX_H, len(lines) * line_h + 2 * PAD + 18)
        box_h = min(box_h, H - 60)
        box = pygame.Rect(MARGIN, H - MARGIN - box_h, W - 2 * MARGIN, box_h)
        portrait_pos = (MARGIN + 10, box.bottom - PORTRAIT_SIZE[1] - 6) if has_portrait else None
        self._layout = Layout(box, text_x, box.top + PAD + 8, lines, starts, line_h, portrait_pos)
        self._layout_key = key
        return self._layout

    # -- drawing ---------------------------------------------------------------------------------
    def draw(
        self,
        surface: pygame.Surface,
        font: pygame.font.Font,
        name_font: pygame.font.Font,
        cache: TextCache,
        panels: PanelCache,
        portrait: pygame.Surface | None,
        style: theme.BoxStyle,
        time: float,
        reduced_motion: bool,
        show_indicator: bool = True,
    ) -> None:
        """Draw box, portrait, name plate, the revealed text and (when complete) the advance mark."""
        if not self.visible:
            return
        lay = self.layout(font)
        box = lay.box
        surface.blit(panels.panel(box.size, style.box, style.border, style.halftone, seed=11), box.topleft)
        if portrait is not None and lay.portrait_pos is not None:
            surface.blit(portrait, lay.portrait_pos)
        if self.speaker_name:
            label = cache.render(name_font, self.speaker_name, style.name_text)
            plate = pygame.Rect(0, 0, label.get_width() + 28, label.get_height() + 10)
            plate.bottomleft = (lay.text_x - 12, box.top + 8)
            pygame.draw.rect(surface, style.name_bg, plate)
            pygame.draw.rect(surface, style.border, plate, 2)
            if not style.halftone:
                pass
            else:
                # a thin gold stripe under the name: the ticket-stub look
                pygame.draw.line(surface, theme.GOLD, (plate.left + 4, plate.bottom - 4),
                                 (plate.right - 5, plate.bottom - 4), 2)
            surface.blit(label, (plate.left + 14, plate.top + 5))
        shown = int(self.revealed)
        y = lay.text_y
        for line, start in zip(lay.lines, lay.starts, strict=True):
            if shown <= start:
                break
            surf = cache.render(font, line, style.text)
            if shown >= start + len(line):
                surface.blit(surf, (lay.text_x, y))
            else:
                width = font.size(line[: shown - start])[0]
                surface.blit(surf, (lay.text_x, y), pygame.Rect(0, 0, width, surf.get_height()))
            y += lay.line_h
        if self.complete and show_indicator:
            bob = 0 if reduced_motion else round(3 * math.sin(time * 5.0))
            cx, cy = box.right - 30, box.bottom - 24 + bob
            pygame.draw.polygon(surface, style.border, [(cx - 10, cy - 7), (cx + 10, cy - 7), (cx, cy + 7)])
            pygame.draw.polygon(surface, theme.GOLD if style.halftone else style.text,
                                [(cx - 7, cy - 5), (cx + 7, cy - 5), (cx, cy + 4)])

    def rect(self, font: pygame.font.Font) -> pygame.Rect:
        """The box's rectangle (for hit tests)."""
        return self.layout(font).box
