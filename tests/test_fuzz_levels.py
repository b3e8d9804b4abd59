"""Fuzz level documents: generated valid levels load clean and play to the end without errors;
mutated ones (from generated and shipped levels, as JSON trees, text and bytes) raise only
LevelLoadError, every error located at a file, line and column.

(tests/test_format_fuzz.py mutates the showcase fixture; these add the valid-level generator, the
shipped levels as seeds, byte-level damage through real files, and playing what loads.)
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from lm_game.content.errors import LevelLoadError
from lm_game.content.loader import load_level, load_level_text
from lm_game.model.level import Level
from lm_game.runtime import RunnerState, StoryRunner
from lm_game.runtime.events import NoticeEvent
from tests.test_fuzz_support import fuzz_settings, mutate_json, mutate_text, shipped_level_texts, valid_levels

SEEDS = shipped_level_texts()
SEED_NAMES = sorted(SEEDS)


def assert_located(exc: LevelLoadError, file: str) -> None:
    assert exc.errors, "LevelLoadError without errors"
    assert any(e.severity == "error" for e in exc.errors)
    for e in exc.errors:
        assert e.file == file, (e.file, file)
        assert e.line >= 1 and e.col >= 1, str(e)
        assert e.code[0] in "EW" and e.code[1:].isdigit(), str(e)
        assert e.message and e.json_path.startswith("$"), str(e)


def load_or_located_error(text: str, file: str = "fuzz.json") -> Level | None:
    try:
        return load_level_text(text, file)
    except LevelLoadError as exc:
        assert_located(exc, file)
        return None


def play(level: Level, seed: int, max_calls: int = 300) -> list[str]:
    """Play a level with random choices until it ends; returns error notices (none expected)."""
    rng = random.Random(seed)
    runner = StoryRunner(level)
    events = runner.start_level()
    errors: list[str] = []
    for _ in range(max_calls):
        errors += [e.message for e in events if isinstance(e, NoticeEvent) and e.kind == "error"]
        if runner.state is RunnerState.WAITING_FOR_CONTINUE:
            events = runner.advance()
        elif runner.state is RunnerState.WAITING_FOR_CHOICE:
            assert runner.current_choices is not None
            enabled = [o.index for o in runner.current_choices.options if o.enabled]
            assert enabled, "a choice with every option disabled: the player is stuck"
            events = runner.choose(rng.choice(enabled))
        else:
            break
        if rng.random() < 0.05 and runner.can_step_back():
            events = runner.step_back()
    return errors


@fuzz_settings(60)
@given(valid_levels(), st.integers(0, 2**32))
def test_fuzz_levels_generated_valid_level_loads_and_plays(doc: dict[str, Any], seed: int) -> None:
    text = json.dumps(doc, indent=1, ensure_ascii=False)
    try:
        level = load_level_text(text, "fuzz.json")
    except LevelLoadError as exc:  # the generator promises validity: show what it got wrong
        raise AssertionError(f"{exc}\n{text}") from None
    errors = play(level, seed)
    # division by zero, a goto loop or a variable past its limit is reported as a notice, never raised
    expected = ("by zero", "goto loop", "the limit is", "out of range")
    assert all(any(e in m for e in expected) for m in errors), errors


@fuzz_settings(80)
@given(valid_levels(), st.data())
def test_fuzz_levels_mutated_generated_level_only_raises_located_errors(
    doc: dict[str, Any], data: st.DataObject
) -> None:
    doc = mutate_json(data, doc)
    level = load_or_located_error(json.dumps(doc, indent=data.draw(st.sampled_from([None, 1]))))
    if level is not None:
        play(level, data.draw(st.integers(0, 99)), max_calls=100)


@fuzz_settings(100)
@given(st.sampled_from(SEED_NAMES), st.data())
def test_fuzz_levels_mutated_shipped_level_tree_only_raises_located_errors(name: str, data: st.DataObject) -> None:
    doc = mutate_json(data, copy.deepcopy(json.loads(SEEDS[name])), rounds=(1, 4))
    load_or_located_error(json.dumps(doc, indent=1))


@fuzz_settings(200)
@given(st.sampled_from(SEED_NAMES), st.data())
def test_fuzz_levels_mutated_shipped_level_text_only_raises_located_errors(name: str, data: st.DataObject) -> None:
    load_or_located_error(mutate_text(data, SEEDS[name]))


@fuzz_settings(100)
@given(name=st.sampled_from(SEED_NAMES), data=st.data())
def test_fuzz_levels_damaged_bytes_in_a_file_only_raise_located_errors(
    name: str, data: st.DataObject, tmp_path_factory: Any
) -> None:
    raw = bytearray(SEEDS[name].encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["flip", "insert", "truncate", "bom"]))
        if action == "flip" and i < len(raw):
            raw[i] = data.draw(st.integers(0, 255))
        elif action == "insert":
            raw[i:i] = data.draw(st.binary(min_size=1, max_size=4))
        elif action == "truncate":
            del raw[i:]
        else:
            raw[0:0] = b"\xef\xbb\xbf"
    folder: Path = tmp_path_factory.mktemp("lv")
    path = folder / Path(name).name
    path.write_bytes(bytes(raw))
    try:
        load_level(path, assets_root=folder)
    except LevelLoadError as exc:
        assert exc.errors and all(e.line >= 0 and e.col >= 0 for e in exc.errors)
        assert all(e.file.endswith(path.name) for e in exc.errors)
        file_level = [e for e in exc.errors if e.line == 0]
        assert all(e.code in ("E001", "E002", "E005") for e in file_level), [str(e) for e in file_level]
