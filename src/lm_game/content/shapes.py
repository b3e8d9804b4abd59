"""The level format's structure, declared once and tied to the model dataclasses.

The loader validates and builds from these shapes; :mod:`lm_game.content.schema` turns them
into JSON Schema. Each :class:`Obj` names the model class it builds and maps JSON keys to
dataclass fields, and a test checks every dataclass field is covered, so the schema is
generated from the model and cannot drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lm_game.model import level as m

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
ASSET_PATTERN = r"^(?!.*\.\.)[a-z0-9_-][a-z0-9_.-]*(/[a-z0-9_-][a-z0-9_.-]*)*$"
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"


class Shape:
    """Base of all shapes; ``doc`` becomes the schema description."""

    doc: str = ""


@dataclass(frozen=True)
class Str(Shape):
    """A string; kind is None, "id", "asset", "color", "cond" or "effect"."""

    kind: str | None = None
    enum: tuple[str, ...] | None = None
    ext: tuple[str, ...] = ()
    min_len: int = 0
    doc: str = ""


@dataclass(frozen=True)
class Int(Shape):
    """An integer (JSON number without fraction)."""

    minimum: int | None = None
    maximum: int | None = None
    doc: str = ""


@dataclass(frozen=True)
class Num(Shape):
    """Any number; ``exclusive_min`` makes the minimum exclusive."""

    minimum: float | None = None
    maximum: float | None = None
    exclusive_min: bool = False
    doc: str = ""


@dataclass(frozen=True)
class Bool(Shape):
    """true or false."""

    const: bool | None = None
    doc: str = ""


@dataclass(frozen=True)
class Nullable(Shape):
    """The inner shape or null."""

    inner: Shape
    doc: str = ""


@dataclass(frozen=True)
class Arr(Shape):
    """A list; ``build`` is "tuple" (default) for model tuples."""

    item: Shape
    min_items: int = 0
    max_items: int | None = None
    doc: str = ""


@dataclass(frozen=True)
class Tup(Shape):
    """A fixed-position list ([x, y, w, h], [beat, lane, hold]); ``cls`` builds an object."""

    items: tuple[Shape, ...]
    min_items: int
    cls: type | None = None
    attrs: tuple[str, ...] = ()
    doc: str = ""


@dataclass(frozen=True)
class Map(Shape):
    """An object keyed by ids; each value's ``id`` field is filled from its key."""

    value: Shape
    key_enum: tuple[str, ...] | None = None
    wrap: type | None = None  # build wrap(id=key, steps=value) when the value is not an Obj
    doc: str = ""


@dataclass(frozen=True)
class Effects(Shape):
    """One effect string or a list of them; builds a tuple of EffectStmt."""

    doc: str = ""


@dataclass(frozen=True)
class AnyJson(Shape):
    """Anything (kept as frozen plain data)."""

    doc: str = ""


@dataclass(frozen=True)
class Field:
    """One JSON key of an object: its shape, whether required, and the dataclass field name."""

    shape: Shape
    required: bool = False
    attr: str | None = None  # dataclass field; "" = not stored
    doc: str = ""


@dataclass(frozen=True)
class Obj(Shape):
    """A JSON object with fixed keys; ``cls`` None builds a read-only dict."""

    name: str
    fields: dict[str, Field]
    cls: type | None = None
    doc: str = ""
    extra: tuple[str, ...] = ()  # keys allowed and ignored (e.g. "$schema")


@dataclass(frozen=True)
class Tagged(Shape):
    """Objects whose ``tag`` key picks the variant (scene "type", cue "do", variable "type")."""

    name: str
    tag: str
    variants: dict[str, Obj]
    doc: str = ""


@dataclass(frozen=True)
class Keyed(Shape):
    """Objects whose variant is chosen by which key is present (steps: "say", "goto", ...)."""

    name: str
    variants: dict[str, Shape] = field(default_factory=dict)
    doc: str = ""


def _id(doc: str = "") -> Str:
    return Str(kind="id", doc=doc)


def _asset(*ext: str, doc: str = "") -> Str:
    return Str(kind="asset", ext=ext, doc=doc)


def _req(shape: Shape, doc: str = "", attr: str | None = None) -> Field:
    return Field(shape, True, attr, doc)


def _opt(shape: Shape, doc: str = "", attr: str | None = None) -> Field:
    return Field(shape, False, attr, doc)


