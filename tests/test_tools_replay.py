"""Replays: a headless session recorded by the play screen replays to the same state hash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lm_game.cli import main
from lm_game.input.actions import Action
from lm_game.testing.harness import Harness
from lm_game.tools.replay import Replay, play_replay


def _record(tmp_path: Path) -> tuple[Path, str]:
    harness = Harness(level="front_page", seed=7)
    try:
        harness.step(5)
        harness.tap(Action.SKIP)  # skip the opening cutscene
        for _ in range(12):
            harness.step(4)
            harness.tap(Action.CONFIRM)
        harness.send(Action.RIGHT)
        harness.step(25)
        harness.send(Action.RIGHT, pressed=False)
        harness.tap(Action.CONFIRM)
        harness.step(10)
        screen = harness.app.stack.top
        harness.send(Action.REPLAY_SAVE)  # F8: written under LM_GAME_REPLAY_DIR
        saved = screen.devtools.saved[-1]
        from lm_game.tools.replay import state_hash

        return saved, state_hash(screen)
    finally:
        harness.close()


def test_replay_reaches_the_recorded_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LM_GAME_REPLAY_DIR", str(tmp_path / "replays"))
    path, digest = _record(tmp_path)
    assert path.parent == tmp_path / "replays"
    replay = Replay.load(path)
    assert replay.level == "front_page" and replay.seed == 7 and replay.final_hash == digest
    assert replay.actions and replay.frames > 50
    assert "dodge_difficulty" in replay.settings
    result = play_replay(replay)
    assert result.matches, (result.final_hash, result.expected_hash)
    assert main(["replay", str(path), "--check"]) == 0
    assert "OK: same final state" in capsys.readouterr().out
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["final_hash"] = "0" * 16
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["replay", str(bad), "--check"]) == 1
    out = capsys.readouterr().out
    assert "0000000000000000" in out and result.final_hash in out
    bad.write_text("{}", encoding="utf-8")
    assert main(["replay", str(bad)]) == 2
