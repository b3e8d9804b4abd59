"""Fuzz settings files: whatever a settings file holds, load_settings never raises, every value it
returns is valid (a second validation changes nothing), and the input mapper accepts the bindings.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

import pygame
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lm_game.input.actions import Action
from lm_game.input.mapping import InputMapper
from lm_game.runtime.documents import checksum
from lm_game.runtime.settings import DIFFICULTIES, TEXT_SIZES, Settings, load_settings, save_settings
from lm_game.storage import MemoryStorage
from tests.test_fuzz_support import fuzz_settings, json_values, mutate_json

FIELD_NAMES = [f.name for f in fields(Settings)]
ACTIONS = [a.value for a in Action]
KEY_NAMES = ["a", "z", "space", "return", "escape", "left", "f11", "F11", "kp 5", "not a key", "", "\u00e9", "x" * 50]

plausible = st.one_of(
    st.booleans(),
    st.integers(-2000, 2000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([*TEXT_SIZES, *DIFFICULTIES, "huge", "", None]),
    st.dictionaries(
        st.sampled_from([*ACTIONS, "fly", ""]), st.lists(st.sampled_from(KEY_NAMES), max_size=9), max_size=6
    ),
    st.lists(st.sampled_from(["front_page", "hall_of_mirrors", "Bad Id", "", "x" * 300]), max_size=5),
    json_values,
)


@pytest.fixture(autouse=True, scope="module")
def _pygame_keys() -> None:
    """Key names resolve only once pygame is initialised (the app always is)."""
    pygame.init()


def settings_blob(body: Any, sign: bool, version: Any = 1) -> bytes:
    doc: dict[str, Any] = {"format": "lm-game-settings", "version": version, "settings": body}
    if sign:
        try:
            doc["checksum"] = checksum(doc)
        except ValueError:  # NaN/infinity cannot be signed; the file goes unsigned, as hand-edited
            pass
    return json.dumps(doc, allow_nan=True).encode("utf-8")


def check_loaded(store: MemoryStorage) -> Settings:
    settings, messages = load_settings(store)
    assert all(isinstance(m, str) and m for m in messages)
    again, problems = Settings.from_dict(json.loads(json.dumps(settings.to_dict())))
    assert problems == [] and again == settings, problems
    mapper = InputMapper(settings.key_bindings)
    mapper.set_key_bindings(settings.key_bindings)
    assert save_settings(store, settings) is None
    assert load_settings(store) == (settings, [])
    return settings


@fuzz_settings(150)
@given(st.dictionaries(st.sampled_from([*FIELD_NAMES, "unknown", "volume"]), plausible, max_size=10), st.booleans())
def test_fuzz_settings_any_field_values_give_valid_settings(body: dict[str, Any], sign: bool) -> None:
    check_loaded(MemoryStorage({"settings": settings_blob(body, sign)}))


@fuzz_settings(100)
@given(st.data())
def test_fuzz_settings_mutated_documents_give_valid_settings(data: st.DataObject) -> None:
    doc = json.loads(settings_blob(Settings(key_bindings={"confirm": ["space"]}).to_dict(), True))
    mutate_json(data, doc, rounds=(1, 4))
    check_loaded(MemoryStorage({"settings": json.dumps(doc, allow_nan=True).encode("utf-8")}))


@fuzz_settings(100)
@given(st.binary(max_size=300), st.binary(max_size=300))
def test_fuzz_settings_any_bytes_in_the_file_and_backup_give_valid_settings(main: bytes, bak: bytes) -> None:
    check_loaded(MemoryStorage({"settings": main, "settings.bak": bak}))
