"""StoryRunner: steps through a level's nodes for the game, emitting events; never draws or blocks.

The host drives it like ink's Continue/ChooseChoiceIndex: every call runs until the story
waits (a line, a choice), hands control back to the scene (RETURNED) or ends (ENDED), and
returns the events produced on the way, in order. Same seed + same calls -> same events.

Position rule: while waiting, ``snapshot()`` is the state *just before* the waiting step ran,
so resuming a save (or rolling back) re-runs that step and shows the same line or choice.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from lm_game.model.expr import EvalError
from lm_game.model.level import (
    STAR,
    Choice,
    Command,
    Condition,
    Do,
    EffectStmt,
    Ending,
    EndLevel,
    Goto,
    Level,
    Option,
    Say,
    SceneChange,
    Step,
)
from lm_game.runtime.events import (
    ChoiceOption,
    ChoicesEvent,
    ChosenEvent,
    CommandEvent,
    EndingEvent,
    Event,
    LevelEndEvent,
    LineEvent,
    NoticeEvent,
    SceneChangeEvent,
)
from lm_game.runtime.history import History, HistoryEntry
from lm_game.runtime.persistent import PersistentData
from lm_game.runtime.saves import SaveData
from lm_game.runtime.state import GameState

ROLLBACK_LIMIT = 100
SCENE_MUSIC = "music"
"""scene_data key: the track a `music` command chose in the current scene (None = silence)."""
SCENE_EMOTIONS = "emotions"
"""scene_data key: actor -> emotion set by `emotion` commands in the current scene."""
MAX_STEPS_PER_CALL = 10_000


class RunnerState(Enum):
    """Where the runner is; the host decides what to do from this and the events."""

    RUNNING = "running"
    WAITING_FOR_CONTINUE = "waiting_for_continue"
    WAITING_FOR_CHOICE = "waiting_for_choice"
    RETURNED = "returned"  # no node running: control is with the scene
    ENDED = "ended"  # level ended (LevelEndEvent) or story ended (EndingEvent)


class RunnerError(RuntimeError):
    """The host called a method that does not fit the current state (a bug in the caller)."""


@dataclass(frozen=True)
class Checkpoint:
    """State just before a line or choice was shown, and the backlog length at that moment."""

    state: dict[str, Any]
    history_total: int


class Rollback:
    """Bounded stack of checkpoints, newest last."""

    def __init__(self, limit: int = ROLLBACK_LIMIT) -> None:
        self._log: deque[Checkpoint] = deque(maxlen=max(1, limit))

    def push(self, checkpoint: Checkpoint) -> None:
        """Record a checkpoint (the oldest falls off past the limit)."""
        self._log.append(checkpoint)

    def pop(self) -> Checkpoint:
        """Remove and return the newest checkpoint."""
        return self._log.pop()

    def peek(self) -> Checkpoint | None:
        """The newest checkpoint, if any."""
        return self._log[-1] if self._log else None

    def clear(self) -> None:
        """Forget every checkpoint (new level, loaded save)."""
        self._log.clear()

    def __len__(self) -> int:
        return len(self._log)


def step_fingerprint(step: Step) -> str:
    """Short hash of a waiting step's text, to notice that a save points at edited content."""
    if isinstance(step, Say):
        text = "say\0" + (step.speaker or "") + "\0" + step.text
    elif isinstance(step, Choice):
        text = "choice\0" + "\0".join(o.text for o in step.options)
    else:
        text = type(step).__name__
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


