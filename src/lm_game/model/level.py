"""Frozen dataclasses for a loaded level (format 1); see docs/level-format.md.

Built by :mod:`lm_game.content.loader`; never constructed from raw JSON elsewhere.
Every element keeps ``loc`` (file, line, col, JSON path) so errors can point at the source.
JSON keys that are Python keywords are renamed: ``if`` -> ``cond``, ``from`` -> ``side``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from lm_game.model.expr import Effect, Env, Expr, Value, apply_effect, evaluate

JsonValue = None | bool | int | float | str | tuple["JsonValue", ...] | Mapping[str, "JsonValue"]
Rect = tuple[int, int, int, int]
Point = tuple[int, int]

FORMAT_VERSION = 1
SCENE_TYPES = ("dialogue", "explore", "dodge", "rhythm", "cutscene", "finale")
TRANSITIONS = ("fade", "wipe", "tear")
VAR_TYPES = ("bool", "int", "str")
STEP_KINDS = ("say", "choice", "do", "goto", "scene", "command", "end_level", "ending")
COMMANDS = ("shake", "flash", "sfx", "music", "wait", "emotion", "give", "take")
CUE_KINDS = ("move", "say", "camera", "card", "music", "sfx", "emotion")
WAVE_PATTERNS = ("line", "ring", "aimed", "rain", "spiral")
PROJECTILES = ("flashbulb", "headline", "microphone")
SIDES = ("left", "right", "top", "bottom", "center")
DIFFICULTIES = ("easy", "normal", "hard")
STAR = "star"


@dataclass(frozen=True)
class SourceLoc:
    """Where an element came from: file, 1-based line and column, JSON path like ``$.scenes[0]``."""

    file: str = "<memory>"
    line: int = 0
    col: int = 0
    path: str = "$"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


NO_LOC = SourceLoc()


def _loc() -> SourceLoc:
    return field(default=NO_LOC, compare=False, repr=False)  # type: ignore[no-any-return]


def _empty_map() -> Mapping[str, JsonValue]:
    return MappingProxyType({})


@dataclass(frozen=True, kw_only=True)
class Condition:
    """A parsed condition (``"if"`` fields); ``holds(env)`` evaluates it."""

    text: str
    ast: Expr
    loc: SourceLoc = _loc()

    def holds(self, env: Env) -> bool:
        """True when the condition is true in env."""
        return bool(evaluate(self.ast, env))


@dataclass(frozen=True, kw_only=True)
class EffectStmt:
    """A parsed effect (``"do"`` fields); ``apply(env)`` runs it."""

    text: str
    ast: Effect
    loc: SourceLoc = _loc()

    def apply(self, env: Env) -> None:
        """Run the effect against env."""
        apply_effect(self.ast, env)


def holds(cond: Condition | None, env: Env) -> bool:
    """True when cond is absent or true (the rule for every ``"if"`` field)."""
    return cond is None or cond.holds(env)


# --------------------------------------------------------------------------- declarations


@dataclass(frozen=True, kw_only=True)
class Variable:
    """A declared variable; ``type`` is bool, int or str and ``default`` has that type."""

    id: str
    type: Literal["bool", "int", "str"]
    default: Value
    doc: str = ""
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Character:
    """A speaker; portrait of emotion e is ``assets/<portrait>_<e>.png``."""

    id: str
    name: str
    portrait: str | None = None
    emotions: tuple[str, ...] = ("neutral",)
    color: str = "#ffffff"
    loc: SourceLoc = _loc()

    def portrait_file(self, emotion: str = "neutral") -> str | None:
        """Asset path (relative to assets/) of the portrait for an emotion, or None."""
        if self.portrait is None:
            return None
        return f"{self.portrait}_{emotion}.png"


@dataclass(frozen=True, kw_only=True)
class Item:
    """An inventory item."""

    id: str
    name: str
    icon: str | None = None
    description: str = ""
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class EndingDef:
    """One of the story's endings."""

    id: str
    title: str
    text: str = ""
    background: str | None = None
    loc: SourceLoc = _loc()


# --------------------------------------------------------------------------- scene parts


