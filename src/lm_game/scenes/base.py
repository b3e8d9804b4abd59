"""The contract between a level being played (ui/play.py) and a scene type's logic (no pygame).

A scene type is pure logic with a fixed timestep: it consumes actions, updates, and exposes a
view (plain data) that a renderer in render/scenes/ draws. It never draws and never blocks.
It talks to the rest of the game only through its SceneHost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from lm_game.input.actions import InputEvent


class SceneHost(Protocol):
    """What the play screen offers a scene's logic."""

    @property
    def state(self) -> Any:
        """The runtime GameState (variables, meters, inventory, rng)."""

    @property
    def settings(self) -> Any:
        """The player's Settings (difficulty, reduced flashing/motion, timers, calibration)."""

    @property
    def held(self) -> frozenset[str] | set[Any]:
        """Actions currently held down (directions, confirm, dash)."""

    @property
    def level(self) -> Any:
        """The Level being played (speaker names, portraits, item icons)."""

    def skipping(self) -> bool:
        """True while the player skips (cutscenes jump to their end)."""

    def run_node(self, node_id: str) -> None:
        """Run a dialogue node; the scene is paused (update not called) until it returns."""

    def goto_scene(self, scene_id: str) -> None:
        """Leave for another scene of this level (with its transition)."""

    def command(self, name: str, args: Mapping[str, Any] | None = None) -> None:
        """Presentation feedback: "sfx" {"sound"}, "shake", "flash", "music" {"track"}."""

    def music_position(self) -> float | None:
        """Seconds into the current music track when audio really plays, else None (use the clock)."""


class SceneLogic:
    """Base class for scene types. Subclasses read their tuning from `scene.spec`."""

    kind: str = ""

    def __init__(self, scene: Any, host: SceneHost) -> None:
        self.scene = scene
        self.host = host
        self.time = 0.0

    def start(self) -> None:
        """Called once when the scene is entered (after the transition)."""

    def handle(self, event: InputEvent) -> bool:
        """React to one action when no dialogue is showing; True if consumed."""
        return False

    def update(self, dt: float) -> None:
        """One fixed step while no dialogue is showing."""
        self.time += dt

    def resume(self) -> None:
        """A node started by this scene has returned control (ran off its end)."""

    def view(self) -> Any:
        """Plain data describing what to draw this frame (render/scenes/<kind>.py draws it)."""
        return None

    def state(self) -> dict[str, Any]:
        """JSON-able summary for tests, replays and determinism checks."""
        return {"kind": self.kind, "time": round(self.time, 6)}
