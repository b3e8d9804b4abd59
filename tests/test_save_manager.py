"""Save slots: round trip, metadata, backups, and clear messages for damaged or foreign saves."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from lm_game.runtime.documents import canonical_json, checksum
from lm_game.runtime.history import HistoryEntry
from lm_game.runtime.saves import SAVE_VERSION, SaveData, SaveManager, slot_name
from lm_game.runtime.state import GameState
from lm_game.storage import MemoryStorage

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def clock() -> datetime:
    return datetime(2026, 11, 25, 18, 30, tzinfo=UTC)


def make_state(peace: int = 7) -> GameState:
    state = GameState.new(42, "front_page")
    state.scene = "front_gate"
    state.node = "booth_intro"
    state.step = 2
    state.meters["peace"] = peace
    state.variables["greeting"] = "tired"
    state.give("ticket")
    state.count_visit("booth_intro")
    state.play_time = 3723.5
    state.scene_data = {"player": [120, 440]}
    return state


def make_data(state: GameState | None = None) -> SaveData:
    state = state or make_state()
    history = [HistoryEntry("line", "STEP RIGHT UP!", "barker", "The Barker", "front_page:x:0").to_dict()]
    return SaveData(state.to_dict(), history, "Front Page", "The Front Gate", "STEP RIGHT UP!")


def manager() -> tuple[MemoryStorage, SaveManager]:
    store = MemoryStorage()
    return store, SaveManager(store, clock=clock)


def test_save_and_load_roundtrip() -> None:
    store, saves = manager()
    result = saves.save(3, make_data(), thumbnail_png=PNG)
    assert result.ok, result.message
    assert set(store.keys()) == {"save_3", "save_3.meta"}
    loaded = saves.load("3")
    assert loaded.ok and not loaded.from_backup and loaded.messages == []
    assert loaded.state == make_state()
    assert loaded.history[0].speaker_name == "The Barker"
    assert loaded.meta is not None and loaded.meta.thumbnail_png == PNG
    assert loaded.meta.level_title == "Front Page" and loaded.meta.play_time_text == "1:02:03"


def test_save_meta_is_readable_alone() -> None:
    store, saves = manager()
    saves.save(1, make_data(), thumbnail_png=PNG)
    meta_doc = json.loads(store.read("save_1.meta") or b"")
    assert "state" not in meta_doc
    assert base64.b64decode(meta_doc["meta"]["thumbnail_png_b64"]) == PNG
    info = saves.read_meta(1)
    assert info.status == "ok" and info.meta is not None
    assert (info.meta.scene_title, info.meta.saved_at) == ("The Front Gate", "2026-11-25T18:30:00+00:00")


def test_save_list_slots_shows_empty_ok_and_damaged() -> None:
    store, saves = manager()
    saves.autosave(make_data())
    saves.save(2, make_data())
    store.write("save_4", b"{broken}")
    rows = {row.slot: row for row in saves.list_slots()}
    assert list(rows)[:3] == ["auto", "quick", "1"]
    assert rows["auto"].status == "ok" and rows["2"].status == "ok"
    assert rows["quick"].status == "empty" and rows["1"].status == "empty"
    assert rows["4"].status == "damaged" and "damaged" in rows["4"].message
    assert len(rows) == 11


def test_save_keeps_previous_good_save_as_backup() -> None:
    store, saves = manager()
    saves.save(1, make_data(make_state(peace=1)))
    saves.save(1, make_data(make_state(peace=2)))
    assert GameState.from_dict(json.loads(store.read("save_1.bak") or b"")["state"]).meters["peace"] == 1
    store.write("save_1", store.read("save_1")[:-30])  # type: ignore[index]  # damaged later
    loaded = saves.load(1)
    assert loaded.ok and loaded.from_backup
    assert loaded.state is not None and loaded.state.meters["peace"] == 1
    assert "cut short" in loaded.message and "previous save" in loaded.message
    info = saves.read_meta(1)
    assert info.status == "ok"  # meta key is intact; loading still falls back correctly


def test_save_over_damaged_slot_does_not_clobber_good_backup() -> None:
    store, saves = manager()
    saves.save(1, make_data(make_state(peace=1)))
    saves.save(1, make_data(make_state(peace=2)))
    store.write("save_1", b"\x00garbage")
    saves.save(1, make_data(make_state(peace=3)))
    backup = json.loads(store.read("save_1.bak") or b"")
    assert backup["state"]["meters"]["peace"] == 1
    assert saves.load(1).state.meters["peace"] == 3  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(version=SAVE_VERSION + 1), "newer version"),
        (lambda d: d["state"]["meters"].update(peace=10), "integrity check"),
        (lambda d: d.pop("checksum"), "integrity check"),
        (lambda d: d.update(format="something-else"), "not a Leave Me Alone save"),
        (lambda d: d.update(version=0), "old version"),
    ],
)
def test_save_load_rejects_bad_documents_with_clear_message(mutate, expected: str) -> None:  # type: ignore[no-untyped-def]
    store, saves = manager()
    saves.save(5, make_data())
    doc = json.loads(store.read("save_5") or b"")
    mutate(doc)
    store.write("save_5", json.dumps(doc).encode())
    before = {k: store.read(k) for k in store.keys()}
    loaded = saves.load(5)
    assert not loaded.ok
    assert expected in loaded.message and "Save slot 5" in loaded.message
    assert {k: store.read(k) for k in store.keys()} == before  # nothing deleted or rewritten


def test_save_resigned_but_invalid_state_is_rejected() -> None:
    store, saves = manager()
    saves.save(5, make_data())
    doc = json.loads(store.read("save_5") or b"")
    doc["state"]["inventory"] = "ticket"
    doc["checksum"] = checksum(doc)
    store.write("save_5", canonical_json(doc))
    loaded = saves.load(5)
    assert not loaded.ok and "state.inventory" in loaded.message


def test_save_empty_slot_and_bad_slot_names() -> None:
    _, saves = manager()
    assert not saves.load(7).ok and saves.load(7).message == "Save slot 7 is empty."
    assert not saves.load("quick").ok and "quicksave is empty" in saves.quickload().message
    assert not saves.load("../etc").ok
    assert not saves.save(0, make_data()).ok
    assert slot_name(" Auto ") == "auto" and slot_name(9) == "9"
    with pytest.raises(ValueError):
        slot_name("10", 9)


def test_save_failed_write_reports_and_keeps_old_save() -> None:
    store, saves = manager()
    saves.quicksave(make_data(make_state(peace=4)))
    store.fail_writes = True
    result = saves.quicksave(make_data(make_state(peace=9)))
    assert not result.ok and "Nothing was lost" in result.message
    store.fail_writes = False
    assert saves.quickload().state.meters["peace"] == 4  # type: ignore[union-attr]


def test_save_rejects_invalid_state_and_drops_non_png_thumbnail() -> None:
    _, saves = manager()
    bad = make_data()
    bad.state["seed"] = "x"
    assert not saves.save(1, bad).ok
    result = saves.save(1, make_data(), thumbnail_png=b"GIF89a....")
    assert result.ok and result.meta is not None and result.meta.thumbnail_png is None


def test_save_delete_removes_slot() -> None:
    store, saves = manager()
    saves.save(1, make_data())
    saves.save(1, make_data())
    saves.delete(1)
    assert store.keys() == []
