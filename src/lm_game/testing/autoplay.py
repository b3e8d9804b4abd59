"""Scripted play shared by tests: small deterministic strategies that win gameplay scenes."""

from __future__ import annotations

import math
from typing import Any

from lm_game.input.actions import Action


def dodge_directions(logic: Any) -> set[Action]:
    """Directions to hold this frame in a dodge: head for the live word (else the lower middle of
    the arena) and shy away from projectiles within 110 px."""
    v = logic.view()
    ax, ay, aw, ah = logic.spec.arena
    tx, ty = (v.words[0].x, v.words[0].y) if v.words else (ax + aw / 2, ay + ah * 0.7)
    fx, fy = (tx - logic.x) / 50, (ty - logic.y) / 50
    for pr in logic.projectiles:
        dx, dy = logic.x - pr.x, logic.y - pr.y
        d = math.hypot(dx, dy) or 1.0
        if d < 110:
            fx += dx / d * (110 - d) / 8
            fy += dy / d * (110 - d) / 8
    out: set[Action] = set()
    if abs(fx) > 0.3:
        out.add(Action.RIGHT if fx > 0 else Action.LEFT)
    if abs(fy) > 0.3:
        out.add(Action.DOWN if fy > 0 else Action.UP)
    return out
