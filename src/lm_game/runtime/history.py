"""The backlog: lines delivered and options chosen, with speaker names, bounded."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

HISTORY_LIMIT = 300


@dataclass(frozen=True)
class HistoryEntry:
    """One backlog row: a line (``kind="line"``) or the option the player chose."""

    kind: Literal["line", "choice"]
    text: str
    speaker: str | None = None
    speaker_name: str | None = None
    line_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON form (stored in saves)."""
        return {
            "kind": self.kind,
            "text": self.text,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "line_id": self.line_id,
        }

    @classmethod
    def from_dict(cls, data: object) -> HistoryEntry:
        """Rebuild an entry; ValueError for malformed data."""
        if not isinstance(data, dict):
            raise ValueError("history entry must be an object")
        kind = data.get("kind")
        text = data.get("text")
        speaker = data.get("speaker")
        name = data.get("speaker_name")
        line_id = data.get("line_id", "")
        if kind not in ("line", "choice") or not isinstance(text, str):
            raise ValueError("history entry needs kind 'line' or 'choice' and a text")
        if not all(v is None or isinstance(v, str) for v in (speaker, name)):
            raise ValueError("history speaker fields must be strings or null")
        if not isinstance(line_id, str):
            raise ValueError("history line_id must be a string")
        return cls(kind, text, speaker, name, line_id)


class History:
    """Append-only backlog with a size bound; ``total`` counts every entry ever added.

    Rollback remembers ``total`` at each checkpoint and calls ``truncate(total)``.
    """

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self._entries: deque[HistoryEntry] = deque(maxlen=limit)
        self.total = 0

    def add(self, entry: HistoryEntry) -> None:
        """Append an entry (the oldest falls off past the limit)."""
        self._entries.append(entry)
        self.total += 1

    def truncate(self, total: int) -> None:
        """Drop the newest entries until ``total`` entries have ever been added."""
        while self.total > max(total, 0):
            if self._entries:
                self._entries.pop()
            self.total -= 1

    def clear(self) -> None:
        """Forget everything."""
        self._entries.clear()
        self.total = 0

    def entries(self) -> list[HistoryEntry]:
        """Oldest first."""
        return list(self._entries)

    def __iter__(self) -> Iterator[HistoryEntry]:
        return iter(list(self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    def to_list(self, upto_total: int | None = None) -> list[dict[str, Any]]:
        """JSON form for saves; with ``upto_total``, only entries added before that count."""
        entries = list(self._entries)
        if upto_total is not None and upto_total < self.total:
            drop = self.total - max(upto_total, 0)
            entries = entries[: max(len(entries) - drop, 0)]
        return [e.to_dict() for e in entries]

    def load(self, data: list[HistoryEntry]) -> None:
        """Replace the contents (after loading a save)."""
        self._entries.clear()
        for entry in data:
            self._entries.append(entry)
        self.total = len(self._entries)
