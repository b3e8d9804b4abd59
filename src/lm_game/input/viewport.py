"""Letterboxing: where the logical canvas sits inside a window of any size (no pygame here)."""

from __future__ import annotations

from lm_game import LOGICAL_SIZE


def letterbox(window: tuple[int, int], logical: tuple[int, int] = LOGICAL_SIZE) -> tuple[int, int, int, int]:
    """The (x, y, w, h) rectangle that shows the canvas as large as fits, aspect ratio kept."""
    ww, wh = max(1, window[0]), max(1, window[1])
    lw, lh = logical
    scale = min(ww / lw, wh / lh)
    w, h = round(lw * scale), round(lh * scale)
    return (ww - w) // 2, (wh - h) // 2, w, h


def window_to_logical(
    pos: tuple[float, float], window: tuple[int, int], logical: tuple[int, int] = LOGICAL_SIZE
) -> tuple[float, float]:
    """Map a window pixel to the logical canvas (clamped to the canvas edges)."""
    x, y, w, h = letterbox(window, logical)
    lx = (pos[0] - x) * logical[0] / w
    ly = (pos[1] - y) * logical[1] / h
    return min(max(lx, 0.0), logical[0] - 1.0), min(max(ly, 0.0), logical[1] - 1.0)
