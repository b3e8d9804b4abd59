"""Scene types: pure gameplay logic driven by level data (no pygame).

``create_logic(scene, host)`` builds the logic for any scene; the play screen calls
``start()`` once, then ``handle``/``update`` while no dialogue shows, ``resume()`` when a node
the scene started returns, and hands ``view()`` to ``lm_game.render.scenes.draw_view``.
"""

from __future__ import annotations

from typing import Any

from lm_game.scenes.base import SceneHost, SceneLogic
from lm_game.scenes.cutscene import CutsceneLogic
from lm_game.scenes.dialogue import DialogueLogic
from lm_game.scenes.dodge import DodgeLogic
from lm_game.scenes.explore import ExploreLogic
from lm_game.scenes.finale import FinaleLogic
from lm_game.scenes.rhythm import RhythmLogic

LOGIC_TYPES: dict[str, type[SceneLogic]] = {
    "dialogue": DialogueLogic,
    "explore": ExploreLogic,
    "dodge": DodgeLogic,
    "rhythm": RhythmLogic,
    "cutscene": CutsceneLogic,
    "finale": FinaleLogic,
}


def create_logic(scene: Any, host: SceneHost) -> SceneLogic:
    """The logic for a scene of any type (ValueError for an unknown type)."""
    try:
        cls = LOGIC_TYPES[scene.type]
    except KeyError:
        raise ValueError(f"scene {scene.id!r}: unknown scene type {scene.type!r}") from None
    return cls(scene, host)


__all__ = [
    "LOGIC_TYPES",
    "CutsceneLogic",
    "DialogueLogic",
    "DodgeLogic",
    "ExploreLogic",
    "FinaleLogic",
    "RhythmLogic",
    "SceneHost",
    "SceneLogic",
    "create_logic",
]
