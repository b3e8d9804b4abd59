"""Fuzz save files through SaveManager with *valid checksums*: the decoder's field checks (not the
checksum) must stop bad data, loading never raises, and any save that loads resumes and plays.

(tests/test_save_properties.py covers round trips and damaged bytes, which the checksum rejects;
here the documents are re-signed after mutation, as a hand-edited save would be.)
"""

from __future__ import annotations

import copy
import json
import random
from datetime import UTC, datetime
from functools import cache
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from lm_game.content.loader import load_level
from lm_game.content.locate import find_level
from lm_game.model.level import Level
from lm_game.runtime import RunnerState, SaveData, SaveManager, StoryRunner
from lm_game.runtime.documents import checksum
from lm_game.storage import MemoryStorage
from tests.test_fuzz_support import fuzz_settings, mutate_json

LEVELS = ("front_page", "hall_of_mirrors", "headline_coaster", "cabinet_of_curiosities", "the_giant_rises")


def clock() -> datetime:
    return datetime(2026, 1, 1, tzinfo=UTC)


@cache
def level(level_id: str) -> Level:
    return load_level(find_level(level_id))


@cache
def played_save(level_id: str, seed: int) -> bytes:
    """A real save made after a few random story moves in a shipped level."""
    rng = random.Random(seed)
    runner = StoryRunner(level(level_id))
    runner.start_level()
    for _ in range(rng.randrange(0, 12)):
        if runner.state is RunnerState.WAITING_FOR_CONTINUE:
            runner.advance()
        elif runner.state is RunnerState.WAITING_FOR_CHOICE and runner.current_choices is not None:
            runner.choose(rng.choice([o.index for o in runner.current_choices.options if o.enabled]))
    store = MemoryStorage()
    assert SaveManager(store, clock=clock).save(1, runner.save_data()).ok
    data = store.read("save_1")
    assert data is not None
    return data


def resign(doc: dict[str, Any]) -> bytes:
    if isinstance(doc, dict):
        try:
            doc["checksum"] = checksum(doc)
        except (TypeError, ValueError):
            pass
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def resume_and_play(manager: SaveManager, rng: random.Random) -> None:
    loaded = manager.load(1)
    if not loaded.ok:
        assert loaded.messages and all(isinstance(m, str) and m for m in loaded.messages)
        return
    assert loaded.state is not None
    if loaded.state.level not in LEVELS:
        return  # the app refuses a save for an unknown level before making a runner
    runner = StoryRunner(level(loaded.state.level), loaded.state)
    runner.resume()
    for _ in range(20):
        if runner.state is RunnerState.WAITING_FOR_CONTINUE:
            runner.advance()
        elif runner.state is RunnerState.WAITING_FOR_CHOICE and runner.current_choices is not None:
            enabled = [o.index for o in runner.current_choices.options if o.enabled]
            assert enabled, "resumed at a choice with every option disabled"
            runner.choose(rng.choice(enabled))
        else:
            break
    assert manager.save(2, runner.save_data()).ok  # whatever loaded can be saved again


@fuzz_settings(100)
@given(st.sampled_from(LEVELS), st.integers(0, 7), st.data())
def test_fuzz_saves_resigned_mutations_load_or_explain_and_resume(
    level_id: str, seed: int, data: st.DataObject
) -> None:
    doc = copy.deepcopy(json.loads(played_save(level_id, seed)))
    mutate_json(data, doc, rounds=(1, 3))
    store = MemoryStorage({"save_1": resign(doc)})
    manager = SaveManager(store, clock=clock)
    slots = manager.list_slots()
    assert {s.status for s in slots} <= {"empty", "ok", "backup", "damaged"}
    resume_and_play(manager, random.Random(seed))


@fuzz_settings(150)
@given(st.sampled_from(LEVELS), st.data())
def test_fuzz_saves_state_fields_of_the_right_shape_resume_or_notice(level_id: str, data: st.DataObject) -> None:
    """Plausible but wrong positions (unknown scene/node, step past the end, odd flags) resume safely."""
    doc = copy.deepcopy(json.loads(played_save(level_id, 3)))
    pos = doc["state"]["position"]
    lv = level(level_id)
    scene_ids = [s.id for s in lv.scenes] + ["gone_scene"]
    node_ids = sorted(lv.nodes) + ["gone_node", None]
    pos["scene"] = data.draw(st.sampled_from(scene_ids))
    pos["node"] = data.draw(st.sampled_from(node_ids))
    pos["step"] = data.draw(st.integers(0, 40))
    pos["step_check"] = data.draw(st.sampled_from(["", pos.get("step_check", ""), "0123456789ab"]))
    pos["finished"] = data.draw(st.sampled_from([None, None, "level", "ending"]))
    pos["ending"] = data.draw(st.sampled_from([None, "gone_ending", *sorted(lv.endings)]))
    doc["state"]["meters"] = {m: data.draw(st.integers(-(10**15), 10**15)) for m in ("spotlight", "peace")}
    doc["state"]["inventory"] = data.draw(st.lists(st.sampled_from(["ticket", "key", "zzz"]), max_size=3))
    manager = SaveManager(MemoryStorage({"save_1": resign(doc)}), clock=clock)
    resume_and_play(manager, random.Random(data.draw(st.integers(0, 99))))


@fuzz_settings(100)
@given(st.binary(max_size=400), st.sampled_from(["save_1", "save_1.meta", "save_1.bak", "save_auto"]))
def test_fuzz_saves_any_bytes_in_any_key_never_crash_the_slot_list(blob: bytes, key: str) -> None:
    store = MemoryStorage({"save_1": played_save("front_page", 1), key: blob})
    manager = SaveManager(store, clock=clock)
    for info in manager.list_slots():
        assert info.status in ("empty", "ok", "backup", "damaged")
    manager.load(1)
    manager.load("auto")
    assert manager.save(1, SaveData(StoryRunner(level("front_page")).game.to_dict())).ok
