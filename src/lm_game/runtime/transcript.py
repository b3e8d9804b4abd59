"""Scripted playthroughs: drive a StoryRunner with a list of actions, get one text line per event.

Used by the transcript tests (tests/transcripts/*.json) and usable for replays. Actions:
an int (choose that option), ``"default"`` (timer ran out), ``"back"`` (roll back to the
previous choice, line by line),
``"run NODE"``, ``"scene SCENE"``, ``"hotspot ID"`` (interact with a visible hotspot of the
current explore scene: its node, then its exit if it has one), ``"win"`` / ``"lose"`` (the current scene's on_win /
on_lose node), ``"then"`` (the current cutscene's ``then`` node).
Lines are continued automatically; the run stops when the actions run out at a choice or
when control is back with a scene, or when the story ends.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from lm_game.model.level import Level
from lm_game.runtime.events import Event
from lm_game.runtime.runner import RunnerError, RunnerState, StoryRunner
from lm_game.runtime.state import GameState

Action = int | str


class ScriptError(ValueError):
    """An action that does not fit the story's state at that point."""


@dataclass
class Transcript:
    """What a scripted run produced."""

    lines: list[str] = field(default_factory=list)
    runner: StoryRunner | None = None
    unused_actions: list[Action] = field(default_factory=list)


def describe(events: Iterable[Event]) -> list[str]:
    """One transcript line per event."""
    return [e.describe() for e in events]


def _scene_node(runner: StoryRunner, which: str) -> str | None:
    scene = runner.level.scene(runner.game.scene)
    spec = scene.spec
    if which == "then":
        return scene.cutscene.then if scene.cutscene else None
    return getattr(spec, which, None) if spec is not None else None


def _back_to_choice(runner: StoryRunner) -> list[Event]:
    """Step back until an earlier choice is showing (or nothing is left to step back to)."""
    events: list[Event] = []
    if not runner.can_step_back():
        raise ScriptError("'back': nothing to step back to")
    while runner.can_step_back():
        events += runner.step_back()
        if runner.state is RunnerState.WAITING_FOR_CHOICE:
            break
    return events


def _free_action(runner: StoryRunner, action: str, exits: list[str]) -> list[Event]:
    """Run a free-play action; a hotspot with both node and exit appends its exit to `exits`."""
    verb, _, arg = action.partition(" ")
    arg = arg.strip()
    if verb == "run" and arg:
        return runner.run_node(arg)
    if verb == "scene" and arg:
        return runner.go_to_scene(arg)
    if verb == "hotspot" and arg:
        scene = runner.level.scene(runner.game.scene)
        if scene.explore is None:
            raise ScriptError(f"'hotspot {arg}': scene {scene.id!r} is not an explore scene")
        for spot in scene.explore.hotspots:
            if spot.id == arg:
                if spot.cond is not None and not spot.cond.holds(runner.game):
                    raise ScriptError(f"hotspot {arg!r} is hidden now ({spot.cond.text})")
                if spot.node:
                    if spot.exit:
                        exits.append(spot.exit)
                    return runner.run_node(spot.node)
                if spot.exit:
                    return runner.go_to_scene(spot.exit)
                raise ScriptError(f"hotspot {arg!r} has no node and no exit")
        raise ScriptError(f"scene {scene.id!r} has no hotspot {arg!r}")
    if verb in ("win", "lose", "then") and not arg:
        node = _scene_node(runner, "on_" + verb if verb != "then" else "then")
        if node is None:
            raise ScriptError(f"'{verb}': scene {runner.game.scene!r} has no such node")
        return runner.run_node(node)
    if verb == "back":
        return _back_to_choice(runner)
    raise ScriptError(f"action {action!r} does not fit here (state {runner.state.value})")


def play(
    level: Level,
    actions: Iterable[Action],
    *,
    seed: int = 0,
    runner: StoryRunner | None = None,
    resume: bool = False,
    max_events: int = 5000,
) -> Transcript:
    """Start `level` (or, with `resume`, continue the runner's loaded state) and follow `actions`."""
    if runner is None:
        runner = StoryRunner(level, GameState.new(seed, level.id))
    out = Transcript(runner=runner)
    pending = deque(actions)

    def record(events: list[Event]) -> None:
        out.lines.extend(describe(events))

    record(runner.resume() if resume else runner.start_level(level))
    exits: list[str] = []
    while len(out.lines) < max_events:
        state = runner.state
        try:
            if state is RunnerState.RETURNED and exits:
                record(runner.go_to_scene(exits.pop()))
                continue
            if state is RunnerState.WAITING_FOR_CONTINUE:
                record(runner.advance())
                continue
            if not pending:
                break
            action = pending.popleft()
            if state is RunnerState.WAITING_FOR_CHOICE:
                if action == "default":
                    record(runner.choose_default())
                elif action == "back":
                    record(_back_to_choice(runner))
                elif isinstance(action, int) and not isinstance(action, bool):
                    record(runner.choose(action))
                else:
                    raise ScriptError(f"at a choice, expected an option index, got {action!r}")
            elif state is RunnerState.RETURNED:
                if not isinstance(action, str):
                    raise ScriptError(f"no choice is showing; action {action!r} does not fit")
                record(_free_action(runner, action, exits))
            else:
                if action == "back":
                    record(_back_to_choice(runner))
                    continue
                pending.appendleft(action)
                break
        except RunnerError as exc:
            raise ScriptError(str(exc)) from exc
    out.unused_actions = list(pending)
    return out
