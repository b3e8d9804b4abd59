"""The Storage protocol: where saves and settings live as bytes, keyed by short names."""

from __future__ import annotations

import re
from typing import Protocol, runtime_checkable

KEY_PATTERN = re.compile(r"^[a-z0-9_][a-z0-9_.\-]{0,119}$")


class StorageError(Exception):
    """A backend could not read or write a key (disk full, quota exceeded, permission denied)."""


@runtime_checkable
class Storage(Protocol):
    """Key -> bytes store; `write` is atomic: after a failure the previous value is intact."""

    def read(self, key: str) -> bytes | None:
        """Return the bytes stored under `key`, or None when there are none."""
        ...

    def write(self, key: str, data: bytes) -> None:
        """Store `data` under `key` atomically; raise StorageError on failure."""
        ...

    def delete(self, key: str) -> None:
        """Remove `key` if present (never an error when absent)."""
        ...

    def keys(self, prefix: str = "") -> list[str]:
        """Return the sorted keys that start with `prefix`."""
        ...


def check_key(key: str) -> str:
    """Return `key` if it is a valid storage key (lowercase, [a-z0-9_.-], no path parts), else raise."""
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise ValueError(
            f"invalid storage key {key!r}: use 1-120 characters of [a-z0-9_.-], not starting with '.' or '-'"
        )
    return key
