"""Dodge scenes: waves, dash, hits, words, win, lose-and-restart, difficulty, determinism."""

from __future__ import annotations

import math

from lm_game.input.actions import Action
from lm_game.runtime.settings import Settings
from lm_game.scenes.dodge import LOSE_PAUSE, DodgeLogic
from lm_game.testing.autoplay import dodge_directions
from tests.test_scene_support import Play


def dodge(seed: int = 0, **settings: object) -> tuple[Play, DodgeLogic]:
    p = Play("dodge", seed=seed, settings=Settings(**settings))  # type: ignore[arg-type]
    assert isinstance(p.logic, DodgeLogic)
    return p, p.logic


def steer(p: Play, lg: DodgeLogic) -> None:
    """One frame of the scripted dodger (lm_game.testing.autoplay)."""
    p.host.held = set(dodge_directions(lg))
    p.step()


def test_scene_dodge_win_by_scripted_dodging() -> None:
    p, lg = dodge()
    while lg.phase == "play":
        steer(p, lg)
    assert lg.phase == "won"
    assert lg.collected == ["LEAVE", "ME", "ALONE."]
    assert lg.composure > 0 and lg.retries == 0
    assert abs(lg.time - lg.spec.duration) < 0.05
    p.run_until(lambda: p.host.nodes == ["ride_won"], limit=120)
    assert p.host.ended == "level"


def test_scene_dodge_standing_still_loses_and_restarts_with_nothing_lost() -> None:
    p, lg = dodge()
    start = p.host.state.to_dict()
    # something changes the state mid-segment (a node, a cheat, a bug): losing must put it back
    p.step(30)
    p.host.state.give("ticket")
    p.host.state.set_var("peace", 9)
    p.host.state.random(1, 6)
    p.run_until(lambda: lg.phase == "lost", limit=60 * 20)
    assert lg.composure <= 0 or len(lg.collected) < lg.spec.collect_goal
    p.step(round(LOSE_PAUSE * 60) + 1)
    assert lg.retries == 1 and lg.phase == "play" and lg.time < 0.05
    assert lg.composure == lg.composure_max and lg.collected == [] and lg.projectiles == []
    assert p.host.nodes == ["ride_lost"]  # the lose node runs after the state is restored
    now = p.host.state.to_dict()
    for key in ("variables", "meters", "inventory", "rng_counter", "seed"):
        assert now[key] == start[key], key
    # the same waves come again: the RNG was restored too
    first = lg.state()
    p.step(200)
    p2, lg2 = dodge()
    p2.run_until(lambda: abs(lg2.time - lg.time) < 1e-9)
    assert lg.state()["projectiles"] == lg2.state()["projectiles"] != first["projectiles"]


def test_scene_dodge_hits_cost_composure_with_grace_time() -> None:
    p, lg = dodge()
    p.step(61)  # the headline line is in the air
    proj = lg.projectiles[0]
    lg.x, lg.y = proj.x, proj.y
    p.step()
    assert lg.composure == lg.composure_max - 1 and lg.invulnerable > 0
    for pr in lg.projectiles:
        lg.x, lg.y = pr.x, pr.y
        p.step()
    assert lg.composure == lg.composure_max - 1  # still within the grace time
    assert ("sfx", {"sound": "sfx/hit.ogg"}) in p.host.commands
    assert any(c[0] == "shake" for c in p.host.commands)


def test_scene_dodge_reduced_motion_sends_no_shake() -> None:
    p, lg = dodge(reduced_motion=True)
    p.run_until(lambda: lg.phase == "lost", limit=60 * 20)
    assert not any(c[0] == "shake" for c in p.host.commands)


def test_scene_dodge_flashes_are_requests_to_the_host() -> None:
    p, lg = dodge()
    p.step(60 * 4)
    flashes = [args for name, args in p.host.commands if name == "flash"]
    assert flashes and all(a["count"] == 1 for a in flashes)  # the limiter decides what is shown


def test_scene_dodge_difficulty_scales_composure_and_speed() -> None:
    speeds = {}
    for diff, composure in (("easy", 6), ("normal", 3), ("hard", 2)):
        p, lg = dodge(dodge_difficulty=diff)
        assert lg.composure_max == composure
        assert lg.difficulty_name() == diff
        p.step(61)
        speeds[diff] = math.hypot(lg.projectiles[0].vx, lg.projectiles[0].vy)
    assert speeds["easy"] < speeds["normal"] < speeds["hard"]
    assert abs(speeds["normal"] - 150) < 1e-6


def test_scene_dodge_dash_is_fast_brief_and_cools_down() -> None:
    p, lg = dodge()
    p.host.held = {"left"}
    p.step(2)
    x0 = lg.x
    assert p.press(Action.DASH)
    assert lg.invulnerable > 0
    p.step(9)
    dashed = x0 - lg.x
    assert dashed > 80  # 620 px/s for 0.16 s, then walking
    assert not p.press(Action.DASH)  # cooling down
    p.step(60)
    assert p.press(Action.DASH) and lg.dashes == 2


def test_scene_dodge_pointer_steers_and_double_tap_dashes() -> None:
    p, lg = dodge()
    p.press(Action.CONFIRM, (300.0, 380.0))
    p.step(30)
    assert lg.x < 480 - 100
    p.release(Action.CONFIRM, (300.0, 380.0))
    x = lg.x
    p.step(10)
    assert lg.x == x  # released: stands still
    p.press(Action.CONFIRM, (800.0, 380.0))
    p.release(Action.CONFIRM, (800.0, 380.0))
    p.step()
    p.press(Action.CONFIRM, (800.0, 380.0))
    assert lg.dashes == 1


def test_scene_dodge_is_deterministic_for_a_seed() -> None:
    def run(seed: int) -> dict[str, object]:
        p, lg = dodge(seed=seed)
        for i in range(700):
            p.host.held = {"left"} if (i // 40) % 2 else {"right", "up"}
            if i % 97 == 0:
                p.press(Action.DASH)
            p.step()
        return {**lg.state(), "state": p.host.state.to_dict()}

    assert run(3) == run(3)
    assert run(3)["projectiles"] != run(4)["projectiles"]
