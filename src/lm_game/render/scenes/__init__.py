"""Draw a scene type's view with pygame: ``draw_view(surface, logic, assets, settings)``.

The play screen calls this every frame for the current scene's logic; each scene type has a
module here that reads ``logic.view()`` (plain data) and draws backdrop, actors and HUD.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from lm_game.render.scenes import cutscene, dialogue, dodge, explore, finale, rhythm

Drawer = Callable[[pygame.Surface, Any, Any, Any], None]

DRAWERS: dict[str, Drawer] = {
    "dialogue": dialogue.draw,
    "explore": explore.draw,
    "dodge": dodge.draw,
    "rhythm": rhythm.draw,
    "cutscene": cutscene.draw,
    "finale": finale.draw,
}


def draw_view(surface: pygame.Surface, logic: Any, assets: Any, settings: Any) -> None:
    """Draw the logic's current view (backdrop, actors, the type's own view and HUD)."""
    drawer = DRAWERS.get(getattr(logic, "kind", ""), dialogue.draw)
    drawer(surface, logic, assets, settings)
