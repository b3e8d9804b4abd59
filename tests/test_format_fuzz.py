"""Property tests: whatever bytes or JSON a level file holds, loading raises only LevelLoadError."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lm_game.content.errors import LevelLoadError
from lm_game.content.jsonloc import JsonSyntaxError, parse_json
from lm_game.content.loader import load_level_text

SHOWCASE = (Path(__file__).resolve().parent / "levels_good" / "showcase.json").read_text()
SHOWCASE_DATA = json.loads(SHOWCASE)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["intro", "gate", "peace += 1", "not (", "star", "../x.png", "dialogue"]),
)
_json = st.recursive(
    _scalars,
    lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=8), kids, max_size=4)),
    max_leaves=20,
)


def _load(text: str) -> None:
    try:
        load_level_text(text, "fuzz.json")
    except LevelLoadError as exc:
        assert exc.errors, "LevelLoadError without errors"
        for e in exc.errors:
            assert e.line >= 0 and e.col >= 0 and e.code[0] in "EW"


@FUZZ
@given(_json)
def test_random_json_only_raises_level_load_error(value: Any) -> None:
    _load(json.dumps(value))


@FUZZ
@given(st.data())
def test_mutated_text_only_raises_level_load_error(data: st.DataObject) -> None:
    text = SHOWCASE
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "replace", "truncate"]))
        chunk = data.draw(st.text(alphabet='{}[],:"\\ abc019-.etnul\n', max_size=3))
        if action == "delete":
            text = text[:i] + text[i + data.draw(st.integers(1, 20)) :]
        elif action == "insert":
            text = text[:i] + chunk + text[i:]
        elif action == "replace":
            text = text[:i] + chunk + text[i + len(chunk) :]
        else:
            text = text[:i]
    _load(text)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, (*prefix, i)))
    return out


_SHOWCASE_PATHS = _paths(SHOWCASE_DATA)[1:]


@FUZZ
@given(st.data())
def test_structurally_mutated_level_only_raises_level_load_error(data: st.DataObject) -> None:
    doc = json.loads(SHOWCASE)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_SHOWCASE_PATHS))
        parent: Any = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            if data.draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = data.draw(_json)
        except (KeyError, IndexError, TypeError):
            continue
    _load(json.dumps(doc, indent=data.draw(st.sampled_from([None, 2]))))


@FUZZ
@given(st.binary(max_size=200).map(lambda b: b.decode("utf-8", "replace")))
def test_json_parser_raises_only_syntax_errors(text: str) -> None:
    try:
        parse_json(text)
    except JsonSyntaxError as exc:
        assert exc.line >= 1 and exc.col >= 1 and exc.code.startswith("E0")
