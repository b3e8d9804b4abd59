"""The ``dodge`` scene type: survive waves of press projectiles, catch the words of a true sentence.

Deterministic for a seed: spawn jitter comes from a ``random.Random`` seeded from the GameState's
seed and RNG counter. Losing restores the GameState as it was when the segment began and restarts.
Flashes are only *requested* (``host.command("flash")``); the presentation's limiter decides.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from lm_game.input.actions import Action, InputEvent
from lm_game.model.level import Difficulty, DodgeSpec, Wave
from lm_game.scenes.base import SceneHost, SceneLogic
from lm_game.scenes.common import axis, clamp, restore, seed_of, setting, snapshot

PLAYER_RADIUS = 16.0
RADIUS = {"flashbulb": 12.0, "headline": 18.0, "microphone": 12.0}
HIT_INVULNERABLE = 1.2  # seconds of grace after a hit
DASH_GRACE = 0.08  # invulnerability lasts this long past the end of a dash
PICKUP_RADIUS = 34.0
WARN_AHEAD = 0.8  # seconds a wave is announced at its edge before it starts
LOSE_PAUSE = 1.5  # seconds the "composure lost" card shows before the segment restarts
WIN_PAUSE = 1.0
DOUBLE_TAP = 0.3  # two taps this close together dash (touch)
MARGIN = 90.0  # projectiles further than this outside the arena are gone
DEFAULT_DIFFICULTY = {
    "easy": Difficulty(speed=0.75, composure=2.0),
    "normal": Difficulty(speed=1.0, composure=1.0),
    "hard": Difficulty(speed=1.25, composure=0.67),
}


@dataclass
class Projectile:
    """One flying thing (kind: flashbulb/headline/microphone), position and velocity in px, px/s."""

    kind: str
    x: float
    y: float
    vx: float
    vy: float
    age: float = 0.0

    @property
    def angle(self) -> float:
        """Direction of travel in degrees (for drawing rotated)."""
        return math.degrees(math.atan2(self.vy, self.vx))


@dataclass
class WordView:
    """A collectible word on screen: where, what, and how much of its time is left (0..1)."""

    word: str
    x: float
    y: float
    life: float


@dataclass
class DodgeView:
    """Everything a dodge scene shows."""

    background: str | None
    arena: tuple[int, int, int, int]
    player: tuple[float, float]
    facing_left: bool
    dashing: bool
    invulnerable: bool
    hurt: bool
    projectiles: list[Projectile]
    words: list[WordView]
    collected: list[str]
    collect_goal: int
    composure: int
    composure_max: int
    time: float
    duration: float
    dash_ready: float
    warnings: list[tuple[str, str]] = field(default_factory=list)
    phase: str = "play"
    retries: int = 0
    difficulty: str = "normal"
    reduced_flashing: bool = False


class DodgeLogic(SceneLogic):
    """Movement, dash, waves, hits, collectibles, win/lose and restart (tuning from ``scene.dodge``)."""

    kind = "dodge"

    def __init__(self, scene: Any, host: SceneHost) -> None:
        super().__init__(scene, host)
        spec = scene.dodge
        if not isinstance(spec, DodgeSpec):
            raise ValueError(f"scene {scene.id!r} has no dodge block")
        self.spec = spec
        self.retries = 0
        self.saved: dict[str, Any] | None = None
        self._reset()

    # ------------------------------------------------------------------ setup

    def difficulty_name(self) -> str:
        """The player's dodge difficulty (settings.dodge_difficulty), normal when unknown."""
        name = str(setting(self.host, "dodge_difficulty", setting(self.host, "difficulty", "normal")))
        return name if name in DEFAULT_DIFFICULTY else "normal"

    def difficulty(self) -> Difficulty:
        """Multipliers for the current difficulty: the level's, else the defaults."""
        name = self.difficulty_name()
        return self.spec.difficulty.get(name) or DEFAULT_DIFFICULTY[name]

    def _reset(self) -> None:
        d = self.difficulty()
        self.time = 0.0
        self.speed_mult = d.speed
        self.composure_max = max(1, round(self.spec.composure * d.composure))
        self.composure = self.composure_max
        p = self.spec.player
        self.x, self.y = float(p.x), float(p.y)
        self.dir = (0.0, -1.0)
        self.facing_left = False
        self.dash_left = 0.0
        self.dash_dir = (0.0, 0.0)
        self.cooldown = 0.0
        self.invulnerable = 0.0
        self.hurt_time = 0.0
        self.projectiles: list[Projectile] = []
        self.spawns: list[tuple[float, int, int]] = []  # (time, wave index, projectile index)
        for wi, w in enumerate(self.spec.waves):
            for i in range(max(1, w.count)):
                self.spawns.append((w.at + i * w.interval, wi, i))
        self.spawns.sort()
        self.spawn_next = 0
        self.wave_origin: dict[int, tuple[float, float]] = {}
        self.announced: set[int] = set()
        self.words_seen: set[int] = set()
        self.collected: list[str] = []
        self.phase = "play"  # play | lost | won | done
        self.phase_time = 0.0
        self.hits = 0
        self.dashes = 0
        self.pointer_target: tuple[float, float] | None = None
        self.pointer_down = False
        self.last_tap = -10.0
        self.rng = random.Random(seed_of(self.host.state))

    def start(self) -> None:
        """Remember the GameState as the segment begins (losing puts it back)."""
        self.saved = snapshot(self.host.state)
        self._reset()

    def restart(self) -> None:
        """Back to the start of the segment: state restored, composure full, same waves."""
        restore(self.host.state, self.saved)
        self.retries += 1
        self._reset()

    # ------------------------------------------------------------------ input

    def handle(self, event: InputEvent) -> bool:
        """DASH dashes; a pointer pressed (and dragged) steers; a double tap dashes."""
        a = event.action
        if self.phase != "play":
            if a == Action.CONFIRM and event.pressed and self.phase == "lost":
                self.phase_time = LOSE_PAUSE  # skip the pause
                return True
            return False
        if a == Action.DASH and event.pressed:
            return self.dash()
        if a == Action.CONFIRM and event.pos is not None:
            if event.pressed:
                if self.time - self.last_tap <= DOUBLE_TAP:
                    self.dash(toward=event.pos)
                self.last_tap = self.time
                self.pointer_down = True
                self.pointer_target = event.pos
            else:
                self.pointer_down = False
                self.pointer_target = None
            return True
        if a == Action.POINT and event.pos is not None and self.pointer_down:
            self.pointer_target = event.pos
            return True
        return False

    def dash(self, toward: tuple[float, float] | None = None) -> bool:
        """Start a dash in the moving direction (or toward a point) when the cooldown allows."""
        if self.cooldown > 0 or self.dash_left > 0:
            return False
        d = self._move_dir()
        if toward is not None:
            dx, dy = toward[0] - self.x, toward[1] - self.y
            n = math.hypot(dx, dy)
            if n > 1:
                d = (dx / n, dy / n)
        if d == (0.0, 0.0):
            d = self.dir
        self.dash_dir = d
        self.dash_left = self.spec.player.dash_time
        self.cooldown = self.spec.player.dash_cooldown
        self.invulnerable = max(self.invulnerable, self.spec.player.dash_time + DASH_GRACE)
        self.dashes += 1
        self.host.command("sfx", {"sound": "sfx/dash.ogg"})
        return True

    def _move_dir(self) -> tuple[float, float]:
        dx, dy = axis(self.host)
        if (dx or dy) or self.pointer_target is None:
            return dx, dy
        tx, ty = self.pointer_target
        ddx, ddy = tx - self.x, ty - self.y
        n = math.hypot(ddx, ddy)
        if n < 4:
            return 0.0, 0.0
        return ddx / n, ddy / n

    # ------------------------------------------------------------------ update

    def update(self, dt: float) -> None:
        """One step: phases, movement, spawns, projectiles, hits, words, win/lose."""
        if self.phase != "play":
            self.phase_time += dt
            if self.phase == "lost" and self.phase_time >= LOSE_PAUSE:
                self._after_loss()
            elif self.phase == "won" and self.phase_time >= WIN_PAUSE:
                self.phase = "done"
                if self.spec.on_win:
                    self.host.run_node(self.spec.on_win)
            return
        self.time += dt
        self._move(dt)
        self._spawn()
        self._fly(dt)
        self._words()
        if self.composure <= 0:
            self._lose()
        elif self.time >= self.spec.duration:
            if len(self.collected) >= self.spec.collect_goal:
                self.phase, self.phase_time = "won", 0.0
                self.host.command("sfx", {"sound": "sfx/collect.ogg"})
            else:
                self._lose()

    def _move(self, dt: float) -> None:
        p = self.spec.player
        self.cooldown = max(0.0, self.cooldown - dt)
        self.invulnerable = max(0.0, self.invulnerable - dt)
        self.hurt_time = max(0.0, self.hurt_time - dt)
        if self.dash_left > 0:
            step = min(dt, self.dash_left)
            self.dash_left -= step
            vx, vy = self.dash_dir[0] * p.dash_speed, self.dash_dir[1] * p.dash_speed
        else:
            dx, dy = self._move_dir()
            if dx or dy:
                self.dir = (dx, dy)
            vx, vy = dx * p.speed, dy * p.speed
            if self.pointer_target is not None and not (dx == 0 and dy == 0):
                # never overshoot a pointer target
                tx, ty = self.pointer_target
                dist = math.hypot(tx - self.x, ty - self.y)
                if dist < p.speed * dt:
                    vx, vy = (tx - self.x) / dt, (ty - self.y) / dt
        if vx:
            self.facing_left = vx < 0
        ax, ay, aw, ah = self.spec.arena
        r = PLAYER_RADIUS
        self.x = clamp(self.x + vx * dt, ax + r, ax + aw - r)
        self.y = clamp(self.y + vy * dt, ay + r, ay + ah - r)

    def _edge_point(self, side: str, t: float) -> tuple[float, float]:
        """A point just outside the arena on a side, t in 0..1 along it."""
        ax, ay, aw, ah = self.spec.arena
        out = 24.0
        if side == "left":
            return ax - out, ay + t * ah
        if side == "right":
            return ax + aw + out, ay + t * ah
        if side == "top":
            return ax + t * aw, ay - out
        if side == "bottom":
            return ax + t * aw, ay + ah + out
        return ax + aw / 2, ay + ah / 2

    def _flash_point(self, side: str) -> tuple[float, float]:
        """Where a flashbulb wave pops: inside the arena at the middle of its side."""
        ax, ay, aw, ah = self.spec.arena
        x, y = self._edge_point(side, 0.5)
        return clamp(x, ax + 30, ax + aw - 30), clamp(y, ay + 30, ay + ah - 30)

    @staticmethod
    def _inward(side: str) -> float:
        return {"left": 0.0, "right": 180.0, "top": 90.0, "bottom": 270.0}.get(side, 90.0)

    def _spawn(self) -> None:
        for wi, w in enumerate(self.spec.waves):
            if wi not in self.announced and self.time >= w.at:
                self.announced.add(wi)
                if w.projectile == "flashbulb":
                    x, y = self._flash_point(w.side)
                    self.host.command("flash", {"count": 1, "duration": 0.15, "x": x, "y": y, "radius": 70})
                    self.host.command("sfx", {"sound": "sfx/shutter.ogg"})
        while self.spawn_next < len(self.spawns) and self.spawns[self.spawn_next][0] <= self.time:
            _, wi, i = self.spawns[self.spawn_next]
            self.spawn_next += 1
            self._spawn_one(self.spec.waves[wi], wi, i)

    def _spawn_one(self, w: Wave, wi: int, i: int) -> None:
        rng = self.rng
        n = max(1, w.count)
        speed = w.speed * self.speed_mult
        jitter = (rng.random() - 0.5) * w.spread
        side = w.side
        if w.pattern in ("ring", "spiral"):
            if wi not in self.wave_origin:
                self.wave_origin[wi] = self._edge_point(side, 0.5)
            ox, oy = self.wave_origin[wi]
            spread = w.spread if w.spread > 0 else 360.0
            full = spread >= 359.9
            if w.pattern == "ring":
                step = spread / n if full else spread / max(1, n - 1)
                base = self._inward(side) - (0 if full else spread / 2)
                ang = base + i * step
            else:  # spiral: a turning stream; the spread is how far it turns over the wave
                ang = self._inward(side) + i * (spread / n) + (rng.random() - 0.5) * 4
            rad = math.radians(ang)
            start = 28.0 if side == "center" else 0.0
            x, y = ox + math.cos(rad) * start, oy + math.sin(rad) * start
        else:
            if side == "center":
                x, y = self._edge_point("center", 0.5)
                base = rng.random() * 360.0
            elif w.pattern == "line":
                # evenly spaced along the side, a little jitter so no two runs of a wave feel stamped
                t = (i + 0.5) / n if w.interval <= 0 else 0.1 + 0.8 * rng.random()
                x, y = self._edge_point(side, t)
                base = self._inward(side)
            else:  # rain, aimed
                x, y = self._edge_point(side, 0.05 + 0.9 * rng.random())
                base = self._inward(side)
            if w.pattern == "aimed":
                base = math.degrees(math.atan2(self.y - y, self.x - x))
            ang = base + jitter
            rad = math.radians(ang)
        self.projectiles.append(Projectile(w.projectile, x, y, math.cos(rad) * speed, math.sin(rad) * speed))

    def _fly(self, dt: float) -> None:
        ax, ay, aw, ah = self.spec.arena
        keep: list[Projectile] = []
        for p in self.projectiles:
            p.x += p.vx * dt
            p.y += p.vy * dt
            p.age += dt
            if not (ax - MARGIN <= p.x <= ax + aw + MARGIN and ay - MARGIN <= p.y <= ay + ah + MARGIN):
                continue
            r = RADIUS.get(p.kind, 12.0) + PLAYER_RADIUS
            if self.invulnerable <= 0 and (p.x - self.x) ** 2 + (p.y - self.y) ** 2 <= r * r:
                self._hit(p)
                continue
            keep.append(p)
        self.projectiles = keep

    def _hit(self, p: Projectile) -> None:
        self.composure -= 1
        self.hits += 1
        self.invulnerable = HIT_INVULNERABLE
        self.hurt_time = 0.4
        self.host.command("sfx", {"sound": "sfx/hit.ogg"})
        if not setting(self.host, "reduced_motion", False):
            self.host.command("shake", {"strength": 5, "duration": 0.25})
        if p.kind == "flashbulb":
            self.host.command("flash", {"count": 1, "duration": 0.15, "x": self.x, "y": self.y, "radius": 50})

    def _words(self) -> None:
        for i, c in enumerate(self.spec.collectibles):
            if i in self.words_seen or not (c.at <= self.time < c.at + c.ttl):
                continue
            if (c.x - self.x) ** 2 + (c.y - self.y) ** 2 <= PICKUP_RADIUS**2:
                self.words_seen.add(i)
                self.collected.append(c.word)
                self.host.command("sfx", {"sound": "sfx/collect.ogg"})

    def _lose(self) -> None:
        self.phase, self.phase_time = "lost", 0.0
        self.host.command("sfx", {"sound": "sfx/miss.ogg"})

    def _after_loss(self) -> None:
        self.restart()
        if self.spec.on_lose:
            self.host.run_node(self.spec.on_lose)

    # ------------------------------------------------------------------ output

    def view(self) -> DodgeView:
        """Plain data for the renderer."""
        words = [
            WordView(c.word, float(c.x), float(c.y), 1.0 - (self.time - c.at) / c.ttl if c.ttl > 0 else 1.0)
            for i, c in enumerate(self.spec.collectibles)
            if i not in self.words_seen and c.at <= self.time < c.at + c.ttl
        ]
        warnings: list[tuple[str, str]] = [
            (w.side, w.projectile)
            for w in self.spec.waves
            if w.side != "center" and w.at - WARN_AHEAD <= self.time < w.at + 0.2
        ]
        return DodgeView(
            background=self.scene.background,
            arena=self.spec.arena,
            player=(self.x, self.y),
            facing_left=self.facing_left,
            dashing=self.dash_left > 0,
            invulnerable=self.invulnerable > 0,
            hurt=self.hurt_time > 0,
            projectiles=list(self.projectiles),
            words=words,
            collected=list(self.collected),
            collect_goal=self.spec.collect_goal,
            composure=self.composure,
            composure_max=self.composure_max,
            time=self.time,
            duration=self.spec.duration,
            dash_ready=1.0 - (self.cooldown / self.spec.player.dash_cooldown if self.spec.player.dash_cooldown else 0),
            warnings=warnings,
            phase=self.phase,
            retries=self.retries,
            difficulty=self.difficulty_name(),
            reduced_flashing=bool(setting(self.host, "reduced_flashing", False)),
        )

    def state(self) -> dict[str, Any]:
        """Summary for tests and determinism checks."""
        return {
            **super().state(),
            "phase": self.phase,
            "player": [round(self.x, 3), round(self.y, 3)],
            "composure": self.composure,
            "composure_max": self.composure_max,
            "hits": self.hits,
            "dashes": self.dashes,
            "retries": self.retries,
            "collected": list(self.collected),
            "projectiles": [[p.kind, round(p.x, 3), round(p.y, 3)] for p in self.projectiles],
        }
