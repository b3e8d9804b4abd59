"""Versioned JSON documents with a checksum, stored atomically with a backup of the last good one.

Shared by saves, settings and persistent data. Never pickle: documents are plain JSON, and
decoding any bytes at all either returns a dict or raises DocumentError with a message for people.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lm_game.storage.base import Storage, StorageError

BACKUP_SUFFIX = ".bak"
FORMAT_PREFIX = "lm-game-"
#: Larger stored documents are refused unread (a save with a full backlog and thumbnail is ~1 MB).
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024


class DocumentError(ValueError):
    """A stored document cannot be used; ``str()`` is a sentence fit to show a player."""


def canonical_json(value: Any) -> bytes:
    """The one byte form used for checksums: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def checksum(doc: dict[str, Any]) -> str:
    """sha256 (hex) of the canonical JSON of `doc` without its "checksum" key."""
    body = {k: v for k, v in doc.items() if k != "checksum"}
    return hashlib.sha256(canonical_json(body)).hexdigest()


def encode_document(kind: str, version: int, body: dict[str, Any], *, sign: bool = True) -> bytes:
    """Serialise `body` as a `kind` document (format marker, version, optional checksum)."""
    doc: dict[str, Any] = {"format": FORMAT_PREFIX + kind, "version": version, **body}
    if sign:
        doc["checksum"] = checksum(doc)
    return json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False).encode(
        "utf-8"
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def decode_document(
    data: bytes | None,
    kind: str,
    *,
    version: int,
    min_version: int,
    require_checksum: bool = True,
    label: str = "the file",
) -> dict[str, Any]:
    """Parse and verify a document; DocumentError says what is wrong in player terms."""
    if data is None:
        raise DocumentError(f"{label} does not exist")
    if len(data) == 0:
        raise DocumentError(f"{label} is empty (the write was probably interrupted)")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            f"{label} is too large ({len(data):,} bytes; the limit is {MAX_DOCUMENT_BYTES:,}); it was not loaded"
        )
    try:
        text = data.decode("utf-8")
        doc = json.loads(text, parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise DocumentError(f"{label} is damaged (it is not text)") from None
    except RecursionError:
        raise DocumentError(f"{label} is damaged (nested too deeply)") from None
    except ValueError as exc:
        if not text.rstrip().endswith("}"):
            raise DocumentError(f"{label} is cut short (the write was interrupted)") from None
        where = ""
        if isinstance(exc, json.JSONDecodeError):
            where = f" at line {exc.lineno}, column {exc.colno}"
        raise DocumentError(f"{label} is damaged (not valid JSON{where})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_PREFIX + kind:
        raise DocumentError(f"{label} is not a Leave Me Alone {kind} file")
    found = doc.get("version")
    if isinstance(found, bool) or not isinstance(found, int):
        raise DocumentError(f"{label} has no valid version number")
    if found > version:
        raise DocumentError(
            f"{label} was made by a newer version of the game ({kind} format {found}; "
            f"this game reads up to {version}); update the game to use it"
        )
    if found < min_version:
        raise DocumentError(
            f"{label} is from an old version of the game ({kind} format {found}; "
            f"the oldest this game reads is {min_version})"
        )
    if "checksum" in doc or require_checksum:
        stored = doc.get("checksum")
        try:
            expected = checksum(doc)
        except (ValueError, TypeError):
            raise DocumentError(f"{label} is damaged (unusable values)") from None
        if stored != expected:
            raise DocumentError(
                f"{label} failed its integrity check (changed outside the game, or damaged)"
            )
    return doc


@dataclass
class ReadResult:
    """What read_with_fallback found: the document (or None), where from, and what went wrong."""

    doc: dict[str, Any] | None
    from_backup: bool = False
    problems: list[str] = field(default_factory=list)


def read_with_fallback(
    storage: Storage, key: str, decode: Callable[[bytes | None, str], dict[str, Any]]
) -> ReadResult:
    """Decode `key`; if that fails, decode `key.bak`. Never raises, never deletes anything."""
    problems: list[str] = []
    for candidate, label, is_backup in (
        (key, "the file", False),
        (key + BACKUP_SUFFIX, "the backup", True),
    ):
        try:
            raw = storage.read(candidate)
        except (StorageError, ValueError) as exc:
            problems.append(f"{label} could not be read: {exc}")
            continue
        if raw is None and is_backup:
            continue
        try:
            return ReadResult(decode(raw, label), is_backup, problems)
        except DocumentError as exc:
            problems.append(str(exc))
        except Exception as exc:  # a decoder bug must not crash the game on bad data
            problems.append(f"{label} could not be used ({type(exc).__name__}: {exc})")
    return ReadResult(None, False, problems)


def write_with_backup(
    storage: Storage, key: str, data: bytes, is_good: Callable[[bytes], bool]
) -> None:
    """Copy the current value to `key.bak` if it is good, then write `data` atomically.

    A bad current value never overwrites the backup, so the last good document survives
    any mix of damaged files and failed writes. Raises StorageError if a write fails.
    """
    try:
        old = storage.read(key)
    except StorageError:
        old = None
    if old is not None and old != data and is_good(old):
        storage.write(key + BACKUP_SUFFIX, old)
    storage.write(key, data)