class StoryRunner:
    """Runs one level's story over a GameState.

    The app calls: ``start_level()`` for a new level (then autosave), ``resume()`` after
    loading a save, ``advance()`` when the player continues a line, ``choose(i)`` /
    ``choose_default()`` at a choice (then autosave), ``run_node(id)`` / ``go_to_scene(id)``
    from gameplay scenes, ``step_back()`` for rollback, ``save_data()`` to save.
    Each returns the events to present, in order. With ``on_autosave`` (e.g.
    ``SaveManager.autosave``) the runner itself autosaves at level start and after each choice.
    """

    def __init__(
        self,
        level: Level,
        game: GameState | None = None,
        *,
        history: History | None = None,
        persistent: PersistentData | None = None,
        rollback_limit: int = ROLLBACK_LIMIT,
        max_steps: int = MAX_STEPS_PER_CALL,
        on_autosave: Callable[[SaveData], object] | None = None,
    ) -> None:
        self.level = level
        self.game = game if game is not None else GameState.new(0, level.id)
        self.history = history if history is not None else History()
        self.persistent = persistent if persistent is not None else PersistentData()
        self.rollback = Rollback(rollback_limit)
        self.max_steps = max_steps
        self.on_autosave = on_autosave
        self.state = RunnerState.RETURNED
        self.current_line: LineEvent | None = None
        self.current_choices: ChoicesEvent | None = None
        self._shown: list[tuple[Option, bool]] = []
        self._checkpoint: Checkpoint | None = None
        self._events: list[Event] = []

    # ------------------------------------------------------------------ host API

    def start_level(self, level: Level | None = None) -> list[Event]:
        """Begin `level` (or the current one) at its start scene; clears rollback."""
        if level is not None:
            self.level = level
        g = self.game
        g.level = self.level.id
        g.finished = None
        g.ending = None
        g.node = None
        g.step = 0
        g.step_check = ""
        self.rollback.clear()
        self._begin()
        self._declare_variables()
        self._enter_scene(self.level.start)
        self._run()
        self._autosave()
        return self._end()

    def resume(self) -> list[Event]:
        """Continue a loaded GameState: re-shows the saved line/choice, or re-enters the scene.

        If the level was edited since the save: a vanished node (or a changed line) resumes at
        the start of its scene, a vanished scene at the level start, each with a NoticeEvent.
        """
        g = self.game
        if g.level != self.level.id:
            raise RunnerError(f"state is in level {g.level!r}, runner has {self.level.id!r}")
        self.rollback.clear()
        self._begin()
        self._declare_variables()
        scene_ids = {s.id for s in self.level.scenes}
        if g.finished == "ending" and g.ending:
            self.state = RunnerState.ENDED
            self._emit(EndingEvent(g.ending))
            return self._end()
        if g.finished == "level":
            self.state = RunnerState.ENDED
            self._emit(LevelEndEvent(self.level.next))
            return self._end()
        if g.scene not in scene_ids:
            self._notice(
                f"The saved scene {g.scene!r} no longer exists; starting this chapter from its beginning.",
                "resume",
            )
            g.node = None
            self._enter_scene(self.level.start)
            self._run()
            return self._end()
        problem = self._position_problem()
        if problem:
            self._notice(problem + " Resuming at the start of the scene.", "resume")
            g.node = None
            self._enter_scene(g.scene)
            self._run()
            return self._end()
        self._emit(SceneChangeEvent(g.scene, self.level.scene(g.scene).transition))
        if g.node is None:
            self.state = RunnerState.RETURNED
            return self._end()
        self.state = RunnerState.RUNNING
        self._run()
        return self._end()

    def advance(self) -> list[Event]:
        """Continue after the current line; no-op when no node is running."""
        if self.state is RunnerState.WAITING_FOR_CHOICE:
            raise RunnerError("the story is waiting for a choice: call choose(i)")
        if self.state is not RunnerState.WAITING_FOR_CONTINUE:
            return []
        self._begin()
        self._leave_wait()
        self.game.step += 1
        self._run()
        return self._end()

    def choose(self, index: int) -> list[Event]:
        """Take option `index` of the current ChoicesEvent (as shown, disabled ones included)."""
        if self.state is not RunnerState.WAITING_FOR_CHOICE:
            raise RunnerError(f"no choice is waiting (state is {self.state.value})")
        if not 0 <= index < len(self._shown):
            raise RunnerError(f"choice index {index} out of range 0..{len(self._shown) - 1}")
        option, enabled = self._shown[index]
        if not enabled:
            raise RunnerError(f"option {index} ({option.text!r}) is disabled")
        choices = self.current_choices
        self._begin()
        self._leave_wait()
        star = self.level.characters.get(STAR)
        self.history.add(
            HistoryEntry(
                "choice", option.text, STAR, star.name if star else None,
                choices.choice_id if choices else "",
            )
        )
        self._emit(ChosenEvent(index, option.text))
        self._apply(option.effects)
        if option.goto is not None:
            self._enter_node(option.goto)
        else:
            self.game.step += 1
        self._run()
        self._autosave()
        return self._end()

    def choose_default(self) -> list[Event]:
        """Take the default option (the app calls this when a choice timer runs out)."""
        if self.current_choices is None or self.current_choices.default_index is None:
            raise RunnerError("no choice is waiting")
        return self.choose(self.current_choices.default_index)

    def run_node(self, node_id: str) -> list[Event]:
        """Start a node from a gameplay scene (hotspot, on_win, ...); counts a visit."""
        self._require_free("run_node")
        self._begin()
        self.state = RunnerState.RUNNING
        if self._enter_node(node_id):
            self._run()
        return self._end()

    def go_to_scene(self, scene_id: str) -> list[Event]:
        """Leave for another scene of this level (hotspot exits); runs its start node."""
        self._require_free("go_to_scene")
        self._begin()
        self.state = RunnerState.RUNNING
        self._enter_scene(scene_id)
        self._run()
        return self._end()

    # ------------------------------------------------------------------ rollback

    def can_step_back(self) -> bool:
        """Whether an earlier line or choice is available to return to."""
        needed = 2 if self._at_current_checkpoint() else 1
        return len(self.rollback) >= needed

    def step_back(self) -> list[Event]:
        """Return to the previous line or choice, restoring the exact state there (play time runs on)."""
        if not self.can_step_back():
            return []
        if self._at_current_checkpoint():
            self.rollback.pop()
        target = self.rollback.pop()
        before_scene = self.game.scene
        play_time = self.game.play_time
        self._begin()
        self._leave_wait()
        self.game.assign(GameState.from_dict(target.state))
        self.game.play_time = play_time
        self.history.truncate(target.history_total)
        if self.game.scene != before_scene:
            self._emit(SceneChangeEvent(self.game.scene, self._transition(self.game.scene)))
        self.state = RunnerState.RUNNING
        self._run()
        return self._end()

    # ------------------------------------------------------------------ saving

    def snapshot(self) -> dict[str, Any]:
        """The state to save: while waiting, the state just before the waiting step."""
        if self._checkpoint is not None and self.state in (
            RunnerState.WAITING_FOR_CONTINUE,
            RunnerState.WAITING_FOR_CHOICE,
        ):
            data = GameState.from_dict(self._checkpoint.state).to_dict()
            data["play_time"] = self.game.play_time
            return data
        return self.game.to_dict()

    def save_data(self) -> SaveData:
        """Everything SaveManager needs: snapshot, backlog up to it, titles, last line."""
        upto = self._checkpoint.history_total if self._waiting() and self._checkpoint else None
        scene_title = ""
        try:
            scene = self.level.scene(self.game.scene)
            scene_title = scene.title or scene.id
        except KeyError:
            pass
        last = ""
        if self.current_line is not None:
            last = self.current_line.text
        else:
            lines = [e for e in self.history.entries() if e.kind == "line"]
            last = lines[-1].text if lines else ""
        return SaveData(
            state=self.snapshot(),
            history=self.history.to_list(upto),
            level_title=self.level.title,
            scene_title=scene_title,
            last_line=last,
        )

    # ------------------------------------------------------------------ internals

    def _autosave(self) -> None:
        if self.on_autosave is not None:
            self.on_autosave(self.save_data())

    def _begin(self) -> None:
        self._events = []

    def _end(self) -> list[Event]:
        events, self._events = self._events, []
        return events

    def _emit(self, event: Event) -> None:
        self._events.append(event)

    def _notice(self, message: str, kind: str = "info") -> None:
        self._emit(NoticeEvent(message, kind))

    def _waiting(self) -> bool:
        return self.state in (RunnerState.WAITING_FOR_CONTINUE, RunnerState.WAITING_FOR_CHOICE)

    def _at_current_checkpoint(self) -> bool:
        return self._waiting() and self._checkpoint is not None

    def _require_free(self, what: str) -> None:
        if self._waiting():
            raise RunnerError(f"{what}: a node is already waiting for the player")
        if self.state is RunnerState.ENDED:
            raise RunnerError(f"{what}: the level has ended; call start_level() for the next one")

    def _leave_wait(self) -> None:
        self.current_line = None
        self.current_choices = None
        self._shown = []
        self._checkpoint = None
        self.game.step_check = ""
        self.state = RunnerState.RUNNING

    def _transition(self, scene_id: str) -> str:
        try:
            return self.level.scene(scene_id).transition
        except KeyError:
            return "fade"

    def _declare_variables(self) -> None:
        for var in self.level.variables.values():
            if self.game.declare(var.id, var.default):
                self._notice(
                    f"Variable {var.id!r} had a value of the wrong type; reset to {var.default!r}.",
                    "resume",
                )

    def _position_problem(self) -> str:
        g = self.game
        if g.node is None:
            return ""
        node = self.level.nodes.get(g.node)
        if node is None:
            return f"The saved story point {g.node!r} no longer exists."
        if g.step >= len(node.steps):
            return f"The saved line in {g.node!r} no longer exists."
        if g.step_check and step_fingerprint(node.steps[g.step]) != g.step_check:
            return f"The saved line in {g.node!r} has changed."
        return ""

    def _holds(self, cond: Condition | None) -> bool:
        if cond is None:
            return True
        try:
            return cond.holds(self.game)
        except EvalError as exc:
            self._notice(f"condition {cond.text!r} failed ({exc}); treated as false", "error")
            return False

    def _apply(self, effects: tuple[EffectStmt, ...]) -> None:
        for effect in effects:
            try:
                effect.apply(self.game)
            except EvalError as exc:
                self._notice(f"effect {effect.text!r} failed ({exc}); skipped", "error")

    def _return(self) -> None:
        g = self.game
        g.node = None
        g.step = 0
        g.step_check = ""
        self.state = RunnerState.RETURNED

    def _enter_node(self, node_id: str) -> bool:
        if node_id not in self.level.nodes:
            self._notice(f"node {node_id!r} does not exist in level {self.level.id!r}", "error")
            self._return()
            return False
        self.game.count_visit(node_id)
        self.game.node = node_id
        self.game.step = 0
        self.game.step_check = ""
        self.state = RunnerState.RUNNING
        return True

    def _enter_scene(self, scene_id: str) -> None:
        try:
            scene = self.level.scene(scene_id)
        except KeyError:
            self._notice(f"scene {scene_id!r} does not exist in level {self.level.id!r}", "error")
            self._return()
            return
        g = self.game
        g.scene = scene.id
        g.scene_data = {}
        self._emit(SceneChangeEvent(scene.id, scene.transition))
        if scene.start:
            self._enter_node(scene.start)
        else:
            self._return()

    def _run(self) -> None:
        budget = self.max_steps
        while self.state is RunnerState.RUNNING:
            g = self.game
            node = self.level.nodes.get(g.node) if g.node is not None else None
            if node is None:
                if g.node is not None:
                    self._notice(f"node {g.node!r} does not exist", "error")
                self._return()
                return
            if g.step >= len(node.steps):
                self._return()
                return
            budget -= 1
            if budget < 0:
                self._notice(
                    f"node {node.id!r}: {self.max_steps} steps without a line or choice "
                    "(a goto loop?); stopped",
                    "error",
                )
                self._return()
                return
            self._execute(node.id, g.step, node.steps[g.step])

    def _execute(self, node_id: str, index: int, step: Step) -> None:
        g = self.game
        checkpoint: Checkpoint | None = None
        if isinstance(step, (Say, Choice)):
            g.step_check = step_fingerprint(step)
            checkpoint = Checkpoint(g.to_dict(), self.history.total)
        if not self._holds(step.cond):
            g.step += 1
            g.step_check = ""
            return
        if isinstance(step, Say):
            assert checkpoint is not None
            self._say(node_id, index, step, checkpoint)
        elif isinstance(step, Choice):
            assert checkpoint is not None
            self._choice(node_id, index, step, checkpoint)
        elif isinstance(step, Do):
            self._apply(step.effects)
            g.step += 1
        elif isinstance(step, Goto):
            self._enter_node(step.target)
        elif isinstance(step, SceneChange):
            self._enter_scene(step.scene)
        elif isinstance(step, Command):
            args = dict(step.args)
            item = args.get("item")
            if step.name == "give" and isinstance(item, str):
                g.give(item)
            elif step.name == "take" and isinstance(item, str):
                g.take(item)
            elif step.name == "music":  # remembered for the scene, so a loaded save plays it again
                track = args.get("track")
                g.scene_data[SCENE_MUSIC] = track if isinstance(track, str) else None
            elif step.name == "emotion" and isinstance(args.get("actor"), str) and isinstance(args.get("emotion"), str):
                faces = g.scene_data.get(SCENE_EMOTIONS)
                faces = dict(faces) if isinstance(faces, dict) else {}
                faces[str(args["actor"])] = str(args["emotion"])
                g.scene_data[SCENE_EMOTIONS] = faces
            self._emit(CommandEvent(step.name, args))
            g.step += 1
        elif isinstance(step, EndLevel):
            self._return()
            g.finished = "level"
            self.state = RunnerState.ENDED
            self._emit(LevelEndEvent(self.level.next))
        elif isinstance(step, Ending):
            self._return()
            g.finished = "ending"
            g.ending = step.ending
            self.persistent.endings_seen.add(step.ending)
            self.state = RunnerState.ENDED
            self._emit(EndingEvent(step.ending))
        else:  # pragma: no cover - the model has no other step kinds
            self._notice(f"unknown step {type(step).__name__}; skipped", "error")
            g.step += 1

    def _wait(self, checkpoint: Checkpoint, state: RunnerState) -> None:
        self._checkpoint = checkpoint
        self.rollback.push(checkpoint)
        self.state = state

    def _say(self, node_id: str, index: int, step: Say, checkpoint: Checkpoint) -> None:
        character = self.level.characters.get(step.speaker) if step.speaker else None
        name = character.name if character else step.speaker
        line_id = f"{self.level.id}:{node_id}:{index}"
        seen = line_id in self.persistent.seen_lines
        self.persistent.seen_lines.add(line_id)
        emotion = step.emotion or ("neutral" if step.speaker else None)
        event = LineEvent(step.speaker, step.text, emotion, line_id, name, seen)
        self.history.add(HistoryEntry("line", step.text, step.speaker, name, line_id))
        self.current_line = event
        self._emit(event)
        self._wait(checkpoint, RunnerState.WAITING_FOR_CONTINUE)

    def _choice(self, node_id: str, index: int, step: Choice, checkpoint: Checkpoint) -> None:
        shown: list[tuple[Option, bool]] = []
        for option in step.options:
            enabled = self._holds(option.cond)
            if enabled or option.show_disabled:
                shown.append((option, enabled))
        enabled_indices = [i for i, (_, ok) in enumerate(shown) if ok]
        if not enabled_indices:
            self.game.step += 1  # nothing can be chosen: the node goes on
            self.game.step_check = ""
            return
        default = next((i for i, (o, ok) in enumerate(shown) if ok and o.default), None)
        views = tuple(
            ChoiceOption(i, o.text, ok, i == default) for i, (o, ok) in enumerate(shown)
        )
        event = ChoicesEvent(
            views,
            step.timer,
            default if default is not None else enabled_indices[0],
            f"{self.level.id}:{node_id}:{index}",
        )
        self._shown = shown
        self.current_choices = event
        self._emit(event)
        self._wait(checkpoint, RunnerState.WAITING_FOR_CHOICE)
