"""Helpers shared by scene types: settings look-ups, state snapshots, timelines, small geometry."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lm_game.input.actions import Action
from lm_game.model.level import Actor, Cue

SCREEN_W, SCREEN_H = 960, 540
SCREEN_CENTER = (SCREEN_W / 2, SCREEN_H / 2)


def setting(host: Any, name: str, default: Any) -> Any:
    """A player setting by name, or default when the host has no settings (tests) or no such field."""
    settings = getattr(host, "settings", None)
    return getattr(settings, name, default) if settings is not None else default


def held(host: Any) -> frozenset[str]:
    """The actions the host reports as held, as plain strings."""
    raw = getattr(host, "held", None) or ()
    return frozenset(str(a.value) if isinstance(a, Action) else str(a) for a in raw)


def axis(host: Any) -> tuple[float, float]:
    """Held directions as a unit-length (dx, dy) (diagonals normalised)."""
    h = held(host)
    dx = (1.0 if "right" in h else 0.0) - (1.0 if "left" in h else 0.0)
    dy = (1.0 if "down" in h else 0.0) - (1.0 if "up" in h else 0.0)
    n = math.hypot(dx, dy)
    return (dx / n, dy / n) if n else (0.0, 0.0)


def snapshot(state: Any) -> dict[str, Any] | None:
    """The GameState as plain data (restore() puts it back), or None when the host has no state."""
    to_dict = getattr(state, "to_dict", None)
    return to_dict() if callable(to_dict) else None


def restore(state: Any, snap: dict[str, Any] | None) -> None:
    """Put a snapshot back into the same GameState object (scenes and the runner keep their reference).

    Works through proxies too: ``from_dict``/``assign`` are looked up on the object, not its type.
    """
    if snap is None or state is None:
        return
    fresh = state.from_dict(snap)
    state.assign(fresh)


def seed_of(state: Any) -> int:
    """A seed for this scene's RNG: the playthrough seed mixed with its RNG counter (never global random)."""
    return int(getattr(state, "seed", 0)) * 1_000_003 + int(getattr(state, "rng_counter", 0))


def lerp(a: float, b: float, t: float) -> float:
    """Linear interpolation, t clamped to 0..1."""
    t = 0.0 if t < 0 else 1.0 if t > 1 else t
    return a + (b - a) * t


def ease(t: float) -> float:
    """Smoothstep easing for camera and actor moves."""
    t = 0.0 if t < 0 else 1.0 if t > 1 else t
    return t * t * (3 - 2 * t)


def clamp(v: float, lo: float, hi: float) -> float:
    """v limited to lo..hi."""
    return lo if v < lo else hi if v > hi else v


def rect_distance(px: float, py: float, rect: tuple[int, int, int, int]) -> float:
    """Distance from a point to a rectangle (0 inside)."""
    x, y, w, h = rect
    dx = max(x - px, 0.0, px - (x + w))
    dy = max(y - py, 0.0, py - (y + h))
    return math.hypot(dx, dy)


def in_rect(pos: tuple[float, float], rect: tuple[int, int, int, int]) -> bool:
    """Whether pos lies inside rect."""
    x, y, w, h = rect
    return x <= pos[0] < x + w and y <= pos[1] < y + h


# --------------------------------------------------------------------------- actors + timelines


@dataclass
class ActorView:
    """An actor as drawn now: where its feet are, its emotion, its scale."""

    character: str
    x: float
    y: float
    emotion: str = "neutral"
    scale: float = 1.0
    portrait: str | None = None


@dataclass(frozen=True)
class Line:
    """A spoken line or a text card shown now."""

    speaker: str | None
    name: str
    text: str
    color: str = "#f3e9d2"


@dataclass
class Camera:
    """What the camera looks at: world point at the screen centre and zoom."""

    x: float = SCREEN_CENTER[0]
    y: float = SCREEN_CENTER[1]
    zoom: float = 1.0


def portrait_for(level: Any, character: str, emotion: str) -> str | None:
    """Asset path of a character's portrait (from the level when the host offers one)."""
    chars = getattr(level, "characters", None) if level is not None else None
    if chars is not None and character in chars:
        path: str | None = chars[character].portrait_file(emotion)
        return path
    return f"portraits/{character}_{emotion}.png"


def speaker_name(level: Any, character: str | None) -> tuple[str, str]:
    """(display name, colour) of a speaker; narration has an empty name."""
    if character is None:
        return "", "#f3e9d2"
    chars = getattr(level, "characters", None) if level is not None else None
    if chars is not None and character in chars:
        c = chars[character]
        return str(c.name), str(c.color)
    return character.replace("_", " ").title(), "#f3e9d2"


def make_actors(actors: Iterable[Actor], level: Any) -> dict[str, ActorView]:
    """Actor views from a scene's actors list, keyed by character."""
    out: dict[str, ActorView] = {}
    for a in actors:
        out[a.character] = ActorView(a.character, float(a.x), float(a.y), a.emotion, a.scale,
                                     portrait_for(level, a.character, a.emotion))
    return out


@dataclass
class _Move:
    actor: str
    start: tuple[float, float]
    end: tuple[float, float]
    t0: float
    duration: float


