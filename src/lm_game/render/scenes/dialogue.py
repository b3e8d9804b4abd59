"""Dialogue scenes: backdrop and actors (the play screen draws the dialogue box on top)."""

from __future__ import annotations

from typing import Any

import pygame

from lm_game.render.scenes.art import art_for, draw_actor
from lm_game.scenes.common import portrait_for


def emotion_of(logic: Any, character: str, emotion: str) -> str:
    """An actor's emotion, as changed by `emotion` commands the play screen recorded."""
    changed = getattr(logic.host, "actor_emotions", None)
    if isinstance(changed, dict):
        return str(changed.get(character, emotion))
    return emotion


def draw_actors(surface: pygame.Surface, logic: Any, art: Any, actors: list[Any], dx: float = 0.0,
                dy: float = 0.0, zoom: float = 1.0) -> None:
    """Actors' portraits (emotions as the story changed them), feet at their positions."""
    level = getattr(logic.host, "level", None)
    for a in actors:
        emotion = emotion_of(logic, a.character, a.emotion)
        portrait = a.portrait if emotion == a.emotion else portrait_for(level, a.character, emotion)
        draw_actor(surface, art, portrait, a.x * zoom + dx, a.y * zoom + dy, a.scale * zoom)


def draw(surface: pygame.Surface, logic: Any, assets: Any, settings: Any) -> None:
    """Backdrop and actors."""
    art = art_for(assets)
    view = logic.view()
    surface.blit(art.background(view.background), (0, 0))
    draw_actors(surface, logic, art, list(view.actors))