@dataclass(frozen=True, kw_only=True)
class Actor:
    """A character drawn in a scene, feet at (x, y)."""

    character: str
    x: int
    y: int
    emotion: str = "neutral"
    scale: float = 1.0
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class ExplorePlayer:
    """Where the Star starts in an explore scene and how fast she walks (px/s)."""

    x: int
    y: int
    speed: float = 220.0
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class ItemUse:
    """Using an item on a hotspot runs a node."""

    item: str
    node: str
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Hotspot:
    """An interactable rectangle in an explore scene."""

    id: str
    label: str
    rect: Rect
    node: str | None = None
    cond: Condition | None = None
    use: ItemUse | None = None
    exit: str | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class ExploreSpec:
    """Tuning for an ``explore`` scene."""

    player: ExplorePlayer
    walk_bounds: Rect
    depth_scale: tuple[float, float] = (1.0, 1.0)
    hotspots: tuple[Hotspot, ...] = ()
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class DodgePlayer:
    """The Star's movement in a dodge scene (speeds px/s, times s)."""

    x: int
    y: int
    speed: float = 240.0
    dash_speed: float = 600.0
    dash_time: float = 0.15
    dash_cooldown: float = 0.8
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Wave:
    """A burst of projectiles starting ``at`` s into a dodge scene (JSON ``from`` = ``side``)."""

    at: float
    pattern: Literal["line", "ring", "aimed", "rain", "spiral"]
    projectile: Literal["flashbulb", "headline", "microphone"]
    count: int = 1
    interval: float = 0.0
    speed: float = 200.0
    side: Literal["left", "right", "top", "bottom", "center"] = "left"
    spread: float = 0.0
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Collectible:
    """A word to pick up in a dodge scene; appears at ``at`` s and lasts ``ttl`` s."""

    at: float
    x: int
    y: int
    word: str
    ttl: float = 4.0
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Difficulty:
    """Multipliers for one difficulty level."""

    speed: float = 1.0
    composure: float = 1.0
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class DodgeSpec:
    """Tuning for a ``dodge`` scene."""

    duration: float
    composure: int
    player: DodgePlayer
    arena: Rect
    waves: tuple[Wave, ...] = ()
    collectibles: tuple[Collectible, ...] = ()
    collect_goal: int = 0
    on_win: str | None = None
    on_lose: str | None = None
    difficulty: Mapping[str, Difficulty] = field(default_factory=lambda: MappingProxyType({}))
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Note:
    """A rhythm note: ``beat``, ``lane`` (0-based), ``hold`` beats (0 = tap)."""

    beat: float
    lane: int
    hold: float = 0.0
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Windows:
    """Timing windows (seconds either side of the beat)."""

    perfect: float = 0.05
    good: float = 0.1
    ok: float = 0.15
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Distraction:
    """A heckle shown at a beat in a rhythm scene."""

    beat: float
    text: str
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class RhythmSpec:
    """Tuning for a ``rhythm`` scene."""

    bpm: float
    offset: float = 0.0
    lanes: int = 4
    notes: tuple[Note, ...] = ()
    windows: Windows = Windows()
    pass_accuracy: float = 0.6
    on_win: str | None = None
    on_lose: str | None = None
    distractions: tuple[Distraction, ...] = ()
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Cue:
    """A timed cutscene/finale event; ``do`` picks which of the optional fields matter.

    move: actor, to, duration; say: speaker (None = narration), text, duration;
    camera: pan, zoom, duration; card: text, duration; music: track (None = stop);
    sfx: sound; emotion: actor, emotion.
    """

    at: float
    do: Literal["move", "say", "camera", "card", "music", "sfx", "emotion"]
    actor: str | None = None
    to: Point | None = None
    duration: float = 0.0
    speaker: str | None = None
    text: str = ""
    pan: Point | None = None
    zoom: float = 1.0
    track: str | None = None
    sound: str | None = None
    emotion: str | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class CutsceneSpec:
    """Tuning for a ``cutscene`` scene: a timeline, then a node."""

    timeline: tuple[Cue, ...] = ()
    then: str | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class FinaleSpec:
    """Tuning for the ``finale`` scene (the Star grows; ropes snap under repeated presses)."""

    grow_rate: float
    ropes: int
    taps_per_rope: int
    tap_window: float
    on_win: str | None = None
    timeline: tuple[Cue, ...] = ()
    loc: SourceLoc = _loc()


SceneSpec = ExploreSpec | DodgeSpec | RhythmSpec | CutsceneSpec | FinaleSpec


