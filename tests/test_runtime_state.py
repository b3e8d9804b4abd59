"""GameState: the expression environment, meter clamping, seeded RNG, strict from_dict."""

from __future__ import annotations

import pytest

from lm_game.model.expr import EvalError, apply_effect, evaluate, parse_condition, parse_effect
from lm_game.runtime.state import STATE_VERSION, GameState, StateError


def test_runtime_state_meters_start_at_five_and_clamp() -> None:
    state = GameState.new(1, "front_page")
    assert state.get_var("peace") == 5 and state.get_var("spotlight") == 5
    apply_effect(parse_effect("peace += 20"), state)
    apply_effect(parse_effect("spotlight -= 99"), state)
    assert state.meters == {"spotlight": 0, "peace": 10}
    with pytest.raises(EvalError):
        state.set_var("peace", "calm")


def test_runtime_state_env_protocol_through_the_evaluator() -> None:
    state = GameState.new(1, "front_page")
    state.declare("mood", "calm")
    assert evaluate(parse_condition('mood == "calm" and not has("ticket")'), state) is True
    apply_effect(parse_effect('give("ticket")'), state)
    apply_effect(parse_effect('give("ticket")'), state)
    assert state.inventory == ["ticket"]
    state.count_visit("booth")
    state.count_visit("booth")
    assert evaluate(parse_condition('visits("booth") == 2 and seen("booth")'), state) is True
    assert state.visits("front_page:booth") == 2 and not state.seen("gate")
    apply_effect(parse_effect('take("ticket")'), state)
    apply_effect(parse_effect('take("ticket")'), state)
    assert state.inventory == []
    with pytest.raises(EvalError, match="unknown variable"):
        state.get_var("nope")


def test_runtime_state_declare_resets_wrong_types_only() -> None:
    state = GameState.new(1)
    assert state.declare("count", 0) is False and state.variables["count"] == 0
    state.variables["count"] = 3
    assert state.declare("count", 0) is False and state.variables["count"] == 3
    state.variables["count"] = "three"
    assert state.declare("count", 0) is True and state.variables["count"] == 0
    state.variables["flag"] = 1
    assert state.declare("flag", False) is True  # bool and int are different types
    assert state.declare("peace", 0) is False


def test_runtime_state_rng_is_seeded_and_counts() -> None:
    a, b = GameState.new(99), GameState.new(99)
    rolls_a = [a.random(1, 6) for _ in range(50)]
    assert rolls_a == [b.random(1, 6) for _ in range(50)]
    assert a.rng_counter == 50 and set(rolls_a) <= set(range(1, 7)) and len(set(rolls_a)) > 3
    c = GameState.from_dict(a.to_dict())
    assert c.random(1, 1000) == a.random(1, 1000)
    assert GameState.new(100).random(0, 10**9) != GameState.new(99).random(0, 10**9)
    assert a.random(5, 5) == 5 and 1 <= a.random(3, 1) <= 3


def test_runtime_state_rng_values_are_stable_across_versions() -> None:
    state = GameState.new(12345)
    assert [state.random(1, 100) for _ in range(5)] == [40, 68, 22, 39, 46]


def test_runtime_state_roundtrip_and_version_checks() -> None:
    state = GameState.new(7, "front_page")
    state.scene, state.node, state.step = "gate", "intro", 3
    state.add_play_time(1.5)
    state.add_play_time(float("nan"))
    data = state.to_dict()
    assert data["version"] == STATE_VERSION
    assert GameState.from_dict(data) == state
    with pytest.raises(StateError, match="newer"):
        GameState.from_dict({**data, "version": STATE_VERSION + 1})
    with pytest.raises(StateError, match="too old"):
        GameState.from_dict({**data, "version": 0})


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("seed",), -1, "state.seed"),
        (("position", "node"), "Bad Id", "state.position.node"),
        (("position", "finished"), "maybe", "finished"),
        (("variables",), {"x": [1]}, "state.variables.x"),
        (("variables",), {"x": 10**20}, "state.variables.x"),
        (("inventory",), "ticket", "state.inventory"),
        (("visits",), {"nolevel": 1}, "level:node"),
        (("play_time",), -5, "play_time"),
        (("scene_data",), {"a": {"b": float("inf")}}, "non-finite"),
    ],
)
def test_runtime_state_from_dict_names_the_bad_field(path: tuple[str, ...], value: object, message: str) -> None:
    data = GameState.new(1, "front_page").to_dict()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(StateError, match=message):
        GameState.from_dict(data)


def test_runtime_state_meters_out_of_range_in_data_are_clamped() -> None:
    data = GameState.new(1).to_dict()
    data["meters"] = {"peace": 99}
    state = GameState.from_dict(data)
    assert state.meters == {"spotlight": 5, "peace": 10}
