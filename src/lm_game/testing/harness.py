"""Drive the real App headless: scripted, frame-timed actions; fixed steps; state; screenshots."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lm_game.input.actions import Action, InputEvent


@dataclass(frozen=True)
class TimedAction:
    """An action delivered at the start of display frame `frame` (0-based)."""

    frame: int
    action: Action
    pressed: bool = True
    pos: tuple[float, float] | None = None
    device: str = "script"


class ActionFileError(ValueError):
    """An actions file that cannot be understood; the message says which entry and why."""


def load_actions(path: str | Path) -> list[TimedAction]:
    """Read a JSON list of {"frame": n, "action": name, "pressed"?: bool, "pos"?: [x, y]}.

    `"tap": true` is shorthand for a press at `frame` and a release one frame later.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ActionFileError(f"{path}: {exc}") from exc
    if not isinstance(data, list):
        raise ActionFileError(f"{path}: expected a JSON list of actions")
    out: list[TimedAction] = []
    for i, entry in enumerate(data):
        try:
            frame = int(entry["frame"])
            action = Action(entry["action"])
            pos = tuple(float(v) for v in entry["pos"]) if "pos" in entry else None
            pressed = bool(entry.get("pressed", True))
        except (KeyError, TypeError, ValueError) as exc:
            raise ActionFileError(f"{path}: entry {i}: {exc!r}; expected frame, action[, pressed, pos]") from exc
        out.append(TimedAction(frame, action, pressed, pos))  # type: ignore[arg-type]
        if entry.get("tap"):
            out.append(TimedAction(frame + 1, action, False, pos))  # type: ignore[arg-type]
    return sorted(out, key=lambda a: a.frame)


class Harness:
    """The App in headless mode: one fixed logic step per frame, so runs are reproducible."""

    def __init__(
        self,
        level: str | None = None,
        scene: str | None = None,
        seed: int = 0,
        settings: Any = None,
        title: bool = False,
    ) -> None:
        os.environ["SDL_VIDEODRIVER"] = os.environ.get("SDL_VIDEODRIVER", "dummy")
        os.environ["SDL_AUDIODRIVER"] = os.environ.get("SDL_AUDIODRIVER", "dummy")
        from lm_game.app import game

        self.app = game.create_app(headless=True, settings=settings)
        self.pending: list[TimedAction] = []
        if level is not None:
            game.open_level(self.app, level, scene=scene, seed=seed)
        elif title:
            game.show_title(self.app)

    @property
    def frame(self) -> int:
        return self.app.frame_count

    def schedule(self, actions: list[TimedAction]) -> None:
        """Queue actions by absolute frame number."""
        self.pending.extend(actions)
        self.pending.sort(key=lambda a: a.frame)

    def send(self, action: Action, pressed: bool = True, pos: tuple[float, float] | None = None) -> None:
        """Deliver an action right now (before the next frame)."""
        self.app.dispatch(InputEvent(action, pressed, pos, "script"))

    def tap(self, action: Action, pos: tuple[float, float] | None = None, frames: int = 1) -> None:
        """Press, step, release, step: what a quick key press looks like."""
        self.send(action, True, pos)
        self.step(frames)
        self.send(action, False, pos)
        self.step(1)

    def step(self, frames: int = 1) -> None:
        """Run `frames` display frames of exactly one fixed step each."""
        from lm_game.app.loop import STEP

        for _ in range(frames):
            while self.pending and self.pending[0].frame <= self.app.frame_count:
                a = self.pending.pop(0)
                self.app.dispatch(InputEvent(a.action, a.pressed, a.pos, a.device))
            self.app.frame(STEP)

    def run(self, actions: list[TimedAction], frames: int) -> dict[str, Any]:
        self.schedule(actions)
        self.step(frames)
        return self.state()

    def state(self) -> dict[str, Any]:
        """What the stack holds and what the top screen reports about itself."""
        stack = self.app.stack
        top = stack.top
        report: dict[str, Any] = {
            "frames": self.app.frame_count,
            "steps": self.app.step_count,
            "stack": [type(s).__name__ for s in stack.screens],
            "running": self.app.running,
        }
        if top is not None:
            # a screen that is also a SceneHost (PlayScreen) has `state` as its GameState, and `report()` for this
            describe = getattr(top, "report", None)
            if not callable(describe):
                describe = getattr(top, "state", None)
            if callable(describe):
                report["top"] = describe()
        return report

    def screenshot(self, path: str | Path) -> Path:
        """Save the current canvas (960x540) as PNG."""
        import pygame

        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.app.canvas, str(out))
        return out

    def close(self) -> None:
        self.app.shutdown()