@dataclass
class Timeline:
    """Plays cues at their times (move/say/camera/card/music/sfx/emotion); skip() jumps to the end state.

    Commands (music, sfx) go through the host; everything else lands in actors/camera/lines.
    With ``reduced_motion`` camera changes cut instead of panning and zooming.
    """

    cues: tuple[Cue, ...]
    host: Any
    level: Any
    actors: dict[str, ActorView]
    reduced_motion: bool = False
    time: float = 0.0
    next_index: int = 0
    camera: Camera = field(default_factory=Camera)
    lines: list[tuple[float, Line]] = field(default_factory=list)
    card: tuple[float, str] | None = None
    _moves: list[_Move] = field(default_factory=list)
    _cam_from: tuple[float, float, float] = (SCREEN_CENTER[0], SCREEN_CENTER[1], 1.0)
    _cam_to: tuple[float, float, float] = (SCREEN_CENTER[0], SCREEN_CENTER[1], 1.0)
    _cam_t0: float = 0.0
    _cam_dur: float = 0.0

    @classmethod
    def for_scene(cls, cues: tuple[Cue, ...], scene: Any, host: Any) -> Timeline:
        """A timeline over `cues` with the scene's actors and the player's reduced-motion setting."""
        level = getattr(host, "level", None)
        return cls(cues, host, level, make_actors(scene.actors, level),
                   reduced_motion=bool(setting(host, "reduced_motion", False)))

    def __post_init__(self) -> None:
        self.cues = tuple(sorted(self.cues, key=lambda c: c.at))

    @property
    def end(self) -> float:
        """When the last cue is over (seconds)."""
        return max((c.at + c.duration for c in self.cues), default=0.0)

    @property
    def done(self) -> bool:
        """True once every cue has fired and finished."""
        return self.next_index >= len(self.cues) and self.time >= self.end

    def update(self, dt: float) -> None:
        """Advance time, fire due cues, move actors and the camera."""
        self.time += dt
        while self.next_index < len(self.cues) and self.cues[self.next_index].at <= self.time:
            self._fire(self.cues[self.next_index], sounds=True)
            self.next_index += 1
        self._animate()

    def skip(self) -> None:
        """Jump to the end state: every cue applied, moves finished, no sounds, no lines left."""
        while self.next_index < len(self.cues):
            self._fire(self.cues[self.next_index], sounds=False)
            self.next_index += 1
        self.time = max(self.time, self.end)
        self._animate()
        self.lines.clear()
        self.card = None

    def current_lines(self) -> list[Line]:
        """Lines being spoken now (newest last)."""
        return [line for until, line in self.lines if until > self.time]

    def current_card(self) -> str | None:
        """The text card shown now, if any."""
        if self.card is not None and self.card[0] > self.time:
            return self.card[1]
        return None

    def _fire(self, cue: Cue, sounds: bool) -> None:
        if cue.do == "move" and cue.actor is not None and cue.to is not None:
            a = self.actors.get(cue.actor)
            if a is None:
                a = ActorView(cue.actor, float(cue.to[0]), float(cue.to[1]),
                              portrait=portrait_for(self.level, cue.actor, "neutral"))
                self.actors[cue.actor] = a
            self._moves = [m for m in self._moves if m.actor != cue.actor]
            self._moves.append(_Move(cue.actor, (a.x, a.y), (float(cue.to[0]), float(cue.to[1])), cue.at, cue.duration))
        elif cue.do == "say":
            name, color = speaker_name(self.level, cue.speaker)
            self.lines = [(u, ln) for u, ln in self.lines if u > cue.at and ln.speaker != cue.speaker]
            self.lines.append((cue.at + max(cue.duration, 0.5), Line(cue.speaker, name, cue.text, color)))
        elif cue.do == "card":
            self.card = (cue.at + max(cue.duration, 0.5), cue.text)
        elif cue.do == "camera":
            cur = (self.camera.x, self.camera.y, self.camera.zoom)
            pan = cue.pan if cue.pan is not None else (self.camera.x, self.camera.y)
            self._cam_from = cur
            self._cam_to = (float(pan[0]), float(pan[1]), float(cue.zoom))
            self._cam_t0 = cue.at
            self._cam_dur = 0.0 if self.reduced_motion else cue.duration
        elif cue.do == "emotion" and cue.actor is not None:
            a = self.actors.get(cue.actor)
            if a is not None and cue.emotion:
                a.emotion = cue.emotion
                a.portrait = portrait_for(self.level, a.character, cue.emotion)
        elif cue.do == "music":
            self.host.command("music", {"track": cue.track})
        elif cue.do == "sfx" and sounds and cue.sound:
            self.host.command("sfx", {"sound": cue.sound})

    def _animate(self) -> None:
        keep: list[_Move] = []
        for m in self._moves:
            a = self.actors[m.actor]
            t = 1.0 if m.duration <= 0 else (self.time - m.t0) / m.duration
            k = ease(t)
            a.x = lerp(m.start[0], m.end[0], k)
            a.y = lerp(m.start[1], m.end[1], k)
            if t < 1.0:
                keep.append(m)
        self._moves = keep
        t = 1.0 if self._cam_dur <= 0 else (self.time - self._cam_t0) / self._cam_dur
        k = ease(t)
        fx, fy, fz = self._cam_from
        tx, ty, tz = self._cam_to
        self.camera.x, self.camera.y, self.camera.zoom = lerp(fx, tx, k), lerp(fy, ty, k), lerp(fz, tz, k)
