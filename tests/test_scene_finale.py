"""The finale: the Star grows, ropes snap under repeated (or held) presses, the park falls away."""

from __future__ import annotations

from lm_game.input.actions import Action
from lm_game.runtime.settings import Settings
from lm_game.scenes.finale import START_SIZE, FinaleLogic
from tests.test_scene_support import Play


def finale(**settings: object) -> tuple[Play, FinaleLogic]:
    p = Play("finale", settings=Settings(**settings))  # type: ignore[arg-type]
    assert isinstance(p.logic, FinaleLogic)
    return p, p.logic


def test_scene_finale_win_by_mashing_confirm() -> None:
    p, lg = finale()
    start = p.host.state.to_dict()
    for _ in range(lg.spec.ropes * lg.spec.taps_per_rope):
        p.tap(Action.CONFIRM)
        p.step(4)
    assert lg.snapped == lg.spec.ropes and lg.phase == "rising"
    assert sum(1 for n, a in p.host.commands if a.get("sound") == "sfx/rope_snap.ogg") == 3
    p.run_until(lambda: lg.phase == "done", limit=60 * 10)
    assert lg.size == 1.0 and lg.fall == 1.0
    assert p.host.nodes == ["risen"] and p.host.ended == "leave_me_alone"
    assert p.host.state.to_dict()["meters"] == start["meters"]


def test_scene_finale_holding_confirm_also_counts() -> None:
    p, lg = finale()
    p.hold([Action.CONFIRM], 60 * 5)
    assert lg.snapped == lg.spec.ropes
    p.run_until(lambda: lg.phase == "done", limit=60 * 10)
    assert p.host.nodes == ["risen"]


def test_scene_finale_slow_presses_never_snap_a_rope_and_lose_nothing() -> None:
    p, lg = finale()
    start = p.host.state.to_dict()
    for _ in range(30):  # one press every 1.5 s: the window is 0.8 s, so the rope slackens between
        p.tap(Action.CONFIRM)
        p.step(88)
    assert lg.snapped == 0 and lg.phase == "ropes"
    assert lg.size <= lg.cap() < 1.0  # the ropes hold the Star down
    assert p.host.nodes == [] and p.host.state.to_dict()["meters"] == start["meters"]
    # and from there the player can still win
    for _ in range(lg.spec.ropes * lg.spec.taps_per_rope):
        p.tap(Action.CONFIRM)
    p.run_until(lambda: lg.phase == "done", limit=60 * 10)
    assert p.host.nodes == ["risen"]


def test_scene_finale_timers_off_keeps_every_press() -> None:
    p, lg = finale(timers_off=True)
    for _ in range(lg.spec.taps_per_rope):
        p.tap(Action.CONFIRM)
        p.step(200)
    assert lg.snapped == 1


def test_scene_finale_grows_over_time_up_to_the_ropes_cap() -> None:
    p, lg = finale()
    p.step(30)
    assert START_SIZE < lg.size < lg.cap()
    p.step(600)
    assert lg.size == lg.cap()


def test_scene_finale_is_deterministic() -> None:
    def run() -> dict[str, object]:
        p, lg = finale()
        for i in range(40):
            p.tap(Action.CONFIRM)
            p.step(i % 7)
        return lg.state()

    assert run() == run()
