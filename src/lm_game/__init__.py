"""Leave Me Alone: a narrative game and the small pygame-ce engine that runs it."""

from __future__ import annotations

__version__ = "0.1.0"

LOGICAL_SIZE: tuple[int, int] = (960, 540)
"""The logical canvas every scene draws on; the window scales it keeping the aspect ratio."""
