"""The ``cutscene`` scene type: a timeline of moves, lines, camera, cards, music and sfx; then a node.

SKIP or CANCEL jumps to the end state (every cue applied, no sounds) and runs ``then``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lm_game.input.actions import Action, InputEvent
from lm_game.model.level import CutsceneSpec
from lm_game.scenes.base import SceneHost, SceneLogic
from lm_game.scenes.common import ActorView, Camera, Line, Timeline


@dataclass
class CutsceneView:
    """Everything a cutscene shows: backdrop, actors, camera, spoken lines, a card, progress."""

    background: str | None
    actors: list[ActorView]
    camera: Camera
    lines: list[Line]
    card: str | None
    progress: float
    skippable: bool = True
    letterbox: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


class CutsceneLogic(SceneLogic):
    """Plays ``scene.cutscene.timeline`` and then runs ``then``."""

    kind = "cutscene"

    def __init__(self, scene: Any, host: SceneHost) -> None:
        super().__init__(scene, host)
        spec = scene.cutscene
        if not isinstance(spec, CutsceneSpec):
            raise ValueError(f"scene {scene.id!r} has no cutscene block")
        self.spec = spec
        self.timeline = Timeline.for_scene(spec.timeline, scene, host)
        self.phase = "play"  # play | done
        self.skipped = False

    def handle(self, event: InputEvent) -> bool:
        """SKIP or CANCEL skips to the end."""
        if event.pressed and event.action in (Action.SKIP, Action.CANCEL) and self.phase == "play":
            self.skip()
            return True
        return False

    def skip(self) -> None:
        """Jump to the end state and run ``then``."""
        self.skipped = True
        self.timeline.skip()
        self._finish()

    def update(self, dt: float) -> None:
        """Advance the timeline; when it is over, run ``then``."""
        super().update(dt)
        if self.phase != "play":
            return
        skipping = getattr(self.host, "skipping", None)
        if callable(skipping) and skipping() is True:  # the play screen's skip mode (SKIP tapped or held)
            self.skip()
            return
        self.timeline.update(dt)
        if self.timeline.done:
            self._finish()

    def _finish(self) -> None:
        self.phase = "done"
        if self.spec.then:
            self.host.run_node(self.spec.then)

    def view(self) -> CutsceneView:
        """Plain data for the renderer."""
        tl = self.timeline
        return CutsceneView(
            background=self.scene.background,
            actors=sorted(tl.actors.values(), key=lambda a: a.y),
            camera=Camera(tl.camera.x, tl.camera.y, tl.camera.zoom),
            lines=tl.current_lines(),
            card=tl.current_card(),
            progress=min(1.0, tl.time / tl.end) if tl.end > 0 else 1.0,
            skippable=self.phase == "play",
        )

    def state(self) -> dict[str, Any]:
        """Summary for tests and determinism checks."""
        tl = self.timeline
        return {
            **super().state(),
            "phase": self.phase,
            "skipped": self.skipped,
            "cues_fired": tl.next_index,
            "actors": {k: [round(a.x, 3), round(a.y, 3), a.emotion] for k, a in sorted(tl.actors.items())},
            "camera": [round(tl.camera.x, 3), round(tl.camera.y, 3), round(tl.camera.zoom, 4)],
        }
