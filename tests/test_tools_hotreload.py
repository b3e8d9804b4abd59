"""Hot reload: edit the level file during a headless run, first validly, then invalidly."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from lm_game.input.actions import Action
from lm_game.testing.harness import Harness
from lm_game.tools.hotreload import ReloadErrorOverlay
from lm_game.tools.scaffold import create_level

ROOT = Path(__file__).resolve().parent.parent


def _touch(path: Path, text: str, bump: int) -> None:
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump * 1_000_000_000))


def test_hot_reload_keeps_position_and_shows_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "levels", tmp_path / "levels")
    monkeypatch.setenv("LM_GAME_DATA_ROOT", str(tmp_path))
    monkeypatch.setenv("LM_GAME_HOT_RELOAD", "1")
    path = create_level(tmp_path / "levels", "reload_me")
    harness = Harness(level="reload_me")
    try:
        harness.step(30)
        harness.tap(Action.CONFIRM)  # finish typing the first line
        harness.tap(Action.CONFIRM)  # on to the choice
        harness.step(5)
        screen = harness.app.stack.top
        assert type(screen).__name__ == "PlayScreen"
        assert (screen.game.node, screen.game.step) == ("hello", 1)  # waiting at the choice
        # a valid edit elsewhere (and a new line before the choice's node is not touched)
        data = json.loads(path.read_text(encoding="utf-8"))
        data["nodes"]["gate_shut"][0]["say"] = "Locked tight. Edited while playing."
        _touch(path, json.dumps(data, indent=2), 1)
        harness.step(40)  # polling every 0.5 s of game time
        fresh = harness.app.stack.top
        assert fresh is not screen and type(fresh).__name__ == "PlayScreen"
        assert (fresh.game.node, fresh.game.step) == ("hello", 1)
        assert fresh.level.nodes["gate_shut"].steps[0].text.endswith("Edited while playing.")
        assert fresh.choices is not None  # the choice is showing again
        assert [e.text for e in fresh.runner.history.entries()][:1] == [
            "A new page, a new act! How do you feel?"
        ]  # the backlog came along
        harness.tap(Action.BACKLOG)
        assert type(harness.app.stack.top).__name__ == "BacklogScreen"
        harness.tap(Action.CANCEL)
        assert harness.app.stack.top is fresh
        # an invalid edit: the overlay lists errors with file:line:col; the old level keeps running
        broken = path.read_text(encoding="utf-8").replace('"scene": "yard"', '"scene": "no_such_scene"', 1)
        _touch(path, broken, 2)
        harness.step(40)
        overlay = harness.app.stack.top
        assert isinstance(overlay, ReloadErrorOverlay)
        assert harness.app.stack.screens[-2] is fresh
        assert any("reload_me.json:" in e and "E040" in e for e in overlay.errors)
        line = next(e for e in overlay.errors if "E040" in e)
        file_part, lineno, col = line.split(":")[:3]
        assert lineno.isdigit() and col.isdigit()
        assert harness.state()["top"]["screen"] == "ReloadErrorOverlay"
        harness.tap(Action.CANCEL)  # dismiss
        assert harness.app.stack.top is fresh
        harness.step(40)
        assert harness.app.stack.top is fresh  # the same broken file is not reported twice
        assert "gate_shut" in fresh.level.nodes and fresh.level.scene("yard")
        harness.send(Action.RELOAD)  # F6 forces a reload: still broken
        assert isinstance(harness.app.stack.top, ReloadErrorOverlay)
    finally:
        harness.close()
