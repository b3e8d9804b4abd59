"""lm-game new: a starter level that passes check and explore, registered in a copy of levels/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lm_game.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def data_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of levels/ (assets still come from the checkout)."""
    shutil.copytree(ROOT / "levels", tmp_path / "levels")
    monkeypatch.setenv("LM_GAME_DATA_ROOT", str(tmp_path))
    return tmp_path


def test_new_level_passes_check_and_explore(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (ROOT / "levels" / "index.json").read_text(encoding="utf-8")
    assert main(["new", "side_show", "--title", "The Side Show"]) == 0
    path = data_root / "levels" / "side_show.json"
    level = json.loads(path.read_text(encoding="utf-8"))
    assert {s["type"] for s in level["scenes"]} == {"dialogue", "explore", "dodge", "rhythm", "cutscene", "finale"}
    index = json.loads((data_root / "levels" / "index.json").read_text(encoding="utf-8"))
    assert index["levels"][-1] == "side_show"
    assert level["next"] is None
    assert main(["check", str(path), "--strict"]) == 0
    capsys.readouterr()
    assert main(["explore", "side_show", "--quiet", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)["reports"][0]
    assert report["level_ends"] == {"side_show": 1}
    assert report["coverage"]["side_show"]["scenes_reached"] == 6
    assert (ROOT / "levels" / "index.json").read_text(encoding="utf-8") == before  # the real levels untouched
    assert main(["new", "side_show"]) == 2  # exists


def test_new_after_links_the_level_in(data_root: Path) -> None:
    assert main(["new", "interval", "--after", "front_page"]) == 0
    levels = data_root / "levels"
    index = json.loads((levels / "index.json").read_text(encoding="utf-8"))["levels"]
    assert index[:3] == ["front_page", "interval", "headline_coaster"]
    assert json.loads((levels / "front_page.json").read_text(encoding="utf-8"))["next"] == "interval"
    assert json.loads((levels / "interval.json").read_text(encoding="utf-8"))["next"] == "headline_coaster"
    assert main(["check", "--no-warnings", str(levels)]) == 0
    assert main(["new", "Bad-Id"]) == 2
