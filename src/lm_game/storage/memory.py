"""In-memory Storage for tests and for running without a writable disk."""

from __future__ import annotations

from lm_game.storage.base import StorageError, check_key


class MemoryStorage:
    """A dict-backed Storage; `fail_writes` simulates a full disk or quota error."""

    def __init__(self, initial: dict[str, bytes] | None = None) -> None:
        self._data: dict[str, bytes] = {}
        self.fail_writes = False
        for key, value in (initial or {}).items():
            self._data[check_key(key)] = bytes(value)

    def read(self, key: str) -> bytes | None:
        """Return the stored bytes or None."""
        return self._data.get(check_key(key))

    def write(self, key: str, data: bytes) -> None:
        """Store a copy of `data`; raises StorageError when `fail_writes` is set."""
        check_key(key)
        if self.fail_writes:
            raise StorageError(f"cannot write {key!r}: storage is full (simulated)")
        self._data[key] = bytes(data)

    def delete(self, key: str) -> None:
        """Remove `key` if present."""
        self._data.pop(check_key(key), None)

    def keys(self, prefix: str = "") -> list[str]:
        """Sorted keys starting with `prefix`."""
        return sorted(k for k in self._data if k.startswith(prefix))
