"""Moving between screens: level order, starting/continuing/loading a game, thumbnails."""

from __future__ import annotations

import io
import struct
import zlib
from typing import TYPE_CHECKING

import pygame

from lm_game.runtime.saves import LoadResult, SlotInfo
from lm_game.ui import services

if TYPE_CHECKING:
    from lm_game.app.loop import App

THUMB_SIZE = (192, 108)


def level_order() -> list[str]:
    """Level ids in play order, from levels/index.json (the one place that lists them)."""
    from lm_game.content.loader import load_index

    return load_index()


def level_title(level_id: str) -> str:
    """A level's title from its file (its id, prettified, if it cannot be read)."""
    import json

    from lm_game.content.locate import ResourceNotFound, find_level

    try:
        data = json.loads(find_level(level_id).read_text(encoding="utf-8"))
        title = data.get("title")
        if isinstance(title, str) and title:
            return title
    except (ResourceNotFound, OSError, ValueError):
        pass
    return level_id.replace("_", " ").title()


def chapter_number(level_id: str) -> int | None:
    """1-based position of a level in the play order."""
    order = level_order()
    return order.index(level_id) + 1 if level_id in order else None


def new_game(app: App) -> None:
    """Start from the first level (the chapter is unlocked for chapter select)."""
    order = level_order()
    start_chapter(app, order[0] if order else "front_page")


def start_chapter(app: App, level_id: str) -> None:
    """Play a level from its start with a fresh state."""
    from lm_game.ui.play import PlayScreen

    s = services.settings(app)
    if s.unlock_chapter(level_id):
        services.save_player_settings(app)
    app.stack.clear_to(PlayScreen(level_id), "tear")


def latest_save(app: App) -> SlotInfo | None:
    """The most recently written save of any slot (what Continue loads)."""
    best: SlotInfo | None = None
    for info in services.saves(app).list_slots():
        if info.meta is None or info.status == "damaged":
            continue
        if best is None or (best.meta is not None and info.meta.saved_at > best.meta.saved_at):
            best = info
    return best


def load_slot(app: App, slot: str, known: dict[str, str] | None = None) -> LoadResult:
    """Load a slot and, when it worked, replace everything with the game it holds."""
    result = services.saves(app).load(slot)
    if result.ok:
        open_loaded(app, result, known)
    return result


def open_loaded(app: App, result: LoadResult, known: dict[str, str] | None = None) -> None:
    """Show a loaded save: a PlayScreen resumed from its state and backlog.

    `known` maps level ids to the file they were opened from (levels outside levels/).
    """
    from lm_game.ui.play import PlayScreen

    assert result.state is not None
    ref = (known or {}).get(result.state.level, result.state.level)
    screen = PlayScreen(ref, game=result.state, history=result.history, resume=True)
    screen.notice = result.message
    app.stack.clear_to(screen, "fade")


def thumbnail_png(surface: pygame.Surface) -> bytes | None:
    """A small PNG of `surface` for a save slot (scaled once, at save time).

    Encoded here (png_rgb) rather than with pygame.image.save to a BytesIO, which leaks its whole
    buffer on every call in pygame-ce 2.5.8 (one autosave after another grew memory for good).
    """
    try:
        small = pygame.transform.smoothscale(surface, THUMB_SIZE)
        return png_rgb(pygame.image.tobytes(small, "RGB"), *small.get_size())
    except (pygame.error, ValueError):
        return None


def png_rgb(pixels: bytes, width: int, height: int) -> bytes:
    """A PNG file of 8-bit RGB rows (`pixels`: width * height * 3 bytes, top row first)."""
    stride = width * 3
    if width <= 0 or height <= 0 or len(pixels) != stride * height:
        raise ValueError(f"{len(pixels)} bytes are not {width}x{height} RGB pixels")
    rows = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))  # filter 0: none

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit truecolour, no interlace
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 6))
            + chunk(b"IEND", b""))


def thumbnail_surface(png: bytes | None) -> pygame.Surface | None:
    """Decode a save's thumbnail (None when absent or unreadable)."""
    if not png:
        return None
    try:
        return pygame.image.load(io.BytesIO(png), "thumb.png")
    except (pygame.error, ValueError):
        return None


def back_to_title(app: App) -> None:
    from lm_game.ui.title import TitleScreen

    app.stack.clear_to(TitleScreen(), "fade")
