"""Save slots: versioned, checksummed JSON (never pickle), atomic, with a backup of the last good save.

Keys in Storage: ``save_<slot>`` (the full save), ``save_<slot>.meta`` (metadata only, for the
load screen), ``save_<slot>.bak`` (the previous good save). Slots: ``"1"``..``"N"``, ``"auto"``,
``"quick"``. Loading never raises on bad data and never deletes anything.
"""

from __future__ import annotations

import base64
import binascii
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lm_game import __version__ as GAME_VERSION
from lm_game.runtime.documents import (
    BACKUP_SUFFIX,
    DocumentError,
    decode_document,
    encode_document,
    read_with_fallback,
    write_with_backup,
)
from lm_game.runtime.history import HistoryEntry
from lm_game.runtime.state import GameState, StateError
from lm_game.storage.base import Storage, StorageError

SAVE_VERSION = 1
MIN_SUPPORTED_SAVE_VERSION = 1
SAVE_KIND = "save"
META_KIND = "save-meta"
AUTO = "auto"
QUICK = "quick"
DEFAULT_SLOTS = 9
MAX_SLOTS = 99
THUMBNAIL_LIMIT = 256 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
META_KEY_SUFFIX = ".meta"


@dataclass
class SaveData:
    """What the runner hands over for saving: ``StoryRunner.save_data()`` builds it."""

    state: dict[str, Any]
    history: list[dict[str, Any]] = field(default_factory=list)
    level_title: str = ""
    scene_title: str = ""
    last_line: str = ""


