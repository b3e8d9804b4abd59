"""The harness asks a screen for `report()` when it has one; PlayScreen.state is the plain GameState."""

from __future__ import annotations

from pathlib import Path

from lm_game.runtime.state import GameState
from lm_game.testing.harness import Harness

DEMO = str(Path(__file__).parent / "levels_good" / "ui_demo.json")


def test_harness_reports_play_screen_through_report() -> None:
    from lm_game.ui.play import PlayScreen

    h = Harness(level=DEMO)
    try:
        h.step(3)
        screen = h.app.stack.top
        assert isinstance(screen, PlayScreen)
        assert type(screen.state) is GameState  # the SceneHost's state, no proxy around it
        top = h.state()["top"]
        assert top["screen"] == "PlayScreen" and top["scene"] == "booth"
        assert top == screen.report()
    finally:
        h.close()


def test_harness_uses_state_for_plain_screens() -> None:
    h = Harness(title=True)
    try:
        h.step(3)
        assert "screen" in h.state()["top"]
    finally:
        h.close()
