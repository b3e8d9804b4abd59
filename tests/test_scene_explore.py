"""Explore scenes: walking, focus, hover, item use, exits (pure logic, fake host)."""

from __future__ import annotations

from lm_game.input.actions import Action
from lm_game.scenes.explore import ExploreLogic
from tests.test_scene_support import Play


def explore(seed: int = 0) -> tuple[Play, ExploreLogic]:
    p = Play("explore", seed=seed)
    assert isinstance(p.logic, ExploreLogic)
    return p, p.logic


def test_scene_explore_win_by_keys() -> None:
    p, lg = explore()
    assert lg.focus is None
    p.hold([Action.LEFT], 80)  # to Dot
    p.step()
    assert lg.focus == "fan"
    p.tap(Action.CONFIRM)
    assert p.host.nodes == ["fan_talk"] and p.host.state.has("ticket")
    p.step(2)
    assert "fan" not in [h.id for h in lg.visible_hotspots()]  # hidden once its condition is false
    p.hold([Action.RIGHT], 70)
    p.step()
    assert lg.focus == "booth"
    p.tap(Action.CONFIRM)
    assert p.host.nodes[-1] == "use_ticket"  # holding the ticket, the booth runs its use node
    assert p.host.state.get_var("booth_open") is True and not p.host.state.has("ticket")
    assert p.host.state.meters["peace"] == 6
    p.step(2)
    assert [h.id for h in lg.visible_hotspots()] == ["turnstile"]
    p.hold([Action.RIGHT], 90)
    p.step()
    assert lg.focus == "turnstile"
    p.tap(Action.CONFIRM)
    assert p.host.scenes == ["inside"]


def test_scene_explore_without_the_item_runs_the_plain_node() -> None:
    p, lg = explore()
    p.step()
    assert lg.focus == "booth"  # the Star starts in front of it
    p.tap(Action.CONFIRM)
    assert p.host.nodes == ["booth_shut"]
    assert p.host.state.get_var("booth_open") is False  # nothing changed: retry by talking to Dot


def test_scene_explore_pointer_hover_click_to_walk_and_interact() -> None:
    p, lg = explore()
    p.press(Action.POINT, (200, 350))
    assert lg.hover == "fan"
    view = lg.view()
    assert [h.id for h in view.hotspots if h.hovered] == ["fan"]
    p.press(Action.CONFIRM, (200, 350))  # far away: walk there, then talk
    assert lg.target is not None and p.host.nodes == []
    p.run_until(lambda: p.host.nodes == ["fan_talk"], limit=600)
    assert p.host.state.has("ticket")
    # a click on the floor only walks
    p.step(2)
    p.press(Action.CONFIRM, (700, 470))
    p.run_until(lambda: lg.target is None, limit=600)
    assert abs(lg.x - 700) < 1 and abs(lg.y - 470) < 1
    assert p.host.nodes == ["fan_talk"]


def test_scene_explore_walk_bounds_and_depth_scale() -> None:
    p, lg = explore()
    p.hold([Action.UP, Action.LEFT], 400)
    bx, by, _, _ = lg.spec.walk_bounds
    assert (lg.x, lg.y) == (bx, by)
    assert abs(lg.depth_scale() - lg.spec.depth_scale[0]) < 1e-9
    p.hold([Action.DOWN], 300)
    assert abs(lg.depth_scale() - lg.spec.depth_scale[1]) < 1e-9
    assert lg.view().player.frame == "idle"


def test_scene_explore_directions_cancel_a_walk_target() -> None:
    p, lg = explore()
    p.press(Action.CONFIRM, (800, 470))
    p.step(5)
    p.hold([Action.LEFT], 5)
    assert lg.target is None


def test_scene_explore_is_deterministic() -> None:
    def run() -> dict[str, object]:
        p, lg = explore(seed=7)
        p.hold([Action.LEFT], 30)
        p.press(Action.CONFIRM, (820, 470))
        p.step(100)
        p.hold([Action.UP], 20)
        return {**lg.state(), "state": p.host.state.to_dict()}

    assert run() == run()