COND = Str(kind="cond", doc="condition expression")
IF = _opt(COND, "condition; the element is skipped/hidden when false", "cond")
RECT = Tup((Int(), Int(), Int(minimum=1), Int(minimum=1)), 4, doc="[x, y, w, h] in pixels")
POINT = Tup((Int(), Int()), 2, doc="[x, y] in pixels")
SECONDS = Num(minimum=0, doc="seconds")
POS_SECONDS = Num(minimum=0, exclusive_min=True, doc="seconds (> 0)")
SPEED = Num(minimum=0, doc="pixels per second")

# ----------------------------------------------------------------------------- declarations

_VAR_COMMON = {"doc": _opt(Str(), "what the variable means")}
VARIABLE = Tagged(
    "variable",
    "type",
    {
        t: Obj(
            f"variable_{t}",
            {
                "type": _req(Str(enum=(t,))),
                "default": _req({"bool": Bool(), "int": Int(), "str": Str()}[t], "initial value"),
                **_VAR_COMMON,
            },
            m.Variable,
        )
        for t in m.VAR_TYPES
    },
    "a declared variable; default has the declared type",
)

CHARACTER = Obj(
    "character",
    {
        "name": _req(Str(min_len=1), "display name"),
        "portrait": _opt(Nullable(_asset()), "portrait prefix: emotion e is assets/<portrait>_<e>.png"),
        "emotions": _opt(Arr(_id(), min_items=1), "emotion ids; must include neutral"),
        "color": _opt(Str(kind="color"), "name colour #rrggbb"),
    },
    m.Character,
    "a speaker",
)

ITEM = Obj(
    "item",
    {
        "name": _req(Str(min_len=1), "display name"),
        "icon": _opt(Nullable(_asset(".png")), "48x48 icon"),
        "description": _opt(Str(), "inventory text"),
    },
    m.Item,
    "an inventory item",
)

ENDING = Obj(
    "ending",
    {
        "title": _req(Str(min_len=1)),
        "text": _opt(Str(), "closing text"),
        "background": _opt(Nullable(_asset(".png")), "960x540 background"),
    },
    m.EndingDef,
    "an ending of the story",
)

# ----------------------------------------------------------------------------- scenes

ACTOR = Obj(
    "actor",
    {
        "character": _req(_id("character id")),
        "x": _req(Int()),
        "y": _req(Int()),
        "emotion": _opt(_id()),
        "scale": _opt(Num(minimum=0, exclusive_min=True)),
    },
    m.Actor,
    "a character drawn in the scene, feet at x,y",
)

ITEM_USE = Obj(
    "item_use",
    {"item": _req(_id("item id")), "node": _req(_id("node run when used"))},
    m.ItemUse,
)

HOTSPOT = Obj(
    "hotspot",
    {
        "id": _req(_id()),
        "label": _req(Str(min_len=1)),
        "rect": _req(RECT),
        "node": _opt(_id("node run on interact")),
        "if": IF,
        "use": _opt(ITEM_USE, "using an item here"),
        "exit": _opt(_id("scene entered on interact")),
    },
    m.Hotspot,
    "an interactable area of an explore scene",
)

EXPLORE = Obj(
    "explore",
    {
        "player": _req(
            Obj(
                "explore_player",
                {"x": _req(Int()), "y": _req(Int()), "speed": _opt(SPEED)},
                m.ExplorePlayer,
            )
        ),
        "walk_bounds": _req(RECT),
        "depth_scale": _opt(
            Tup(
                (Num(minimum=0, exclusive_min=True), Num(minimum=0, exclusive_min=True)),
                2,
            ),
            "[far, near] player scale at top and bottom of walk_bounds",
        ),
        "hotspots": _opt(Arr(HOTSPOT)),
    },
    m.ExploreSpec,
)

WAVE = Obj(
    "wave",
    {
        "at": _req(SECONDS),
        "pattern": _req(Str(enum=m.WAVE_PATTERNS)),
        "projectile": _req(Str(enum=m.PROJECTILES)),
        "count": _opt(Int(minimum=1)),
        "interval": _opt(SECONDS),
        "speed": _opt(SPEED),
        "from": _opt(Str(enum=m.SIDES), "where projectiles come from", "side"),
        "spread": _opt(Num(minimum=0, maximum=360), "degrees"),
    },
    m.Wave,
)

DIFFICULTY = Obj(
    "difficulty",
    {
        "speed": _opt(Num(minimum=0, exclusive_min=True), "projectile speed multiplier"),
        "composure": _opt(Num(minimum=0, exclusive_min=True), "composure multiplier"),
    },
    m.Difficulty,
)

