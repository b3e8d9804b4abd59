"""The ``dialogue`` scene type: a backdrop with actors; the scene's start node does the talking."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lm_game.scenes.base import SceneHost, SceneLogic
from lm_game.scenes.common import ActorView, make_actors


@dataclass
class DialogueView:
    """What a dialogue scene shows behind the dialogue box."""

    background: str | None
    actors: list[ActorView] = field(default_factory=list)


class DialogueLogic(SceneLogic):
    """Runs ``scene.start`` when entered; the play screen shows the lines and choices."""

    kind = "dialogue"

    def __init__(self, scene: Any, host: SceneHost) -> None:
        super().__init__(scene, host)
        self.actors = make_actors(scene.actors, getattr(host, "level", None))
        self.started = False
        self.done = False

    def start(self) -> None:
        """Run the start node (a dialogue scene's nodes end with goto/scene/end_level/ending)."""
        self.started = True
        if self.scene.start:
            self.host.run_node(self.scene.start)

    def resume(self) -> None:
        """The node ran off its end: nothing left to do here."""
        self.done = True

    def view(self) -> DialogueView:
        """Backdrop and actors."""
        return DialogueView(self.scene.background, sorted(self.actors.values(), key=lambda a: a.y))

    def state(self) -> dict[str, Any]:
        """Summary for tests."""
        return {**super().state(), "started": self.started, "done": self.done}
