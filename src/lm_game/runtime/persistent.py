"""Data that outlives playthroughs: lines seen (for "skip seen text") and endings reached."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lm_game.runtime.documents import (
    decode_document,
    encode_document,
    read_with_fallback,
    write_with_backup,
)
from lm_game.storage.base import Storage, StorageError

PERSISTENT_KEY = "persistent"
PERSISTENT_KIND = "persistent"
PERSISTENT_VERSION = 1
MAX_SEEN = 200_000


@dataclass
class PersistentData:
    """Seen line ids ("level:node:step") and ending ids, shared by every save."""

    seen_lines: set[str] = field(default_factory=set)
    endings_seen: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON form (sorted, so files diff cleanly)."""
        return {"seen_lines": sorted(self.seen_lines), "endings_seen": sorted(self.endings_seen)}

    @classmethod
    def from_dict(cls, data: object) -> PersistentData:
        """Rebuild, keeping whatever strings are usable."""
        result = cls()
        if not isinstance(data, dict):
            return result
        for name, target in (("seen_lines", result.seen_lines), ("endings_seen", result.endings_seen)):
            values = data.get(name)
            if isinstance(values, list):
                target.update(v for v in values[:MAX_SEEN] if isinstance(v, str))
        return result


def _decode(data: bytes | None, label: str) -> dict[str, Any]:
    return decode_document(
        data, PERSISTENT_KIND, version=PERSISTENT_VERSION, min_version=1, label=label
    )


def load_persistent(storage: Storage) -> tuple[PersistentData, list[str]]:
    """Read persistent data (backup if damaged, empty if both are); never raises."""
    found = read_with_fallback(storage, PERSISTENT_KEY, _decode)
    if found.doc is None:
        messages = []
        if found.problems and found.problems != ["the file does not exist"]:
            messages.append("Read-text history could not be loaded (" + "; ".join(found.problems) + ").")
        return PersistentData(), messages
    messages = []
    if found.from_backup:
        messages.append("Read-text history was damaged; restored the previous copy.")
    return PersistentData.from_dict(found.doc.get("data")), messages


def save_persistent(storage: Storage, data: PersistentData) -> str | None:
    """Write persistent data safely; an error message or None."""
    blob = encode_document(PERSISTENT_KIND, PERSISTENT_VERSION, {"data": data.to_dict()})

    def good(raw: bytes) -> bool:
        try:
            _decode(raw, "persistent")
        except ValueError:
            return False
        return True

    try:
        write_with_backup(storage, PERSISTENT_KEY, blob, good)
    except StorageError as exc:
        return f"Read-text history could not be saved: {exc}."
    return None
