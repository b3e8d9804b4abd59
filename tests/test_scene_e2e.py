"""Every scene type end to end: the example levels played through the real App (PlayScreen + runner)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lm_game.input.actions import Action
from lm_game.testing.autoplay import dodge_directions
from lm_game.testing.harness import Harness
from tests.test_scene_support import ROOT

pytest.importorskip("lm_game.ui.play")
SHOTS = ROOT / "test-artifacts" / "screenshots"


def open_example(name: str, seed: int = 0) -> Harness:
    return Harness(level=str(ROOT / "levels" / "examples" / f"{name}.json"), seed=seed)


def top(h: Harness) -> dict[str, Any]:
    report: dict[str, Any] = h.state()["top"]
    return report


def logic(h: Harness) -> Any:
    return h.app.stack.top.logic  # type: ignore[union-attr]


def until(h: Harness, pred: Callable[[], bool], limit: int = 60 * 60) -> None:
    for _ in range(limit):
        if pred():
            return
        h.step()
    raise AssertionError(f"not reached in {limit} frames: {top(h)}")


def read_dialogue(h: Harness, limit: int = 40) -> list[str]:
    """Tap through lines until the runner gives control back (or the level ends)."""
    lines: list[str] = []
    for _ in range(limit):
        t = top(h)
        if t["runner"] != "waiting_for_continue":
            break
        if not lines or lines[-1] != t["line"]:  # the first tap may only finish the typewriter
            lines.append(t["line"])
        h.tap(Action.CONFIRM)
        h.step(2)
    return lines


def hold(h: Harness, action: Action, frames: int) -> None:
    h.send(action)
    h.step(frames)
    h.send(action, False)
    h.step(1)


def finished(h: Harness) -> bool:
    t = top(h)
    return bool(t.get("card")) or t["runner"] == "ended"


def test_scene_e2e_explore() -> None:
    h = open_example("explore")
    h.step(5)
    hold(h, Action.LEFT, 80)
    assert top(h)["logic"]["focus"] == "fan"
    h.tap(Action.CONFIRM)
    assert read_dialogue(h)[0].startswith("They sold me a ticket")
    assert top(h)["inventory"] == ["ticket"]
    hold(h, Action.RIGHT, 70)
    h.tap(Action.CONFIRM)
    read_dialogue(h)
    assert top(h)["variables"]["booth_open"] is True and top(h)["inventory"] == []
    hold(h, Action.RIGHT, 90)
    h.screenshot(SHOTS / "e2e_explore.png")
    h.tap(Action.CONFIRM)
    until(h, lambda: top(h)["scene"] == "inside" and top(h)["runner"] == "waiting_for_continue")
    read_dialogue(h)
    until(h, lambda: finished(h), 300)
    h.close()


def test_scene_e2e_dodge_win() -> None:
    h = open_example("dodge")
    h.step(2)
    lg = logic(h)
    held: set[Action] = set()
    until(h, lambda: lg.kind == "dodge" and lg.phase == "play", 120)
    while lg.phase == "play":
        want = dodge_directions(lg)
        for a in held - want:
            h.send(a, False)
        for a in want - held:
            h.send(a)
        held = want
        if lg.time > 8 and not h.app.stack.top.effects.reduced_flashing and lg.time < 8.02:  # type: ignore[union-attr]
            h.screenshot(SHOTS / "e2e_dodge.png")
        h.step()
    for a in held:
        h.send(a, False)
    assert lg.phase == "won"
    until(h, lambda: top(h)["runner"] == "waiting_for_continue", 200)
    assert read_dialogue(h) == ["Three words. Mine."]
    until(h, lambda: finished(h), 300)
    h.close()


def test_scene_e2e_dodge_lose_restarts_with_nothing_lost() -> None:
    h = open_example("dodge")
    h.step(2)
    before = top(h)
    lg = logic(h)
    until(h, lambda: lg.phase == "lost", 60 * 20)
    until(h, lambda: top(h)["runner"] == "waiting_for_continue", 200)
    assert read_dialogue(h) == ["Breathe. Again."]
    h.step(5)
    after = top(h)
    assert lg.retries == 1 and lg.phase == "play" and after["logic"]["composure"] == lg.composure_max
    for key in ("meters", "variables", "inventory"):
        assert after[key] == before[key]
    h.close()


def test_scene_e2e_rhythm_win_and_determinism() -> None:
    def run() -> dict[str, Any]:
        h = open_example("rhythm")
        h.step(1)
        lg = logic(h)
        events: dict[int, list[tuple[Action, bool]]] = {}
        lanes = (Action.LEFT, Action.DOWN, Action.UP, Action.RIGHT)
        # song time is the music position (or the clock): schedule by the logic's own time base
        start = h.frame
        t0 = lg.song_time()
        for n in lg.notes:
            down = start + round((n.time - t0) * 60)
            up = start + round((n.end - t0) * 60) + 2 if n.end > n.time else down + 3
            events.setdefault(down, []).append((lanes[n.lane], True))
            events.setdefault(up, []).append((lanes[n.lane], False))
        end = max(events) + 200
        while h.frame < end and lg.phase == "play":
            for a, pressed in events.get(h.frame, []):
                h.send(a, pressed)
            h.step()
        report = dict(top(h)["logic"])
        assert report["passed"] is True and report["counts"]["miss"] == 0, report
        h.screenshot(SHOTS / "e2e_rhythm.png")
        until(h, lambda: top(h)["runner"] == "waiting_for_continue", 300)
        read_dialogue(h)
        until(h, lambda: finished(h), 300)
        assert top(h)["meters"]["spotlight"] == 6
        h.close()
        return report

    assert run() == run()


def test_scene_e2e_rhythm_silence_retries() -> None:
    h = open_example("rhythm")
    lg = logic(h)
    until(h, lambda: lg.phase == "result", 60 * 30)
    assert lg.passed is False
    until(h, lambda: top(h)["runner"] == "waiting_for_continue", 300)
    read_dialogue(h)
    h.step(3)
    assert lg.retries == 1 and lg.phase == "play" and top(h)["meters"] == {"spotlight": 5, "peace": 5}
    h.close()


def test_scene_e2e_cutscene_plays_and_skips() -> None:
    h = open_example("cutscene")
    h.step(60 * 2)
    h.screenshot(SHOTS / "e2e_cutscene.png")
    until(h, lambda: finished(h), 60 * 12)
    full = top(h)
    h.close()
    for action in (Action.CANCEL, Action.SKIP):
        h = open_example("cutscene")
        h.step(30)
        h.tap(action)
        h.step(3)
        assert top(h)["logic"]["skipped"] is True
        until(h, lambda h=h: finished(h), 300)  # type: ignore[misc]
        assert top(h)["logic"]["actors"] == full["logic"]["actors"]
        h.close()


def test_scene_e2e_finale_mash_and_hold() -> None:
    for mode in ("mash", "hold"):
        h = open_example("finale")
        h.step(5)
        lg = logic(h)
        if mode == "mash":
            for _ in range(lg.spec.ropes * lg.spec.taps_per_rope):
                h.tap(Action.CONFIRM)
                h.step(3)
        else:
            hold(h, Action.CONFIRM, 60 * 5)
        assert lg.snapped == lg.spec.ropes
        h.step(60)
        if mode == "mash":
            h.screenshot(SHOTS / "e2e_finale.png")
        until(h, lambda h=h: top(h)["runner"] in ("waiting_for_continue", "ended"), 60 * 10)  # type: ignore[misc]
        read_dialogue(h)
        until(h, lambda h=h: top(h)["runner"] == "ended", 60 * 5)  # type: ignore[misc]
        h.close()
