"""A save made after a `music` or `emotion` command in a scene comes back with that music and face."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lm_game.input.actions import Action
from lm_game.runtime.settings import Settings
from lm_game.testing import Harness
from lm_game.ui import services

LEVEL: dict[str, Any] = {
    "format": 1,
    "id": "moody",
    "title": "Moody",
    "next": None,
    "start": "booth",
    "characters": {
        "barker": {"name": "The Barker", "portrait": "portraits/barker", "emotions": ["neutral", "grin", "shocked"]},
        "star": {"name": "The Star", "portrait": "portraits/star", "emotions": ["neutral"]},
    },
    "scenes": [
        {
            "id": "booth",
            "type": "dialogue",
            "background": "backgrounds/ticket_booth.png",
            "music": "music/title.ogg",
            "start": "talk",
            "actors": [{"character": "barker", "x": 700, "y": 470, "emotion": "grin"}],
        }
    ],
    "nodes": {
        "talk": [
            {"speaker": "barker", "say": "Roll up!"},
            {"command": "music", "args": {"track": "music/front_page.ogg"}},
            {"command": "emotion", "args": {"actor": "barker", "emotion": "shocked"}},
            {"speaker": "barker", "say": "Oh no."},
            {"speaker": "barker", "say": "Oh dear."},
            {"end_level": True},
        ]
    },
}


def music(h: Harness) -> Any:
    return services.audio(h.app).track


def test_restore_music_and_emotion_from_commands_after_quickload(tmp_path: Path) -> None:
    path = tmp_path / "moody.json"
    path.write_text(json.dumps(LEVEL), encoding="utf-8")
    h = Harness(level=str(path), settings=Settings(text_speed=0))
    h.step(60)
    assert music(h) == "music/title.ogg"
    h.tap(Action.CONFIRM)
    h.step(30)
    assert h.state()["top"]["line"] == "Oh no."
    assert music(h) == "music/front_page.ogg"
    h.tap(Action.QUICKSAVE)
    h.step(5)

    again = Harness(level=str(path), settings=Settings(text_speed=0))
    again.step(60)
    assert music(again) == "music/title.ogg"
    again.tap(Action.QUICKLOAD)
    again.step(90)
    play = again.app.stack.top
    assert again.state()["top"]["line"] == "Oh no."
    assert music(again) == "music/front_page.ogg"
    assert getattr(play, "actor_emotions", {}) == {"barker": "shocked"}
