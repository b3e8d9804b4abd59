"""Saves and settings in the browser: LocalStorage over a fake window.localStorage, and platform_storage()."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from lm_game import platform_web
from lm_game.runtime.saves import SaveData, SaveManager
from lm_game.runtime.settings import Settings, load_settings, save_settings
from lm_game.runtime.state import GameState
from lm_game.storage import FileStorage, LocalStorage, StorageError


class QuotaExceededError(Exception):
    """What a JS proxy raises when localStorage is full (a DOMException in the browser)."""


class FakeLocalStorage:
    """window.localStorage as the browser has it: strings only, getItem -> None when absent, a quota.

    The quota counts UTF-16 code units of keys and values, like browsers do (5 MB is common;
    tests set it small). A failing setItem leaves the stored value as it was.
    """

    def __init__(self, quota: int = 5_000_000) -> None:
        self.items: dict[str, str] = {}
        self.quota = quota
        self.calls: list[tuple[str, str]] = []

    def _used(self, items: dict[str, str]) -> int:
        return sum(len(k.encode("utf-16-le")) // 2 + len(v.encode("utf-16-le")) // 2 for k, v in items.items())

    def getItem(self, key: str) -> str | None:  # noqa: N802 - browser API
        self.calls.append(("getItem", key))
        return self.items.get(str(key))

    def setItem(self, key: str, value: Any) -> None:  # noqa: N802 - browser API
        self.calls.append(("setItem", key))
        after = dict(self.items)
        after[str(key)] = str(value)  # the browser stores String(value)
        if self._used(after) > self.quota:
            raise QuotaExceededError(f"Failed to execute 'setItem' on 'Storage': exceeded the quota ({key})")
        self.items = after

    def removeItem(self, key: str) -> None:  # noqa: N802 - browser API
        self.calls.append(("removeItem", key))
        self.items.pop(str(key), None)

    @property
    def length(self) -> int:
        return len(self.items)

    def key(self, index: int) -> str | None:
        keys = list(self.items)
        return keys[index] if 0 <= index < len(keys) else None


def a_state(level: str = "front_page", scene: str = "homecoming", **variables: Any) -> GameState:
    state = GameState.new(seed=7, level=level)
    state.scene = scene
    state.variables.update(variables)
    state.play_time = 123.5
    return state


def save_data(state: GameState, last_line: str = "Leave me alone.") -> SaveData:
    return SaveData(
        state=state.to_dict(),
        history=[],
        level_title="Front Page",
        scene_title="Homecoming",
        last_line=last_line,
    )


def test_web_storage_values_are_strings_and_namespaced() -> None:
    fake = FakeLocalStorage()
    store = LocalStorage(fake)
    store.write("settings", b'{"a": 1}')
    store.write("thumb", b"\x89PNG\r\n\x1a\n\x00\xff")
    assert all(isinstance(v, str) for v in fake.items.values())
    assert all(k.startswith("lm-game:") for k in fake.items)  # other pages on the origin are left alone
    assert store.read("settings") == b'{"a": 1}'
    assert store.read("thumb") == b"\x89PNG\r\n\x1a\n\x00\xff"
    assert store.read("absent") is None
    assert store.keys() == ["settings", "thumb"]
    store.delete("thumb")
    assert store.read("thumb") is None and store.keys() == ["settings"]
    store.delete("thumb")  # absent: no error


def test_web_storage_ignores_foreign_and_garbled_values() -> None:
    fake = FakeLocalStorage()
    fake.items["lm-game:save_1"] = "not one of ours"
    fake.items["other-site:thing"] = "t:hello"
    store = LocalStorage(fake)
    assert store.read("save_1") is None
    assert store.keys() == []


def test_web_storage_full_save_load_round_trip() -> None:
    fake = FakeLocalStorage()
    saves = SaveManager(LocalStorage(fake))
    state = a_state(greeting="tired", got_key=True)
    thumb = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    assert saves.save(1, save_data(state), thumbnail_png=thumb).ok
    assert saves.quicksave(save_data(state)).ok
    assert saves.autosave(save_data(state)).ok

    # a new page load: a fresh LocalStorage over the same browser storage
    again = SaveManager(LocalStorage(fake))
    loaded = again.load(1)
    assert loaded.ok, loaded.messages
    assert loaded.state is not None and loaded.state.to_dict() == state.to_dict()
    assert loaded.meta is not None and loaded.meta.thumbnail_png == thumb
    assert loaded.meta.last_line == "Leave me alone."
    assert again.quickload().ok
    slots = {info.slot: info.status for info in again.list_slots()}
    assert slots["1"] == "ok" and slots["auto"] == "ok" and slots["quick"] == "ok" and slots["2"] == "empty"

    settings = Settings(text_size="large", high_contrast=True, music_volume=0.25)
    assert save_settings(LocalStorage(fake), settings) is None
    back, messages = load_settings(LocalStorage(fake))
    assert messages == [] and back == settings


def test_web_storage_quota_error_loses_nothing() -> None:
    fake = FakeLocalStorage(quota=20_000)
    store = LocalStorage(fake)
    saves = SaveManager(store)
    first = a_state(greeting="angry")
    assert saves.save(1, save_data(first)).ok
    before = dict(fake.items)

    # the next save carries far more than the quota allows: every setItem it tries fails
    huge = a_state(greeting="x" * 30_000)
    result = saves.save(1, save_data(huge))
    assert not result.ok
    assert "Nothing was lost" in result.message
    index = "lm-game:#index"
    kept = {k: v for k, v in fake.items.items() if k in before and k != index}
    assert kept == {k: v for k, v in before.items() if k != index}  # no stored value changed
    assert fake.items.get("lm-game:save_1.bak") in (None, before["lm-game:save_1"])  # at most a backup copy

    loaded = SaveManager(LocalStorage(fake)).load(1)
    assert loaded.ok and loaded.state is not None
    assert loaded.state.to_dict() == first.to_dict()
    assert not loaded.from_backup


def test_web_storage_quota_error_on_the_backend_is_a_storage_error() -> None:
    fake = FakeLocalStorage(quota=200)
    store = LocalStorage(fake)
    store.write("small", b"ok")
    with pytest.raises(StorageError, match="browser storage"):
        store.write("small", b"y" * 500)
    assert store.read("small") == b"ok"
    with pytest.raises(StorageError):
        store.write("other", b"z" * 500)
    assert store.read("other") is None


def test_web_storage_quota_error_in_settings_keeps_the_old_settings() -> None:
    fake = FakeLocalStorage(quota=5_000)
    old = Settings(text_size="small")
    assert save_settings(LocalStorage(fake), old) is None
    fake.quota = fake._used(fake.items) + 10  # nearly full now
    problem = save_settings(LocalStorage(fake), Settings(text_size="xl", key_bindings={"confirm": ["k"] * 400}))
    assert problem  # reported to the player, not raised
    back, _ = load_settings(LocalStorage(fake))
    assert back == old


def test_web_platform_storage_is_files_on_desktop(tmp_path: Path) -> None:
    assert not platform_web.IS_WEB
    store = platform_web.platform_storage(tmp_path)
    assert isinstance(store, FileStorage)
    store.write("settings", b"{}")
    assert (tmp_path / "settings").read_bytes() == b"{}"


def test_web_platform_storage_is_local_storage_in_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real lookup path (importlib -> platform.window.localStorage) with a fake window."""
    fake = FakeLocalStorage()
    window = type("Window", (), {"localStorage": fake})()
    monkeypatch.setattr(importlib.import_module("platform"), "window", window, raising=False)
    monkeypatch.setattr(platform_web, "IS_WEB", True)
    store = platform_web.platform_storage()
    assert isinstance(store, LocalStorage)
    saves = SaveManager(store)
    assert saves.save(2, save_data(a_state())).ok
    assert any(k.startswith("lm-game:save_2") for k in fake.items)


def test_web_browser_local_storage_refuses_on_desktop() -> None:
    with pytest.raises(RuntimeError, match="only in the browser"):
        platform_web.browser_local_storage()
