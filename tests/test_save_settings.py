"""Settings and persistent data: stored like saves; unknown keys ignored, bad values reset with a message."""

from __future__ import annotations

import json

from lm_game.runtime.persistent import PersistentData, load_persistent, save_persistent
from lm_game.runtime.settings import Settings, load_settings, save_settings
from lm_game.storage import MemoryStorage


def test_settings_defaults_when_nothing_stored() -> None:
    settings, messages = load_settings(MemoryStorage())
    assert settings == Settings() and messages == []
    assert settings.text_size == "medium" and settings.dodge_difficulty == "normal"


def test_settings_roundtrip_and_backup() -> None:
    store = MemoryStorage()
    first = Settings(master_volume=0.25, text_speed=0, key_bindings={"confirm": ["return", "space"]})
    assert save_settings(store, first) is None
    second = Settings(high_contrast=True, chapters_unlocked=["front_page", "headline_coaster"])
    assert save_settings(store, second) is None
    assert load_settings(store) == (second, [])
    store.write("settings", b"\x00\x01 not json")
    restored, messages = load_settings(store)
    assert restored == first and "restored the previous" in messages[0]


def test_settings_unknown_keys_ignored_bad_values_replaced() -> None:
    store = MemoryStorage()
    doc = {
        "format": "lm-game-settings",
        "version": 1,
        "settings": {
            "master_volume": 3.0,
            "music_volume": 0.5,
            "text_size": "huge",
            "text_speed": 80,
            "reduced_flashing": "yes",
            "rhythm_offset_ms": -35,
            "key_bindings": {"confirm": "space"},
            "chapters_unlocked": ["front_page"],
            "brand_new_option": 1,
        },
    }
    store.write("settings", json.dumps(doc).encode())
    settings, messages = load_settings(store)
    assert settings.music_volume == 0.5 and settings.text_speed == 80 and settings.rhythm_offset_ms == -35
    assert settings.master_volume == Settings().master_volume and settings.text_size == "medium"
    assert settings.reduced_flashing is False and settings.key_bindings == {}
    assert settings.chapters_unlocked == ["front_page"]
    assert len(messages) == 4 and all("invalid value" in m for m in messages)


def test_settings_hand_edited_file_without_checksum_is_read() -> None:
    store = MemoryStorage()
    store.write("settings", b'{"format": "lm-game-settings", "version": 7, "settings": {"fullscreen": true}}')
    settings, messages = load_settings(store)
    assert settings.fullscreen is True and messages == []


def test_settings_garbage_everywhere_gives_defaults_and_a_message() -> None:
    store = MemoryStorage({"settings": b"[1, 2", "settings.bak": b"{}"})
    settings, messages = load_settings(store)
    assert settings == Settings() and "using defaults" in messages[0]


def test_settings_write_failure_is_a_message() -> None:
    store = MemoryStorage()
    store.fail_writes = True
    assert "could not be saved" in (save_settings(store, Settings()) or "")


def test_settings_unlock_chapter() -> None:
    s = Settings()
    assert s.unlock_chapter("front_page") and not s.unlock_chapter("front_page")


def test_save_persistent_data_roundtrip() -> None:
    store = MemoryStorage()
    data = PersistentData({"front_page:intro:0"}, {"encore"})
    assert save_persistent(store, data) is None
    assert load_persistent(store) == (data, [])
    store.write("persistent", b"{")
    assert load_persistent(store)[0] == PersistentData()  # no backup yet: empty, with a message
    assert load_persistent(store)[1]
