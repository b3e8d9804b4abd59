"""Rollback: stepping back restores exactly the state recorded at each earlier line or choice."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lm_game.content.loader import load_level
from lm_game.model.level import Level
from lm_game.runtime import GameState, RunnerState, SceneChangeEvent, StoryRunner
from lm_game.runtime.transcript import describe

DEMO = Path(__file__).resolve().parent / "levels_good" / "runtime_demo.json"


@cache
def demo() -> Level:
    return load_level(DEMO)


def record(runner: StoryRunner) -> tuple[dict, dict, list[str], RunnerState]:  # type: ignore[type-arg]
    return (
        runner.snapshot(),
        runner.game.to_dict(),
        [e.text for e in runner.history],
        runner.state,
    )


def run_recording(actions: list[int | str], seed: int = 4) -> tuple[StoryRunner, list[tuple]]:  # type: ignore[type-arg]
    """Play, recording the state at every stop (line or choice)."""
    runner = StoryRunner(demo(), GameState.new(seed, "runtime_demo"))
    runner.start_level()
    stops = [record(runner)]
    pending = list(actions)
    while True:
        if runner.state is RunnerState.WAITING_FOR_CONTINUE:
            runner.advance()
        elif runner.state is RunnerState.WAITING_FOR_CHOICE and pending:
            runner.choose(int(pending.pop(0)))
        elif runner.state is RunnerState.RETURNED and pending:
            runner.run_node(str(pending.pop(0)))
        else:
            break
        if runner.state in (RunnerState.WAITING_FOR_CONTINUE, RunnerState.WAITING_FOR_CHOICE):
            stops.append(record(runner))
    return runner, stops


def test_rollback_step_back_n_times_restores_each_recorded_state() -> None:
    runner, stops = run_recording([1, 0, "mailbox", "gate"])
    assert runner.state is RunnerState.WAITING_FOR_CHOICE and runner.game.scene == "finale"
    assert len(stops) == 16
    for n in range(1, len(stops)):
        assert runner.can_step_back()
        runner.step_back()
        assert record(runner) == stops[-1 - n]
    assert not runner.can_step_back()
    assert runner.step_back() == []


def test_rollback_then_choose_differently() -> None:
    runner, _ = run_recording([1, 0])
    assert runner.game.has("ticket")
    while runner.state is not RunnerState.WAITING_FOR_CHOICE:
        runner.step_back()
    assert runner.current_choices is not None
    assert [o.text for o in runner.current_choices.options][:2] == ["Get off my porch.", "I just want my sofa."]
    assert runner.history.entries()[-1].text == "What'll it be?"
    events = runner.choose(2)  # the contract: enabled on the second visit
    assert describe(events)[0] == "> Show me the contract."
    assert not runner.game.has("ticket") and runner.game.variables["signed"] is True
    assert runner.game.meters == {"spotlight": 5, "peace": 6}


def test_rollback_across_a_scene_change_announces_the_scene() -> None:
    runner, _ = run_recording([1, 0])
    assert runner.game.scene == "yard" and runner.state is RunnerState.RETURNED
    assert describe(runner.step_back()) == ["say -: The yard is full of cameras."]
    events = runner.step_back()
    assert isinstance(events[0], SceneChangeEvent) and events[0].scene_id == "booth"
    assert runner.game.scene == "booth" and runner.game.node == "angry"


def test_rollback_from_free_play_returns_to_the_last_line() -> None:
    runner, stops = run_recording([1, 0])
    assert runner.state is RunnerState.RETURNED  # after "The yard is full of cameras."
    runner.step_back()
    assert record(runner) == stops[-1]


def test_rollback_is_bounded_and_cleared_on_level_start() -> None:
    runner = StoryRunner(demo(), GameState.new(1, "runtime_demo"), rollback_limit=3)
    runner.start_level()
    for _ in range(4):
        runner.advance()
    assert len(runner.rollback) == 3
    runner.step_back()
    runner.step_back()
    assert not runner.can_step_back()
    runner.start_level()
    assert len(runner.rollback) == 1 and not runner.can_step_back()


def test_rollback_keeps_play_time_running() -> None:
    runner, _ = run_recording([1])
    runner.game.add_play_time(30.0)
    runner.step_back()
    assert runner.game.play_time == 30.0


@settings(max_examples=120, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=40), st.integers(0, 2**32))
def test_rollback_property_random_walk_matches_recorded_stack(moves: list[int], seed: int) -> None:
    """Moves: 0-1 step back, 2-9 go forward (advance, or choose an enabled option, or run a node)."""
    runner = StoryRunner(demo(), GameState.new(seed, "runtime_demo"))
    runner.start_level()
    stack = [record(runner)]
    for move in moves:
        if move <= 1:
            if runner.can_step_back():
                if runner.state in (RunnerState.WAITING_FOR_CONTINUE, RunnerState.WAITING_FOR_CHOICE):
                    stack.pop()
                runner.step_back()
                assert record(runner) == stack[-1]
            continue
        if runner.state is RunnerState.WAITING_FOR_CONTINUE:
            runner.advance()
        elif runner.state is RunnerState.WAITING_FOR_CHOICE:
            assert runner.current_choices is not None
            enabled = [o.index for o in runner.current_choices.options if o.enabled]
            runner.choose(enabled[move % len(enabled)])
        elif runner.state is RunnerState.RETURNED:
            runner.run_node(["mailbox", "gate", "yard_arrive"][move % 3])
        else:
            continue
        if runner.state in (RunnerState.WAITING_FOR_CONTINUE, RunnerState.WAITING_FOR_CHOICE):
            stack.append(record(runner))
