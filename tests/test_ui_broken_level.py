"""A broken level file is shown to the player (file, line, column, what to fix), never a crash."""

from __future__ import annotations

from pathlib import Path

from lm_game.input.actions import Action
from lm_game.testing import Harness

ROOT = Path(__file__).resolve().parent.parent


def test_broken_level_shows_located_errors_and_returns_to_title(tmp_path: Path) -> None:
    good = (ROOT / "levels/examples/dialogue.json").read_text(encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text(good.replace('"start"', '"strat"', 1), encoding="utf-8")
    h = Harness(level=str(broken))
    h.step(10)
    report = h.state()["top"]
    assert "broken.json:" in report["error"] and "E0" in report["error"]
    line = next(x for x in report["error"].splitlines() if "broken.json:" in x)
    file_line_col = line.split(" ")[0].rstrip(":").split(":")
    assert file_line_col[-2].isdigit() and file_line_col[-1].isdigit()
    h.screenshot(ROOT / "test-artifacts/screenshots/broken_level.png")
    h.tap(Action.CONFIRM)
    h.step(60)
    assert h.state()["stack"][0] == "TitleScreen" and h.app.running  # (the first-start notice may sit on it)
