"""Screenshots of every scene of every level (largest text size) through the real game.

Writes test-artifacts/screenshots/levels/<level>_<scene>_xl.png (and _choice_ shots) with
tools/screenshots.py; `python tools/screenshots.py` makes the full set at every text size.
Checks what can be checked without eyes: the scene type's own logic and renderer ran,
no error screen, the picture is not blank or a flat placeholder, and the line or the
gameplay view is there.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pygame
import pytest

from lm_game.content.loader import load_all

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-artifacts" / "screenshots" / "levels"


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lm_screenshots", ROOT / "tools" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("lm_screenshots", module)
    spec.loader.exec_module(module)
    return module


def colour_stats(path: Path) -> tuple[int, float]:
    """(distinct colours in a 96x54 thumbnail, share of the most common one)."""
    img = pygame.transform.scale(pygame.image.load(str(path)), (96, 54))
    counts: dict[tuple[int, int, int], int] = {}
    for y in range(54):
        for x in range(96):
            r, g, b, _ = img.get_at((x, y))
            counts[(r, g, b)] = counts.get((r, g, b), 0) + 1
    return len(counts), max(counts.values()) / (96 * 54)


SCENES = [(lv.id, sc.id, sc.type) for lv in load_all() for sc in lv.scenes]


@pytest.fixture(scope="module")
def shots() -> list[dict[str, Any]]:
    t = tool()
    reports: list[dict[str, Any]] = []
    for level, scene, kind in SCENES:
        t.shoot_scene(level, scene, kind, "xl", OUT, reports)
    return reports


@pytest.mark.parametrize(("level", "scene", "kind"), SCENES)
def test_game_screenshot_of_every_scene(level: str, scene: str, kind: str, shots: list[dict[str, Any]]) -> None:
    mine = [r for r in shots if Path(r["file"]).name.startswith(f"{level}_{scene}_")]
    assert mine, f"no screenshot of {level}/{scene}"
    first = mine[0]
    assert Path(first["file"]).is_file()
    assert first["screen"] == "PlayScreen" and not first["error"]
    assert first["level"] == level and first["scene"] == scene
    assert first["logic"]["kind"] == kind  # the scene type's own logic, not a fallback
    if kind == "dialogue":
        assert first["line"] or first["choices"], "a dialogue scene shows a line or a choice"
    for r in mine:
        distinct, flat = colour_stats(Path(r["file"]))
        assert distinct > 16 and flat < 0.6, f"{r['file']}: looks blank ({distinct} colours, {flat:.0%} one colour)"


def test_game_screenshots_reach_a_choice_in_every_level(shots: list[dict[str, Any]]) -> None:
    with_choice = {Path(r["file"]).name.split("_")[0] for r in shots if r["choices"]}
    levels = {lv.id.split("_")[0] for lv in load_all()}
    assert with_choice == levels
