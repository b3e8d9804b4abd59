"""The ``finale`` scene type: the Star grows, camera-strap ropes snap under repeated presses.

Each rope snaps after ``taps_per_rope`` presses of CONFIRM (or a click/tap) that come within
``tap_window`` of each other; when the window passes without a press the rope takes back one
press per window. Holding CONFIRM also counts (a press every HOLD_INTERVAL), so players who
cannot mash can finish; with ``timers_off`` the ropes never take presses back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lm_game.input.actions import Action, InputEvent
from lm_game.model.level import FinaleSpec
from lm_game.scenes.base import SceneHost, SceneLogic
from lm_game.scenes.common import ActorView, Camera, Line, Timeline, held, setting

HOLD_INTERVAL = 0.2
START_SIZE = 0.15
FALL_TIME = 2.5  # seconds the park takes to fall away once the last rope snaps


@dataclass
class FinaleView:
    """Everything the finale shows."""

    background: str | None
    size: float  # 0..1: how far the Star has grown
    ropes: list[float]  # per rope: 0..1 tension, or -1 when snapped
    current: int
    fall: float  # 0..1: how far the park has fallen away
    actors: list[ActorView]
    camera: Camera
    lines: list[Line]
    card: str | None
    phase: str
    hold_counts: bool
    shake: float = 0.0


class FinaleLogic(SceneLogic):
    """Growth, rope tension and snapping, the park falling away, timeline cues, then on_win."""

    kind = "finale"

    def __init__(self, scene: Any, host: SceneHost) -> None:
        super().__init__(scene, host)
        spec = scene.finale
        if not isinstance(spec, FinaleSpec):
            raise ValueError(f"scene {scene.id!r} has no finale block")
        self.spec = spec
        self.timeline = Timeline.for_scene(spec.timeline, scene, host)
        self.size = START_SIZE
        self.snapped = 0
        self.tension = 0.0
        self.since_tap = 0.0
        self.hold_time = 0.0
        self.confirm_down = False
        self.taps = 0
        self.fall = 0.0
        self.snap_flash = 0.0
        self.phase = "ropes"  # ropes | rising | done

    def hold_counts(self) -> bool:
        """Whether holding CONFIRM counts as pressing (settings.hold_to_mash, on unless turned off)."""
        return bool(setting(self.host, "hold_to_mash", True))

    def cap(self) -> float:
        """How big the ropes let the Star grow now."""
        if self.snapped >= self.spec.ropes:
            return 1.0
        return START_SIZE + (1.0 - START_SIZE) * 0.8 * (self.snapped + 1) / (self.spec.ropes + 1)

    def handle(self, event: InputEvent) -> bool:
        """CONFIRM (key, button, click or tap) pulls on the current rope."""
        if event.action != Action.CONFIRM:
            return False
        self.confirm_down = event.pressed
        if event.pressed:
            self.hold_time = 0.0
            self.tap()
        return True

    def tap(self) -> None:
        """One pull on the current rope."""
        if self.phase != "ropes":
            return
        self.taps += 1
        self.tension += 1
        self.since_tap = 0.0
        if self.tension >= self.spec.taps_per_rope:
            self.tension = 0.0
            self.snapped += 1
            self.snap_flash = 0.4
            self.host.command("sfx", {"sound": "sfx/rope_snap.ogg"})
            if not setting(self.host, "reduced_motion", False):
                self.host.command("shake", {"strength": 6, "duration": 0.3})
            if self.snapped >= self.spec.ropes:
                self.phase = "rising"

    def update(self, dt: float) -> None:
        """Grow, hold-to-pull, rope slack, the fall, timeline; win when the park has fallen away."""
        super().update(dt)
        self.timeline.update(dt)
        self.snap_flash = max(0.0, self.snap_flash - dt)
        self.size = min(self.cap(), self.size + self.spec.grow_rate * dt)
        if self.phase == "ropes":
            down = self.confirm_down or "confirm" in held(self.host)
            if down and self.hold_counts():
                self.hold_time += dt
                if self.hold_time >= HOLD_INTERVAL:
                    self.hold_time -= HOLD_INTERVAL
                    self.tap()
            self.since_tap += dt
            slack = not setting(self.host, "timers_off", False)
            if slack and self.since_tap > self.spec.tap_window and self.tension > 0:
                self.tension = max(0.0, self.tension - 1)
                self.since_tap -= self.spec.tap_window
        elif self.phase == "rising":
            self.fall = min(1.0, self.fall + dt / FALL_TIME)
            self.size = min(1.0, self.size + max(self.spec.grow_rate, 0.2) * dt)
            if self.fall >= 1.0 and self.size >= 1.0:
                self.phase = "done"
                if self.spec.on_win:
                    self.host.run_node(self.spec.on_win)

    def view(self) -> FinaleView:
        """Plain data for the renderer."""
        ropes = []
        for i in range(self.spec.ropes):
            if i < self.snapped:
                ropes.append(-1.0)
            elif i == self.snapped:
                ropes.append(self.tension / self.spec.taps_per_rope)
            else:
                ropes.append(0.0)
        tl = self.timeline
        return FinaleView(
            background=self.scene.background,
            size=self.size,
            ropes=ropes,
            current=self.snapped,
            fall=self.fall,
            actors=sorted(tl.actors.values(), key=lambda a: a.y),
            camera=Camera(tl.camera.x, tl.camera.y, tl.camera.zoom),
            lines=tl.current_lines(),
            card=tl.current_card(),
            phase=self.phase,
            hold_counts=self.hold_counts(),
            shake=self.snap_flash,
        )

    def state(self) -> dict[str, Any]:
        """Summary for tests and determinism checks."""
        return {
            **super().state(),
            "phase": self.phase,
            "size": round(self.size, 4),
            "snapped": self.snapped,
            "tension": self.tension,
            "taps": self.taps,
            "fall": round(self.fall, 4),
        }
