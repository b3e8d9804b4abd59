"""A tiny SceneHost for scene-logic tests: runs nodes instantly (no display, no runner)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lm_game.content.loader import load_level
from lm_game.input.actions import Action, InputEvent
from lm_game.model.level import Choice, Command, Do, Ending, EndLevel, Goto, Level, Say, SceneChange, holds
from lm_game.runtime.settings import Settings
from lm_game.runtime.state import GameState
from lm_game.scenes import create_logic
from lm_game.scenes.base import SceneLogic

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "levels" / "examples"
STEP = 1.0 / 60.0


class FakeHost:
    """Records what the logic asks for; a node runs at once and the scene resumes on the next step."""

    def __init__(self, level: Level, seed: int = 0, settings: Settings | None = None) -> None:
        self.level = level
        self.state = GameState.new(seed, level.id)
        for var in level.variables.values():
            self.state.declare(var.id, var.default)
        self.settings = settings or Settings()
        self.held: set[str] = set()
        self.nodes: list[str] = []
        self.scenes: list[str] = []
        self.commands: list[tuple[str, dict[str, Any]]] = []
        self.lines: list[str] = []
        self.ended: str | None = None
        self.music: float | None = None
        self.pending_resume = False

    def run_node(self, node_id: str) -> None:
        """Run a node to its end (choices take their first available option)."""
        self.nodes.append(node_id)
        if self._run(node_id):
            self.pending_resume = True

    def _run(self, node_id: str) -> bool:
        """True when the node ran off its end (control returns to the scene)."""
        self.state.count_visit(node_id)
        for step in self.level.node(node_id).steps:
            if not holds(step.cond, self.state):
                continue
            if isinstance(step, Say):
                self.lines.append(step.text)
            elif isinstance(step, Do):
                for eff in step.effects:
                    eff.apply(self.state)
            elif isinstance(step, Command):
                if step.name in ("give", "take"):
                    getattr(self.state, step.name)(str(step.args["item"]))
                else:
                    self.command(step.name, step.args)
            elif isinstance(step, Choice):
                opt = next(o for o in step.options if holds(o.cond, self.state))
                for eff in opt.effects:
                    eff.apply(self.state)
                if opt.goto:
                    return self._run(opt.goto)
            elif isinstance(step, Goto):
                return self._run(step.target)
            elif isinstance(step, SceneChange):
                self.scenes.append(step.scene)
                return False
            elif isinstance(step, EndLevel):
                self.ended = "level"
                return False
            elif isinstance(step, Ending):
                self.ended = step.ending
                return False
        return True

    def goto_scene(self, scene_id: str) -> None:
        self.scenes.append(scene_id)

    def command(self, name: str, args: Mapping[str, Any] | None = None) -> None:
        self.commands.append((name, dict(args or {})))

    def music_position(self) -> float | None:
        return self.music

    def skipping(self) -> bool:
        return False


class Play:
    """A scene of an example level under a FakeHost, stepped at the game's fixed step."""

    def __init__(
        self,
        example: str,
        scene: str | None = None,
        seed: int = 0,
        settings: Settings | None = None,
        level: Level | None = None,
    ) -> None:
        self.level = level or load_level(EXAMPLES / f"{example}.json")
        self.host = FakeHost(self.level, seed, settings)
        self.scene = self.level.scene(scene or self.level.start)
        self.logic: SceneLogic = create_logic(self.scene, self.host)
        self.logic.start()
        self.frames = 0

    def step(self, n: int = 1) -> None:
        """n fixed steps (a returned node resumes the scene instead of an update)."""
        for _ in range(n):
            self.frames += 1
            if self.host.pending_resume:
                self.host.pending_resume = False
                self.logic.resume()
            else:
                self.logic.update(STEP)

    def press(self, action: Action, pos: tuple[float, float] | None = None) -> bool:
        return self.logic.handle(InputEvent(action, True, pos))

    def release(self, action: Action, pos: tuple[float, float] | None = None) -> bool:
        return self.logic.handle(InputEvent(action, False, pos))

    def tap(self, action: Action, pos: tuple[float, float] | None = None) -> None:
        self.press(action, pos)
        self.step()
        self.release(action, pos)
        self.step()

    def hold(self, actions: Iterable[Action | str], frames: int) -> None:
        """Hold directions (through host.held, as the play screen reports them) for some frames."""
        names = {a.value if isinstance(a, Action) else a for a in actions}
        for a in names:
            self.press(Action(a))
        self.host.held |= names
        self.step(frames)
        self.host.held -= names
        for a in names:
            self.release(Action(a))

    def run_until(self, pred: Any, limit: int = 60 * 120) -> int:
        """Step until pred() holds; the number of frames it took (AssertionError past limit)."""
        for i in range(limit):
            if pred():
                return i
            self.step()
        raise AssertionError(f"condition not reached in {limit} frames; state {self.logic.state()}")