@dataclass(frozen=True)
class SaveMeta:
    """What the load screen shows, readable without the state."""

    slot: str
    level_id: str
    level_title: str
    scene_id: str
    scene_title: str
    saved_at: str
    play_time: float
    last_line: str = ""
    thumbnail_png: bytes | None = None
    game_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form; the thumbnail is base64 text."""
        thumb = None
        if self.thumbnail_png is not None:
            thumb = base64.b64encode(self.thumbnail_png).decode("ascii")
        return {
            "slot": self.slot,
            "level_id": self.level_id,
            "level_title": self.level_title,
            "scene_id": self.scene_id,
            "scene_title": self.scene_title,
            "saved_at": self.saved_at,
            "play_time": self.play_time,
            "last_line": self.last_line,
            "thumbnail_png_b64": thumb,
            "game_version": self.game_version,
        }

    @classmethod
    def from_dict(cls, data: object) -> SaveMeta:
        """Rebuild metadata; DocumentError when malformed."""
        if not isinstance(data, dict):
            raise DocumentError("the save's description is missing")
        text_fields = ("slot", "level_id", "level_title", "scene_id", "scene_title", "saved_at")
        values: dict[str, str] = {}
        for name in (*text_fields, "last_line", "game_version"):
            value = data.get(name, "")
            if not isinstance(value, str):
                raise DocumentError(f"the save's description has a bad {name}")
            values[name] = value
        play_time = data.get("play_time")
        if isinstance(play_time, bool) or not isinstance(play_time, (int, float)):
            raise DocumentError("the save's description has a bad play time")
        if not math.isfinite(play_time) or play_time < 0:
            raise DocumentError("the save's description has a bad play time")
        thumb = decode_thumbnail(data.get("thumbnail_png_b64"))
        return cls(play_time=float(play_time), thumbnail_png=thumb, **values)

    @property
    def saved_at_text(self) -> str:
        """When it was saved, for people: "2026-11-25 18:30" (the stored ISO text if unusual)."""
        try:
            return datetime.fromisoformat(self.saved_at).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return self.saved_at

    @property
    def play_time_text(self) -> str:
        """Play time as H:MM:SS."""
        total = int(self.play_time)
        return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


def decode_thumbnail(value: object) -> bytes | None:
    """The PNG bytes of a base64 thumbnail, or None if absent or not a PNG."""
    if not isinstance(value, str) or len(value) > THUMBNAIL_LIMIT * 2:
        return None
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    return raw if raw.startswith(PNG_SIGNATURE) else None


@dataclass(frozen=True)
class SlotInfo:
    """One row of the save/load screen: ``status`` is "empty", "ok", "backup" or "damaged"."""

    slot: str
    status: str
    meta: SaveMeta | None = None
    message: str = ""


@dataclass
class SaveResult:
    """Outcome of a save: ``ok`` and a sentence for the player."""

    ok: bool
    message: str
    meta: SaveMeta | None = None


@dataclass
class LoadResult:
    """Outcome of a load; on success ``state`` and ``history`` are set. Never raised, only returned.

    ``messages`` explain any fallback (damaged save -> previous save) for the player.
    """

    ok: bool
    slot: str
    state: GameState | None = None
    history: list[HistoryEntry] = field(default_factory=list)
    meta: SaveMeta | None = None
    from_backup: bool = False
    messages: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        """All messages as one text ("" when everything was fine)."""
        return " ".join(self.messages)


def slot_name(slot: str | int, max_slots: int = MAX_SLOTS) -> str:
    """Normalise a slot ("auto", "quick", 1..max_slots as int or str); ValueError otherwise."""
    text = str(slot).strip().lower()
    if text in (AUTO, QUICK):
        return text
    if text.isdigit() and 1 <= int(text) <= max_slots:
        return str(int(text))
    raise ValueError(f"unknown save slot {slot!r}: use 1..{max_slots}, 'auto' or 'quick'")


def slot_label(slot: str) -> str:
    """How the slot is named to players."""
    if slot == AUTO:
        return "the autosave"
    if slot == QUICK:
        return "the quicksave"
    return f"save slot {slot}"


def _decode_save(data: bytes | None, label: str) -> dict[str, Any]:
    doc = decode_document(
        data, SAVE_KIND, version=SAVE_VERSION, min_version=MIN_SUPPORTED_SAVE_VERSION, label=label
    )
    SaveMeta.from_dict(doc.get("meta"))
    try:
        GameState.from_dict(doc.get("state"))
    except StateError as exc:
        raise DocumentError(f"{label} holds an unusable story state ({exc})") from None
    history = doc.get("history", [])
    if not isinstance(history, list):
        raise DocumentError(f"{label} has a damaged history")
    return doc


def _decode_meta(data: bytes | None, label: str) -> dict[str, Any]:
    return decode_document(
        data, META_KIND, version=SAVE_VERSION, min_version=MIN_SUPPORTED_SAVE_VERSION, label=label
    )


def _is_good_save(data: bytes) -> bool:
    try:
        _decode_save(data, "save")
    except Exception:
        return False
    return True


class SaveManager:
    """Reads and writes save slots in a Storage. The app calls:

    - ``autosave(data)`` at each level start and after each choice,
    - ``quicksave(data)`` / ``quickload()`` on the quick keys,
    - ``save(slot, data, thumbnail_png)`` / ``load(slot)`` from the save/load screens,
    - ``list_slots()`` to draw the load screen (metadata only).
    """

    def __init__(
        self,
        storage: Storage,
        *,
        slots: int = DEFAULT_SLOTS,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.storage = storage
        self.slots = max(1, min(slots, MAX_SLOTS))
        self._clock = clock or (lambda: datetime.now(UTC))

    # ------------------------------------------------------------------ keys

    @staticmethod
    def key(slot: str) -> str:
        """Storage key of a slot's full save."""
        return f"save_{slot_name(slot)}"

    # ------------------------------------------------------------------ writing

    def save(
        self, slot: str | int, data: SaveData, thumbnail_png: bytes | None = None
    ) -> SaveResult:
        """Write a save; the previous good save in the slot becomes its backup."""
        try:
            name = slot_name(slot, self.slots)
        except ValueError as exc:
            return SaveResult(False, str(exc))
        try:
            state = GameState.from_dict(data.state)
        except StateError as exc:
            return SaveResult(False, f"Could not save: the game state is invalid ({exc}).")
        thumb = thumbnail_png
        if thumb is not None and (len(thumb) > THUMBNAIL_LIMIT or not thumb.startswith(PNG_SIGNATURE)):
            thumb = None
        meta = SaveMeta(
            slot=name,
            level_id=state.level,
            level_title=data.level_title,
            scene_id=state.scene,
            scene_title=data.scene_title,
            saved_at=self._clock().isoformat(timespec="seconds"),
            play_time=state.play_time,
            last_line=data.last_line,
            thumbnail_png=thumb,
            game_version=GAME_VERSION,
        )
        body = {"meta": meta.to_dict(), "state": state.to_dict(), "history": list(data.history)}
        try:
            blob = encode_document(SAVE_KIND, SAVE_VERSION, body)
            meta_blob = encode_document(META_KIND, SAVE_VERSION, {"meta": meta.to_dict()})
        except (TypeError, ValueError) as exc:
            return SaveResult(False, f"Could not save: the data is not plain JSON ({exc}).")
        key = self.key(name)
        try:
            write_with_backup(self.storage, key, blob, _is_good_save)
        except StorageError as exc:
            return SaveResult(False, f"Could not write {slot_label(name)}: {exc}. Nothing was lost.")
        try:
            self.storage.write(key + META_KEY_SUFFIX, meta_blob)
        except StorageError:
            try:  # a stale meta would describe the old save; without it, read_meta uses the save
                self.storage.delete(key + META_KEY_SUFFIX)
            except StorageError:
                pass
        return SaveResult(True, f"Saved to {slot_label(name)}.", meta)

    def autosave(self, data: SaveData, thumbnail_png: bytes | None = None) -> SaveResult:
        """Write the autosave (call at level start and after each choice)."""
        return self.save(AUTO, data, thumbnail_png)

    def quicksave(self, data: SaveData, thumbnail_png: bytes | None = None) -> SaveResult:
        """Write the quicksave."""
        return self.save(QUICK, data, thumbnail_png)

    def delete(self, slot: str | int) -> None:
        """Remove a slot's save, metadata and backup (only when the player asks for it)."""
        key = self.key(slot_name(slot, MAX_SLOTS))
        for k in (key, key + META_KEY_SUFFIX, key + BACKUP_SUFFIX):
            try:
                self.storage.delete(k)
            except StorageError:
                pass

    # ------------------------------------------------------------------ reading

    def load(self, slot: str | int) -> LoadResult:
        """Load a slot, falling back to its backup; never raises, never deletes."""
        try:
            name = slot_name(slot, MAX_SLOTS)
        except ValueError as exc:
            return LoadResult(False, str(slot), messages=[str(exc)])
        label = slot_label(name)
        found = read_with_fallback(self.storage, self.key(name), _decode_save)
        if found.doc is None:
            if not found.problems or found.problems == ["the file does not exist"]:
                return LoadResult(False, name, messages=[f"{label.capitalize()} is empty."])
            return LoadResult(
                False,
                name,
                messages=[f"{label.capitalize()} could not be loaded: " + "; ".join(found.problems) + "."],
            )
        doc = found.doc
        messages: list[str] = []
        try:
            meta = SaveMeta.from_dict(doc.get("meta"))
            state = GameState.from_dict(doc.get("state"))
            history = _history(doc.get("history"), messages)
        except (DocumentError, StateError) as exc:  # already checked by _decode_save
            return LoadResult(False, name, messages=[f"{label.capitalize()} could not be loaded: {exc}."])
        if found.from_backup:
            messages.insert(
                0,
                f"{label.capitalize()} could not be loaded ({'; '.join(found.problems)}); "
                f"loaded the previous save from {meta.saved_at_text or 'earlier'} instead.",
            )
        return LoadResult(True, name, state, history, meta, found.from_backup, messages)

    def quickload(self) -> LoadResult:
        """Load the quicksave."""
        return self.load(QUICK)

    def read_meta(self, slot: str | int) -> SlotInfo:
        """A slot's metadata from its meta key; falls back to the full save, then the backup."""
        name = slot_name(slot, MAX_SLOTS)
        key = self.key(name)
        try:
            meta_doc = _decode_meta(self.storage.read(key + META_KEY_SUFFIX), "meta")
            meta = SaveMeta.from_dict(meta_doc.get("meta"))
            return SlotInfo(name, "ok", meta)
        except (DocumentError, StorageError, ValueError):
            pass
        found = read_with_fallback(self.storage, key, _decode_save)
        if found.doc is None:
            if not found.problems or found.problems == ["the file does not exist"]:
                return SlotInfo(name, "empty")
            return SlotInfo(name, "damaged", None, "; ".join(found.problems))
        try:
            meta = SaveMeta.from_dict(found.doc.get("meta"))
        except DocumentError as exc:
            return SlotInfo(name, "damaged", None, str(exc))
        if found.from_backup:
            return SlotInfo(name, "backup", meta, "damaged; the previous save will be loaded")
        return SlotInfo(name, "ok", meta)

    def list_slots(self) -> list[SlotInfo]:
        """Autosave, quicksave, then numbered slots 1..slots (plus any higher ones in storage)."""
        names = [AUTO, QUICK] + [str(i) for i in range(1, self.slots + 1)]
        try:
            for key in self.storage.keys("save_"):
                tail = key[len("save_"):].split(".", 1)[0]
                if tail.isdigit() and 1 <= int(tail) <= MAX_SLOTS and str(int(tail)) not in names:
                    names.append(str(int(tail)))
        except StorageError:
            pass
        return [self.read_meta(n) for n in names]


def _history(value: object, messages: list[str]) -> list[HistoryEntry]:
    entries: list[HistoryEntry] = []
    if not isinstance(value, list):
        return entries
    for item in value:
        try:
            entries.append(HistoryEntry.from_dict(item))
        except ValueError:
            messages.append("Part of the backlog could not be restored.")
            break
    return entries
