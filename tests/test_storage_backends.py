"""Storage backends: memory, file (atomic temp + replace), browser localStorage (strings, quota)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lm_game.storage import (
    FileStorage,
    LocalStorage,
    MemoryStorage,
    Storage,
    StorageError,
    check_key,
    default_data_dir,
)


class FakeLocalStorage:
    """Mimics window.localStorage: strings only, optional quota in characters, length/key(i)."""

    def __init__(self, quota: int | None = None, enumerable: bool = True) -> None:
        self.items: dict[str, str] = {}
        self.quota = quota
        self.enumerable = enumerable

    def getItem(self, key: str) -> str | None:  # noqa: N802
        return self.items.get(key)

    def setItem(self, key: str, value: str) -> None:  # noqa: N802
        assert isinstance(value, str)
        if self.quota is not None:
            used = sum(len(k) + len(v) for k, v in self.items.items() if k != key)
            if used + len(key) + len(value) > self.quota:
                raise RuntimeError("QuotaExceededError")
        self.items[key] = value

    def removeItem(self, key: str) -> None:  # noqa: N802
        self.items.pop(key, None)

    @property
    def length(self) -> int:
        if not self.enumerable:
            raise AttributeError("length")
        return len(self.items)

    def key(self, i: int) -> str | None:
        return list(self.items)[i]


def backends(tmp_path: Path) -> list[Storage]:
    return [MemoryStorage(), FileStorage(tmp_path / "data"), LocalStorage(FakeLocalStorage())]


@pytest.mark.parametrize("kind", [0, 1, 2])
def test_storage_roundtrip_delete_and_keys(tmp_path: Path, kind: int) -> None:
    store = backends(tmp_path)[kind]
    assert isinstance(store, Storage)
    assert store.read("save_1") is None
    assert store.keys() == []
    store.write("save_1", b'{"a": 1}')
    store.write("save_2", bytes(range(256)))  # not UTF-8: exercises base64 in LocalStorage
    store.write("settings", "héllo ✨".encode())
    assert store.read("save_1") == b'{"a": 1}'
    assert store.read("save_2") == bytes(range(256))
    assert store.read("settings") == "héllo ✨".encode()
    assert store.keys("save_") == ["save_1", "save_2"]
    store.write("save_1", b"second")
    assert store.read("save_1") == b"second"
    store.delete("save_1")
    store.delete("save_1")  # deleting twice is fine
    assert store.read("save_1") is None
    assert store.keys() == ["save_2", "settings"]


@pytest.mark.parametrize("bad", ["", "../x", "a/b", ".hidden", "UPPER", "x" * 200, "-x"])
def test_storage_rejects_bad_keys(bad: str) -> None:
    with pytest.raises(ValueError):
        check_key(bad)
    with pytest.raises(ValueError):
        MemoryStorage().write(bad, b"x")


def test_storage_memory_simulated_failure_keeps_value() -> None:
    store = MemoryStorage()
    store.write("k", b"old")
    store.fail_writes = True
    with pytest.raises(StorageError):
        store.write("k", b"new")
    assert store.read("k") == b"old"


def test_storage_file_write_is_atomic_when_replace_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = FileStorage(tmp_path)
    store.write("save_1", b"good")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(StorageError, match="No space left"):
        store.write("save_1", b"new")
    monkeypatch.undo()
    assert store.read("save_1") == b"good"
    assert sorted(os.listdir(tmp_path)) == ["save_1"]  # the temp file was cleaned up


def test_storage_file_ignores_temp_and_foreign_files(tmp_path: Path) -> None:
    store = FileStorage(tmp_path)
    store.write("save_1", b"x")
    (tmp_path / ".save_1.abc.tmp").write_bytes(b"half")
    (tmp_path / "Notes.TXT").write_bytes(b"user file")
    (tmp_path / "subdir").mkdir()
    assert store.keys() == ["save_1"]


def test_storage_file_missing_root_lists_nothing(tmp_path: Path) -> None:
    store = FileStorage(tmp_path / "nope")
    assert store.keys() == [] and store.read("x") is None
    store.write("x", b"1")  # creates the folder
    assert store.read("x") == b"1"


def test_storage_file_default_root_uses_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LM_GAME_DATA_DIR", str(tmp_path / "custom"))
    assert FileStorage().root == tmp_path / "custom"


def test_storage_default_data_dir_per_platform() -> None:
    home = Path("/home/p")
    assert default_data_dir({}, "linux", home) == home / ".local/share/lm-game"
    assert default_data_dir({"XDG_DATA_HOME": "/xdg"}, "linux", home) == Path("/xdg/lm-game")
    assert default_data_dir({"XDG_DATA_HOME": "relative"}, "linux", home) == home / ".local/share/lm-game"
    assert default_data_dir({"APPDATA": r"C:\Users\p\AppData\Roaming"}, "win32", home) == Path(
        r"C:\Users\p\AppData\Roaming"
    ) / "lm-game"
    assert default_data_dir({}, "darwin", home) == home / "Library/Application Support/lm-game"
    assert default_data_dir({"LM_GAME_DATA_DIR": "/t"}, "darwin", home) == Path("/t")


def test_storage_local_quota_failure_loses_nothing() -> None:
    fake = FakeLocalStorage(quota=400)
    store = LocalStorage(fake)
    store.write("save_1", b"small")
    before = dict(fake.items)
    with pytest.raises(StorageError, match="browser storage"):
        store.write("save_1", b"x" * 1000)
    assert store.read("save_1") == b"small"
    assert fake.items == before
    with pytest.raises(StorageError):
        store.write("save_2", b"y" * 1000)  # a new key: index may grow, value never half-written
    assert store.read("save_2") is None
    assert store.keys() == ["save_1"]


def test_storage_local_namespaced_and_strings_only() -> None:
    fake = FakeLocalStorage()
    fake.items["someone_else"] = "not ours"
    store = LocalStorage(fake)
    store.write("settings", b'{"v": 1}')
    assert fake.items["lm-game:settings"] == 't:{"v": 1}'
    assert all(isinstance(v, str) for v in fake.items.values())
    assert store.keys() == ["settings"]
    fake.items["lm-game:save_9"] = "garbage without a tag"
    assert store.read("save_9") is None
    assert store.keys() == ["settings"]


def test_storage_local_works_without_length_and_key() -> None:
    fake = FakeLocalStorage(enumerable=False)
    store = LocalStorage(fake)
    store.write("a", b"1")
    store.write("b", b"2")
    store.delete("a")
    assert store.keys() == ["b"]


def test_storage_local_getitem_error_is_storage_error() -> None:
    class Broken(FakeLocalStorage):
        def getItem(self, key: str) -> str | None:  # noqa: N802
            raise RuntimeError("SecurityError: storage disabled")

    with pytest.raises(StorageError, match="disabled"):
        LocalStorage(Broken()).read("x")