@dataclass(frozen=True, kw_only=True)
class Scene:
    """One scene; exactly the block named like ``type`` is set (none for ``dialogue``)."""

    id: str
    type: Literal["dialogue", "explore", "dodge", "rhythm", "cutscene", "finale"]
    title: str = ""
    background: str | None = None
    music: str | None = None
    music_set: bool = False
    """True when the level names the scene's music: a track, or null for silence. False (the field
    is omitted): whatever plays keeps playing."""
    actors: tuple[Actor, ...] = ()
    start: str | None = None
    transition: Literal["fade", "wipe", "tear"] = "fade"
    explore: ExploreSpec | None = None
    dodge: DodgeSpec | None = None
    rhythm: RhythmSpec | None = None
    cutscene: CutsceneSpec | None = None
    finale: FinaleSpec | None = None
    loc: SourceLoc = _loc()

    @property
    def spec(self) -> SceneSpec | None:
        """The type's tuning block (None for dialogue scenes)."""
        return self.explore or self.dodge or self.rhythm or self.cutscene or self.finale


# --------------------------------------------------------------------------- steps


@dataclass(frozen=True, kw_only=True)
class Say:
    """A line of dialogue; speaker None means narration."""

    text: str
    speaker: str | None = None
    emotion: str | None = None
    cond: Condition | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Option:
    """One choice option; goto None means the node continues after the choice."""

    text: str
    cond: Condition | None = None
    show_disabled: bool = False
    effects: tuple[EffectStmt, ...] = ()
    goto: str | None = None
    default: bool = False
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Choice:
    """A menu of options; with ``timer`` the ``default`` option is taken when time runs out."""

    options: tuple[Option, ...]
    timer: float | None = None
    cond: Condition | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Do:
    """Run effects."""

    effects: tuple[EffectStmt, ...]
    cond: Condition | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Goto:
    """Jump to another node of this level."""

    target: str
    cond: Condition | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class SceneChange:
    """Leave for another scene of this level (JSON ``{"scene": id}``)."""

    scene: str
    cond: Condition | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Command:
    """A presentation command (shake, flash, sfx, music, wait, ...) with its args."""

    name: str
    args: Mapping[str, JsonValue] = field(default_factory=_empty_map)
    cond: Condition | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class EndLevel:
    """The level is done; the game goes on to ``Level.next``."""

    cond: Condition | None = None
    loc: SourceLoc = _loc()


@dataclass(frozen=True, kw_only=True)
class Ending:
    """The story ends with the named ending."""

    ending: str
    cond: Condition | None = None
    loc: SourceLoc = _loc()


Step = Say | Choice | Do | Goto | SceneChange | Command | EndLevel | Ending
#: Steps after which control never falls through to the next step (when their condition holds).
TERMINAL_STEPS = (Goto, SceneChange, EndLevel, Ending)


@dataclass(frozen=True, kw_only=True)
class Node:
    """A named list of steps run in order."""

    id: str
    steps: tuple[Step, ...]
    loc: SourceLoc = _loc()


# --------------------------------------------------------------------------- level


@dataclass(frozen=True, kw_only=True)
class Level:
    """A whole level file, validated; look-ups by id via ``scene()``/``node()``."""

    id: str
    title: str
    next: str | None
    start: str
    format: int = FORMAT_VERSION
    variables: Mapping[str, Variable] = field(default_factory=lambda: MappingProxyType({}))
    characters: Mapping[str, Character] = field(default_factory=lambda: MappingProxyType({}))
    items: Mapping[str, Item] = field(default_factory=lambda: MappingProxyType({}))
    scenes: tuple[Scene, ...] = ()
    nodes: Mapping[str, Node] = field(default_factory=lambda: MappingProxyType({}))
    endings: Mapping[str, EndingDef] = field(default_factory=lambda: MappingProxyType({}))
    file: str = "<memory>"
    loc: SourceLoc = _loc()

    def scene(self, scene_id: str) -> Scene:
        """The scene with this id (KeyError if absent)."""
        for s in self.scenes:
            if s.id == scene_id:
                return s
        raise KeyError(scene_id)

    def node(self, node_id: str) -> Node:
        """The node with this id (KeyError if absent)."""
        return self.nodes[node_id]

    @property
    def start_scene(self) -> Scene:
        """The scene entered first."""
        return self.scene(self.start)

    def assets(self) -> list[tuple[str, SourceLoc]]:
        """Every asset path the level refers to (relative to assets/), with where it is used."""
        from lm_game.model.walk import level_assets

        return level_assets(self)
