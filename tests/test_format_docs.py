"""docs/level-format.md stays true: its JSON examples load, every field and code is documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lm_game.content import shapes as sh
from lm_game.content.errors import CODES
from lm_game.content.jsonloc import parse_json
from lm_game.content.loader import _Builder, _Ctx, load_level_text

DOC = Path(__file__).resolve().parent.parent / "docs" / "level-format.md"
TEXT = DOC.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```json\n(.*?)```", TEXT, flags=re.S)


def test_doc_has_examples() -> None:
    assert len(BLOCKS) >= 8


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_json_examples(index: int) -> None:
    data = json.loads(BLOCKS[index])
    if isinstance(data, dict) and "format" in data and "levels" not in data:
        level = load_level_text(BLOCKS[index], f"{DOC.name}#example{index}")
        assert level.scenes
        return
    # fragments: a scene (has "type") or a step; validated against that part of the format
    shape = sh.SCENE if "type" in data else sh.INDEX if "levels" in data else sh.STEP
    ctx = _Ctx(f"example{index}")
    _Builder(ctx).conv(shape, parse_json(BLOCKS[index]).root, "$")
    assert ctx.errors == []


def test_every_code_is_documented() -> None:
    for code in CODES:
        assert f"| {code} |" in TEXT, code


def _keys(shape: sh.Shape, out: set[str]) -> None:
    if isinstance(shape, sh.Obj):
        for key, f in shape.fields.items():
            out.add(key)
            _keys(f.shape, out)
    elif isinstance(shape, (sh.Tagged, sh.Keyed)):
        for v in shape.variants.values():
            _keys(v, out)
    elif isinstance(shape, sh.Arr):
        _keys(shape.item, out)
    elif isinstance(shape, sh.Nullable):
        _keys(shape.inner, out)
    elif isinstance(shape, sh.Map):
        _keys(shape.value, out)


def test_every_field_is_documented() -> None:
    keys: set[str] = set()
    _keys(sh.LEVEL, keys)
    missing = sorted(k for k in keys if f"`{k}`" not in TEXT and f'"{k}"' not in TEXT)
    assert missing == []
