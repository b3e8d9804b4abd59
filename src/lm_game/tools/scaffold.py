"""Scaffolding: a valid starter level showing every scene type, registered in levels/index.json.

The new level is appended to the index with ``"next": null`` and no other level is touched, so
the shipped game's order and endings stay as they were until the author links it in. With
``after=ID`` the level is inserted after ID instead: ID's ``next`` now names the new level and
the new level's ``next`` takes ID's old value (one JSON value in ID's file is edited in place).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class ScaffoldError(ValueError):
    """The level cannot be created (bad id, file exists, unknown --after level)."""


def starter_level(level_id: str, title: str | None = None, next_level: str | None = None) -> dict[str, Any]:
    """A small complete level: dialogue -> explore -> dodge -> rhythm -> cutscene -> finale -> end."""
    return {
        "$schema": "schema/level.schema.json",
        "_comment": "Starter level made by `lm-game new`. Edit freely; `lm-game check` and `lm-game explore` it.",
        "format": 1,
        "id": level_id,
        "title": title or level_id.replace("_", " ").title(),
        "next": next_level,
        "start": "opening",
        "variables": {
            "mood": {"type": "str", "default": "calm", "doc": "how the Star answered at the start"},
        },
        "characters": {
            "star": {"name": "The Star", "portrait": "portraits/star",
                     "emotions": ["neutral", "happy", "tired", "determined"], "color": "#f3e9d2"},
            "barker": {"name": "The Barker", "portrait": "portraits/barker",
                       "emotions": ["neutral", "grin"], "color": "#d9a53a"},
        },
        "items": {
            "ticket": {"name": "Torn Ticket", "icon": None, "description": "Admit one. Yourself."},
        },
        "scenes": [
            {"id": "opening", "type": "dialogue", "title": "A New Page", "background": "backgrounds/ticket_booth.png",
             "music": "music/front_page.ogg", "start": "hello",
             "actors": [{"character": "barker", "x": 700, "y": 500, "emotion": "grin", "scale": 0.6}]},
            {"id": "yard", "type": "explore", "title": "The Yard", "background": "backgrounds/front_gate.png",
             "explore": {
                 "player": {"x": 200, "y": 450, "speed": 220},
                 "walk_bounds": [60, 390, 840, 110],
                 "hotspots": [
                     {"id": "barker", "label": "The Barker", "rect": [420, 270, 130, 140], "node": "barker_ticket",
                      "if": "not has(\"ticket\")"},
                     {"id": "gate", "label": "The gate", "rect": [715, 300, 100, 150], "node": "gate_shut",
                      "use": {"item": "ticket", "node": "gate_open"}},
                 ]}},
            {"id": "ride", "type": "dodge", "title": "Flashbulbs", "background": "backgrounds/coaster.png",
             "music": "music/coaster.ogg",
             "dodge": {
                 "duration": 10, "composure": 3,
                 "player": {"x": 480, "y": 380},
                 "arena": [60, 70, 840, 420],
                 "waves": [
                     {"at": 1.0, "pattern": "line", "projectile": "flashbulb", "count": 4, "interval": 0.3,
                      "speed": 180, "from": "left"},
                     {"at": 5.0, "pattern": "rain", "projectile": "headline", "count": 6, "interval": 0.3,
                      "speed": 150, "from": "top", "spread": 20},
                 ],
                 "on_win": "ride_won", "on_lose": "ride_lost"}},
            {"id": "dance", "type": "rhythm", "title": "A Little Dance", "background": "backgrounds/cabinet.png",
             "music": "music/cabinet.ogg",
             "rhythm": {"bpm": 112, "offset": 0.0, "lanes": 4,
                        "notes": [[4, 0], [5, 1], [6, 2], [7, 3], [8, 0, 2], [10, 3], [11, 2], [12, 1]],
                        "pass_accuracy": 0.5, "on_win": "dance_won", "on_lose": "dance_lost",
                        "distractions": [{"beat": 6, "text": "Is that a real hat?"}]}},
            {"id": "interlude", "type": "cutscene", "title": "Meanwhile", "background": "backgrounds/park_below.png",
             "music": None,
             "actors": [{"character": "star", "x": 200, "y": 470, "emotion": "neutral", "scale": 0.7}],
             "cutscene": {"then": "interlude_done", "timeline": [
                 {"at": 0.0, "do": "card", "text": "MEANWHILE...", "duration": 1.5},
                 {"at": 1.0, "do": "move", "actor": "star", "to": [520, 450], "duration": 2.0},
                 {"at": 1.5, "do": "say", "speaker": "star", "text": "Nearly there.", "duration": 2.0},
             ]}},
            {"id": "finale", "type": "finale", "title": "Stand Tall", "background": "backgrounds/big_top.png",
             "music": "music/finale.ogg",
             "finale": {"grow_rate": 0.12, "ropes": 2, "taps_per_rope": 5, "tap_window": 0.8, "on_win": "grown",
                        "timeline": [{"at": 0.0, "do": "card", "text": "PULL! (press CONFIRM)", "duration": 2.0}]}},
        ],
        "nodes": {
            "hello": [
                {"speaker": "barker", "emotion": "grin", "say": "A new page, a new act! How do you feel?"},
                {"choice": [
                    {"text": "\"Tired.\"", "do": ["mood = \"tired\"", "peace += 1"]},
                    {"text": "\"Ready.\"", "do": ["mood = \"ready\"", "spotlight += 1"]},
                ]},
                {"speaker": "star", "emotion": "tired", "say": "Let's get this over with.", "if": "mood == \"tired\""},
                {"speaker": "star", "emotion": "determined", "say": "Let's go.", "if": "mood == \"ready\""},
                {"scene": "yard"},
            ],
            "barker_ticket": [
                {"speaker": "barker", "emotion": "grin", "say": "A ticket? For you, always. Here."},
                {"do": "give(\"ticket\")"},
            ],
            "gate_shut": [
                {"speaker": "star", "emotion": "neutral", "say": "Locked. The Barker sells tickets."},
            ],
            "gate_open": [
                {"do": "take(\"ticket\")"},
                {"say": "The gate swings open onto the coaster."},
                {"scene": "ride"},
            ],
            "ride_won": [
                {"speaker": "star", "emotion": "happy", "say": "Not one photo."},
                {"scene": "dance"},
            ],
            "ride_lost": [
                {"say": "Dazzled. The car rolls back to the start. Try again."},
            ],
            "dance_won": [
                {"speaker": "star", "emotion": "happy", "say": "I kept time."},
                {"scene": "interlude"},
            ],
            "dance_lost": [
                {"say": "The music stops. Again, from the top."},
            ],
            "interlude_done": [
                {"scene": "finale"},
            ],
            "grown": [
                {"say": "The ropes snap. The Star stands tall."},
                {"end_level": True},
            ],
        },
    }


def level_text(data: dict[str, Any]) -> str:
    """JSON text for a level, indented like the shipped ones."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def create_level(
    levels_dir: Path, level_id: str, *, title: str | None = None, after: str | None = None, force: bool = False
) -> Path:
    """Write levels_dir/<id>.json and register it in index.json; returns the new file."""
    if not ID_RE.match(level_id):
        raise ScaffoldError(f"{level_id!r} is not a level id: use lowercase letters, digits and _ (letter first)")
    path = levels_dir / f"{level_id}.json"
    if path.exists() and not force:
        raise ScaffoldError(f"{path} already exists (use --force to overwrite it)")
    index_path = levels_dir / "index.json"
    index: dict[str, Any] = {"format": 1, "levels": []}
    if index_path.is_file():
        index = json.loads(index_path.read_text(encoding="utf-8"))
    order: list[str] = [x for x in index.get("levels", []) if x != level_id]
    next_level: str | None = None
    if after is not None:
        if after not in order:
            raise ScaffoldError(f"--after {after!r}: no such level in {index_path}")
        after_path = levels_dir / f"{after}.json"
        text = after_path.read_text(encoding="utf-8")
        old = json.loads(text).get("next")
        next_level = old if isinstance(old, str) else None
        new_text, n = re.subn(r'("next"\s*:\s*)(null|"[a-z0-9_]*")', rf'\1"{level_id}"', text, count=1)
        if n != 1:
            raise ScaffoldError(f"{after_path}: cannot find its \"next\" field")
        order.insert(order.index(after) + 1, level_id)
        path.write_text(level_text(starter_level(level_id, title, next_level)), encoding="utf-8")
        after_path.write_text(new_text, encoding="utf-8")
    else:
        order.append(level_id)
        path.write_text(level_text(starter_level(level_id, title, None)), encoding="utf-8")
    index["levels"] = order
    index_path.write_text(json.dumps(index) + "\n", encoding="utf-8")
    return path
