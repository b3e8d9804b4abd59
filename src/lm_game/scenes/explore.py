"""The ``explore`` scene type: the Star walks; hotspots run nodes, take items and lead to other scenes.

Keys, stick and d-pad move the Star directly; a click or tap sets a walk target (on a hotspot it
walks there and interacts). The nearest visible hotspot in reach gets focus; CONFIRM interacts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from lm_game.input.actions import Action, InputEvent
from lm_game.model.level import ExploreSpec, Hotspot, holds
from lm_game.scenes.base import SceneHost, SceneLogic
from lm_game.scenes.common import ActorView, axis, clamp, in_rect, lerp, make_actors, rect_distance

#: How close (px, from the Star's feet to a hotspot's rectangle) a hotspot must be to get focus.
REACH = 60.0
#: Pixels walked per animation frame of the walk cycle.
STRIDE = 16.0
#: How near (px) a walk target counts as reached.
ARRIVE = 3.0


@dataclass(frozen=True)
class HotspotView:
    """A visible hotspot as drawn: rectangle, label, whether it has focus or the pointer over it."""

    id: str
    label: str
    rect: tuple[int, int, int, int]
    focused: bool
    hovered: bool
    usable_item: str | None = None


@dataclass
class PlayerView:
    """The Star: feet position, depth scale, sprite frame and facing."""

    x: float
    y: float
    scale: float
    frame: str
    facing_left: bool


@dataclass
class ExploreView:
    """Everything an explore scene shows."""

    background: str | None
    actors: list[ActorView]
    player: PlayerView
    hotspots: list[HotspotView]
    target: tuple[float, float] | None
    inventory: list[str] = field(default_factory=list)
    walk_bounds: tuple[int, int, int, int] = (0, 0, 960, 540)


class ExploreLogic(SceneLogic):
    """Walking, focus, hover and interaction for an explore scene (tuning from ``scene.explore``)."""

    kind = "explore"

    def __init__(self, scene: Any, host: SceneHost) -> None:
        super().__init__(scene, host)
        spec = scene.explore
        if not isinstance(spec, ExploreSpec):
            raise ValueError(f"scene {scene.id!r} has no explore block")
        self.spec = spec
        self.level = getattr(host, "level", None)
        self.actors = make_actors(scene.actors, self.level)
        self.x, self.y = self._clamp(float(spec.player.x), float(spec.player.y))
        self.facing_left = False
        self.walked = 0.0
        self.moving = False
        self.target: tuple[float, float] | None = None
        self.target_hotspot: str | None = None
        self.hover: str | None = None
        self.focus: str | None = None
        self.pending_exit: str | None = None
        self.interactions: list[str] = []

    # ------------------------------------------------------------------ geometry

    def _clamp(self, x: float, y: float) -> tuple[float, float]:
        bx, by, bw, bh = self.spec.walk_bounds
        return clamp(x, bx, bx + bw), clamp(y, by, by + bh)

    def depth_scale(self, y: float | None = None) -> float:
        """The Star's scale at a height: depth_scale[0] at the top of the walk bounds, [1] at the bottom."""
        _, by, _, bh = self.spec.walk_bounds
        far, near = self.spec.depth_scale
        t = 0.0 if bh <= 0 else ((self.y if y is None else y) - by) / bh
        return lerp(far, near, t)

    def visible_hotspots(self) -> list[Hotspot]:
        """Hotspots whose ``if`` holds now."""
        env = self.host.state
        out = []
        for h in self.spec.hotspots:
            try:
                ok = holds(h.cond, env)
            except Exception:  # noqa: BLE001 - a host without state (or a bad condition) hides it
                ok = h.cond is None
            if ok:
                out.append(h)
        return out

    def _hotspot(self, hotspot_id: str | None) -> Hotspot | None:
        for h in self.visible_hotspots():
            if h.id == hotspot_id:
                return h
        return None

    def _reach(self) -> float:
        return REACH * max(0.5, self.depth_scale())

    def _nearest_in_reach(self) -> Hotspot | None:
        best: Hotspot | None = None
        best_d = math.inf
        for h in self.visible_hotspots():
            d = rect_distance(self.x, self.y, h.rect)
            # tie-break on the horizontal centre so the one in front of the Star wins
            d2 = d + abs(self.x - (h.rect[0] + h.rect[2] / 2)) * 0.01
            if d <= self._reach() and d2 < best_d:
                best, best_d = h, d2
        return best

    def _approach_point(self, h: Hotspot) -> tuple[float, float]:
        x, y, w, hh = h.rect
        return self._clamp(clamp(self.x, x, x + w), y + hh)

    # ------------------------------------------------------------------ contract

    def handle(self, event: InputEvent) -> bool:
        """Directions cancel a walk target; CONFIRM interacts; pointers hover, walk and interact."""
        a = event.action
        if a == Action.POINT and event.pos is not None:
            self.hover = self._hotspot_at(event.pos)
            return True
        if not event.pressed:
            return False
        if a in (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT):
            self.target = None
            self.target_hotspot = None
            return True
        if a == Action.CONFIRM:
            if event.pos is not None:
                self._click(event.pos)
                return True
            h = self._hotspot(self.focus) or self._nearest_in_reach()
            if h is not None:
                self.interact(h.id)
                return True
        return False

    def _hotspot_at(self, pos: tuple[float, float]) -> str | None:
        for h in reversed(self.visible_hotspots()):
            if in_rect(pos, h.rect):
                return h.id
        return None

    def _click(self, pos: tuple[float, float]) -> None:
        hid = self._hotspot_at(pos)
        self.hover = hid
        h = self._hotspot(hid)
        if h is not None:
            if rect_distance(self.x, self.y, h.rect) <= self._reach():
                self.interact(h.id)
                return
            self.target = self._approach_point(h)
            self.target_hotspot = h.id
            return
        self.target = self._clamp(pos[0], pos[1])
        self.target_hotspot = None

    def update(self, dt: float) -> None:
        """Walk (held directions win over a pointer target), then recompute focus."""
        super().update(dt)
        speed = self.spec.player.speed * max(0.6, self.depth_scale())
        dx, dy = axis(self.host)
        old = (self.x, self.y)
        if dx or dy:
            self.target = None
            self.target_hotspot = None
            self.x, self.y = self._clamp(self.x + dx * speed * dt, self.y + dy * speed * dt * 0.7)
        elif self.target is not None:
            tx, ty = self.target
            d = math.hypot(tx - self.x, ty - self.y)
            step = speed * dt
            if d <= max(step, ARRIVE):
                self.x, self.y = tx, ty
                self.target = None
                hid, self.target_hotspot = self.target_hotspot, None
                if hid is not None and self._hotspot(hid) is not None:
                    self.focus = hid
                    self.interact(hid)
                    return
            else:
                self.x, self.y = self._clamp(self.x + (tx - self.x) / d * step, self.y + (ty - self.y) / d * step)
        moved = math.hypot(self.x - old[0], self.y - old[1])
        self.moving = moved > 1e-6
        if self.moving:
            self.walked += moved
            if abs(self.x - old[0]) > 1e-6:
                self.facing_left = self.x < old[0]
        near = self._nearest_in_reach()
        self.focus = near.id if near is not None else None

    def interact(self, hotspot_id: str) -> bool:
        """Use the hotspot: its item-use node when the Star holds the item, else its node, else its exit."""
        h = self._hotspot(hotspot_id)
        if h is None:
            return False
        self.interactions.append(h.id)
        self.target = None
        self.target_hotspot = None
        state = self.host.state
        if h.use is not None and state is not None and state.has(h.use.item):
            self.host.run_node(h.use.node)
            return True
        if h.node is not None:
            self.pending_exit = h.exit
            self.host.run_node(h.node)
            return True
        if h.exit is not None:
            self.host.goto_scene(h.exit)
            return True
        return False

    def resume(self) -> None:
        """A hotspot's node returned; a hotspot with both a node and an exit now leaves."""
        if self.pending_exit is not None:
            target, self.pending_exit = self.pending_exit, None
            self.host.goto_scene(target)

    def frame(self) -> str:
        """Sprite frame name: idle or walk1..walk4 by distance walked."""
        if not self.moving:
            return "idle"
        return f"walk{int(self.walked / STRIDE) % 4 + 1}"

    def view(self) -> ExploreView:
        """Plain data for the renderer."""
        state = self.host.state
        hotspots = []
        for h in self.visible_hotspots():
            usable = h.use.item if (h.use is not None and state is not None and state.has(h.use.item)) else None
            hotspots.append(HotspotView(h.id, h.label, h.rect, h.id == self.focus, h.id == self.hover, usable))
        return ExploreView(
            background=self.scene.background,
            actors=list(self.actors.values()),
            player=PlayerView(self.x, self.y, self.depth_scale(), self.frame(), self.facing_left),
            hotspots=hotspots,
            target=self.target,
            inventory=list(getattr(state, "inventory", []) or []),
            walk_bounds=self.spec.walk_bounds,
        )

    def state(self) -> dict[str, Any]:
        """Summary for tests and determinism checks."""
        return {
            **super().state(),
            "player": [round(self.x, 3), round(self.y, 3)],
            "scale": round(self.depth_scale(), 4),
            "focus": self.focus,
            "hover": self.hover,
            "target": None if self.target is None else [round(v, 3) for v in self.target],
            "interactions": list(self.interactions),
        }