DODGE = Obj(
    "dodge",
    {
        "duration": _req(POS_SECONDS, "seconds to survive"),
        "composure": _req(Int(minimum=1), "hits you can take"),
        "player": _req(
            Obj(
                "dodge_player",
                {
                    "x": _req(Int()),
                    "y": _req(Int()),
                    "speed": _opt(SPEED),
                    "dash_speed": _opt(SPEED),
                    "dash_time": _opt(SECONDS),
                    "dash_cooldown": _opt(SECONDS),
                },
                m.DodgePlayer,
            )
        ),
        "arena": _req(RECT),
        "waves": _opt(Arr(WAVE)),
        "collectibles": _opt(
            Arr(
                Obj(
                    "collectible",
                    {
                        "at": _req(SECONDS),
                        "x": _req(Int()),
                        "y": _req(Int()),
                        "word": _req(Str(min_len=1)),
                        "ttl": _opt(POS_SECONDS),
                    },
                    m.Collectible,
                )
            )
        ),
        "collect_goal": _opt(Int(minimum=0), "words to collect (0 = none)"),
        "on_win": _opt(_id("node run when survived")),
        "on_lose": _opt(_id("node run when composure runs out (default: retry)")),
        "difficulty": _opt(Map(DIFFICULTY, key_enum=m.DIFFICULTIES)),
    },
    m.DodgeSpec,
)

NOTE = Tup(
    (Num(minimum=0), Int(minimum=0), Num(minimum=0)),
    2,
    m.Note,
    ("beat", "lane", "hold"),
    "[beat, lane] or [beat, lane, hold_beats]",
)

RHYTHM = Obj(
    "rhythm",
    {
        "bpm": _req(Num(minimum=0, exclusive_min=True)),
        "offset": _opt(Num(), "seconds from the start of the music to beat 0"),
        "lanes": _opt(Int(minimum=1, maximum=8)),
        "notes": _opt(Arr(NOTE)),
        "windows": _opt(
            Obj(
                "windows",
                {"perfect": _opt(POS_SECONDS), "good": _opt(POS_SECONDS), "ok": _opt(POS_SECONDS)},
                m.Windows,
            )
        ),
        "pass_accuracy": _opt(Num(minimum=0, maximum=1)),
        "on_win": _opt(_id()),
        "on_lose": _opt(_id()),
        "distractions": _opt(
            Arr(
                Obj(
                    "distraction",
                    {"beat": _req(Num(minimum=0)), "text": _req(Str(min_len=1))},
                    m.Distraction,
                )
            )
        ),
    },
    m.RhythmSpec,
)

_CUE_FIELDS: dict[str, dict[str, Field]] = {
    "move": {
        "actor": _req(_id("character id")),
        "to": _req(POINT),
        "duration": _opt(SECONDS),
    },
    "say": {
        "speaker": _opt(Nullable(_id("character id"))),
        "text": _req(Str()),
        "duration": _opt(SECONDS),
    },
    "camera": {"pan": _opt(POINT), "zoom": _opt(Num(minimum=0, exclusive_min=True)), "duration": _opt(SECONDS)},
    "card": {"text": _req(Str()), "duration": _opt(SECONDS)},
    "music": {"track": _req(Nullable(_asset(".ogg")))},
    "sfx": {"sound": _req(_asset(".ogg"))},
    "emotion": {"actor": _req(_id("character id")), "emotion": _req(_id())},
}
CUE = Tagged(
    "cue",
    "do",
    {k: Obj(f"cue_{k}", {"at": _req(SECONDS), "do": _req(Str(enum=(k,))), **v}, m.Cue) for k, v in _CUE_FIELDS.items()},
    "a timed event",
)

CUTSCENE = Obj(
    "cutscene",
    {"timeline": _opt(Arr(CUE)), "then": _opt(_id("node run when the timeline ends"))},
    m.CutsceneSpec,
)

FINALE = Obj(
    "finale",
    {
        "grow_rate": _req(Num(minimum=0), "growth per second"),
        "ropes": _req(Int(minimum=1)),
        "taps_per_rope": _req(Int(minimum=1)),
        "tap_window": _req(POS_SECONDS),
        "on_win": _opt(_id()),
        "timeline": _opt(Arr(CUE)),
    },
    m.FinaleSpec,
)

BLOCKS: dict[str, Obj] = {
    "explore": EXPLORE,
    "dodge": DODGE,
    "rhythm": RHYTHM,
    "cutscene": CUTSCENE,
    "finale": FINALE,
}


