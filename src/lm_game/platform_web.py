"""Everything that differs in the browser sits behind this one check of sys.platform."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from lm_game.storage import FileStorage, LocalStorage, Storage

IS_WEB: bool = sys.platform == "emscripten"
"""True under pygbag (CPython compiled to WebAssembly)."""

CAN_QUIT: bool = not IS_WEB
"""A browser tab has no quit button: the page is closed instead."""

CAN_FULLSCREEN: bool = not IS_WEB
"""The page scales the canvas itself; fullscreen toggling is a desktop feature."""

CAN_RESIZE: bool = not IS_WEB
"""pygbag wants a fixed logical size; the desktop window is resizable and letterboxed."""


def browser_local_storage() -> Any:
    """The page's `window.localStorage` (only in the browser; imported lazily, see WEB.md)."""
    if not IS_WEB:
        raise RuntimeError("localStorage exists only in the browser build")
    return importlib.import_module("platform").window.localStorage  # type: ignore[attr-defined]


def platform_storage(data_dir: Path | str | None = None) -> Storage:
    """Where saves and settings live: the page's localStorage in the browser, else files.

    `data_dir` only matters on desktop (default: the per-user folder, or $LM_GAME_DATA_DIR).
    """
    if IS_WEB:
        return LocalStorage(browser_local_storage())
    return FileStorage(data_dir)
