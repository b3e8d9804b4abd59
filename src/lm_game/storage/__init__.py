"""Where bytes live: files on desktop, localStorage in the browser, memory in tests (stdlib only)."""

from __future__ import annotations

from lm_game.storage.base import Storage, StorageError, check_key
from lm_game.storage.file import FileStorage, default_data_dir
from lm_game.storage.local import LocalStorage
from lm_game.storage.memory import MemoryStorage

__all__ = [
    "FileStorage",
    "LocalStorage",
    "MemoryStorage",
    "Storage",
    "StorageError",
    "check_key",
    "default_data_dir",
]