def _scene_variant(t: str) -> Obj:
    fields: dict[str, Field] = {
        "id": _req(_id()),
        "type": _req(Str(enum=(t,))),
        "title": _opt(Str()),
        "background": _opt(Nullable(_asset(".png")), "960x540 PNG"),
        "music": _opt(Nullable(_asset(".ogg")), "music track; null = silence"),
        "actors": _opt(Arr(ACTOR)),
        "start": (_req if t == "dialogue" else _opt)(_id("node run on entering")),
        "transition": _opt(Str(enum=m.TRANSITIONS)),
    }
    if t in BLOCKS:
        fields[t] = _req(BLOCKS[t], f"{t} tuning")
    return Obj(f"scene_{t}", fields, m.Scene)


SCENE = Tagged("scene", "type", {t: _scene_variant(t) for t in m.SCENE_TYPES}, "a scene")

# ----------------------------------------------------------------------------- steps

OPTION = Obj(
    "option",
    {
        "text": _req(Str(min_len=1)),
        "if": IF,
        "show_disabled": _opt(Bool(), "shown greyed out when the condition is false"),
        "do": _opt(Effects(), "effects run when chosen", "effects"),
        "goto": _opt(_id("node to jump to; omitted = continue after the choice")),
        "default": _opt(Bool(), "taken when the choice timer runs out"),
    },
    m.Option,
)

_ARG = {
    "shake": {"strength": _opt(Num(minimum=0)), "duration": _opt(SECONDS)},
    "flash": {"count": _opt(Int(minimum=1)), "duration": _opt(SECONDS)},
    "sfx": {"sound": _req(_asset(".ogg"))},
    "music": {"track": _req(Nullable(_asset(".ogg")))},
    "wait": {"seconds": _req(SECONDS)},
    "emotion": {"actor": _req(_id("character id")), "emotion": _req(_id())},
    "give": {"item": _req(_id("item id"))},
    "take": {"item": _req(_id("item id"))},
}
COMMAND = Tagged(
    "command",
    "command",
    {
        name: Obj(
            f"command_{name}",
            {
                "command": _req(Str(enum=(name,)), attr="name"),
                "args": (_req if any(f.required for f in args.values()) else _opt)(Obj(f"args_{name}", args)),
                "if": IF,
            },
            m.Command,
        )
        for name, args in _ARG.items()
    },
    "a presentation command",
)

STEP = Keyed(
    "step",
    {
        "say": Obj(
            "say",
            {
                "say": _req(Str(), "the line", "text"),
                "speaker": _opt(_id("character id; omitted = narration")),
                "emotion": _opt(_id()),
                "if": IF,
            },
            m.Say,
        ),
        "choice": Obj(
            "choice",
            {
                "choice": _req(Arr(OPTION, min_items=1), attr="options"),
                "timer": _opt(POS_SECONDS, "seconds before the default option is taken"),
                "if": IF,
            },
            m.Choice,
        ),
        "do": Obj("do", {"do": _req(Effects(), attr="effects"), "if": IF}, m.Do),
        "goto": Obj("goto", {"goto": _req(_id("node id"), attr="target"), "if": IF}, m.Goto),
        "scene": Obj("scene_change", {"scene": _req(_id("scene id")), "if": IF}, m.SceneChange),
        "command": COMMAND,
        "end_level": Obj("end_level", {"end_level": _req(Bool(const=True), attr=""), "if": IF}, m.EndLevel),
        "ending": Obj("ending_step", {"ending": _req(_id("ending id")), "if": IF}, m.Ending),
    },
    "one step of a node",
)

# ----------------------------------------------------------------------------- level

LEVEL = Obj(
    "level",
    {
        "format": _req(Int(minimum=1, maximum=1), "format version, always 1"),
        "id": _req(_id("== the file name without .json")),
        "title": _req(Str(min_len=1)),
        "next": _req(Nullable(_id("level played next; null = last level"))),
        "start": _req(_id("scene entered first")),
        "variables": _opt(Map(VARIABLE)),
        "characters": _opt(Map(CHARACTER)),
        "items": _opt(Map(ITEM)),
        "scenes": _req(Arr(SCENE, min_items=1)),
        "nodes": _opt(Map(Arr(STEP), wrap=m.Node), "node id -> list of steps"),
        "endings": _opt(Map(ENDING)),
    },
    m.Level,
    "a level of Leave Me Alone (format 1)",
    extra=("$schema",),
)

INDEX = Obj(
    "index",
    {
        "format": _req(Int(minimum=1, maximum=1)),
        "levels": _req(Arr(_id(), min_items=1), "level ids in play order"),
    },
    None,
    "levels/index.json: the order of levels",
    extra=("$schema",),
)
