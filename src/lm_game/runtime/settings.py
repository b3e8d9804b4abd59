"""Player settings: typed fields with defaults, validated on load, stored like saves (atomic + backup).

Unknown keys are ignored; a bad value is replaced by its default and reported in a message.
Key bindings are *overrides* (action -> key names) over the input module's default map.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from lm_game.runtime.documents import (
    decode_document,
    encode_document,
    read_with_fallback,
    write_with_backup,
)
from lm_game.storage.base import Storage, StorageError

SETTINGS_KEY = "settings"
SETTINGS_KIND = "settings"
SETTINGS_VERSION = 1
MIN_SUPPORTED_SETTINGS_VERSION = 1
TEXT_SIZES = ("small", "medium", "large", "xl")
DIFFICULTIES = ("easy", "normal", "hard")
ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass
class Settings:
    """Every player-facing option; defaults are what a first start uses."""

    master_volume: float = 0.8
    music_volume: float = 0.7
    sfx_volume: float = 0.8
    text_speed: int = 40  # characters per second; 0 = instant
    auto_advance_delay: float = 0.0  # seconds after a line is fully shown; 0 = off
    text_size: str = "medium"
    high_contrast: bool = False
    reduced_motion: bool = False
    reduced_flashing: bool = False
    timers_off: bool = False
    skip_unseen: bool = False
    hold_to_mash: bool = True  # finale: holding confirm counts as repeated presses
    dodge_difficulty: str = "normal"
    rhythm_offset_ms: int = 0
    key_bindings: dict[str, list[str]] = field(default_factory=dict)
    fullscreen: bool = False
    photosensitivity_notice_seen: bool = False
    chapters_unlocked: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON form."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object) -> tuple[Settings, list[str]]:
        """Settings from data plus messages about values that were replaced by defaults."""
        settings = cls()
        messages: list[str] = []
        if not isinstance(data, dict):
            return settings, ["Settings were unreadable; using defaults."]
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            default = getattr(settings, f.name)
            checked = _check(f.name, value)
            if checked is _BAD:
                messages.append(
                    f"Setting {f.name} had an invalid value {_short(value)}; using {_short(default)}."
                )
                continue
            setattr(settings, f.name, checked)
        return settings, messages

    def unlock_chapter(self, level_id: str) -> bool:
        """Add a level to chapter select; True if it was new."""
        if level_id in self.chapters_unlocked:
            return False
        self.chapters_unlocked.append(level_id)
        return True


_BAD = object()


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(value: object, lo: float, hi: float) -> float | object:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _BAD
    if not math.isfinite(value) or not lo <= value <= hi:
        return _BAD
    return float(value)


def _integer(value: object, lo: int, hi: int) -> int | object:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        return _BAD
    return value


def _check(name: str, value: object) -> object:
    """The validated value for a field, or _BAD."""
    if name in ("master_volume", "music_volume", "sfx_volume"):
        return _number(value, 0.0, 1.0)
    if name == "text_speed":
        return _integer(value, 0, 1000)
    if name == "auto_advance_delay":
        return _number(value, 0.0, 30.0)
    if name == "text_size":
        return value if value in TEXT_SIZES else _BAD
    if name == "dodge_difficulty":
        return value if value in DIFFICULTIES else _BAD
    if name == "rhythm_offset_ms":
        return _integer(value, -1000, 1000)
    if name == "key_bindings":
        if not isinstance(value, dict) or len(value) > 200:
            return _BAD
        result: dict[str, list[str]] = {}
        for action, keys in value.items():
            if not isinstance(action, str) or not action or len(action) > 40:
                return _BAD
            if not isinstance(keys, list) or len(keys) > 8:
                return _BAD
            if not all(isinstance(k, str) and 0 < len(k) <= 40 for k in keys):
                return _BAD
            result[action] = list(keys)
        return result
    if name == "chapters_unlocked":
        if not isinstance(value, list) or len(value) > 200:
            return _BAD
        if not all(isinstance(v, str) and v and set(v) <= ID_CHARS for v in value):
            return _BAD
        return list(dict.fromkeys(value))
    # the remaining fields are booleans
    return value if isinstance(value, bool) else _BAD


def _decode(data: bytes | None, label: str) -> dict[str, Any]:
    return decode_document(
        data,
        SETTINGS_KIND,
        version=10**6,  # a newer file is still read: unknown keys are ignored
        min_version=MIN_SUPPORTED_SETTINGS_VERSION,
        require_checksum=False,
        label=label,
    )


def load_settings(storage: Storage) -> tuple[Settings, list[str]]:
    """Read settings (falling back to the backup, then defaults); never raises."""
    found = read_with_fallback(storage, SETTINGS_KEY, _decode)
    messages: list[str] = []
    if found.doc is None:
        if found.problems and found.problems != ["the file does not exist"]:
            messages.append("Settings could not be read (" + "; ".join(found.problems) + "); using defaults.")
        return Settings(), messages
    if found.from_backup:
        messages.append("Settings were damaged (" + "; ".join(found.problems) + "); restored the previous ones.")
    settings, problems = Settings.from_dict(found.doc.get("settings"))
    return settings, messages + problems


def save_settings(storage: Storage, settings: Settings) -> str | None:
    """Write settings atomically (previous good file kept as backup); an error message or None."""
    blob = encode_document(SETTINGS_KIND, SETTINGS_VERSION, {"settings": settings.to_dict()}, sign=False)

    def good(data: bytes) -> bool:
        try:
            _decode(data, "settings")
        except ValueError:
            return False
        return True

    try:
        write_with_backup(storage, SETTINGS_KEY, blob, good)
    except StorageError as exc:
        return f"Settings could not be saved: {exc}."
    return None
