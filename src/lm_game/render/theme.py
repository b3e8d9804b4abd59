"""The game's look in one place: palette and sizes (NARRATIVE.md: carnival colours over newsprint)."""

from __future__ import annotations

RED = (200, 50, 60)
CREAM = (243, 233, 210)
GOLD = (217, 165, 58)
NIGHT = (27, 33, 64)
INK = (26, 26, 26)
GREY = (128, 122, 110)
WHITE = (255, 255, 255)
