"""GameState: everything about one playthrough, as plain data that round-trips through JSON."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from lm_game.model.expr import BUILTIN_VARIABLES, METER_RANGE, EvalError, Value
from lm_game.runtime import rng

#: Version written by to_dict(); from_dict() reads MIN_SUPPORTED_STATE_VERSION..STATE_VERSION.
STATE_VERSION = 1
MIN_SUPPORTED_STATE_VERSION = 1

METERS: tuple[str, ...] = tuple(BUILTIN_VARIABLES)
METER_MIN, METER_MAX = METER_RANGE
METER_START = 5
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_INT = 10**15  # keeps saves sane: larger numbers are refused as tampering
MAX_STR = 10_000  # longest string a story variable may hold (a `s += s` loop would eat all memory)
Finished = Literal["level", "ending"]
JsonData = None | bool | int | float | str | list["JsonData"] | dict[str, "JsonData"]


class StateError(ValueError):
    """A state dict cannot be turned into a GameState; the message says what and where."""


def clamp_meter(value: int) -> int:
    """Clamp a meter value into METER_MIN..METER_MAX."""
    return max(METER_MIN, min(METER_MAX, value))


@dataclass
class GameState:
    """Variables, meters, inventory, visit counts, story position, RNG and play time.

    Implements the expression Env protocol (get_var/set_var/seen/visits/has/give/take/random).
    Visit counts are keyed ``level:node``; expressions name nodes of the current level.
    """

    seed: int = 0
    level: str = ""
    scene: str = ""
    node: str | None = None
    step: int = 0
    step_check: str = ""
    finished: Finished | None = None
    ending: str | None = None
    variables: dict[str, Value] = field(default_factory=dict)
    meters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METERS, METER_START))
    inventory: list[str] = field(default_factory=list)
    visit_counts: dict[str, int] = field(default_factory=dict)
    rng_counter: int = 0
    play_time: float = 0.0
    scene_data: dict[str, JsonData] = field(default_factory=dict)

    @classmethod
    def new(cls, seed: int, level: str = "") -> GameState:
        """A fresh playthrough state for `seed` (meters at their start value)."""
        return cls(seed=int(seed) % rng.SEED_LIMIT, level=level)

    # ------------------------------------------------------------------ Env protocol

    def get_var(self, name: str) -> Value:
        """Current value of a variable or meter; EvalError for an unknown name."""
        if name in self.meters:
            return self.meters[name]
        try:
            return self.variables[name]
        except KeyError:
            raise EvalError(f"unknown variable {name!r} (declare it in the level's variables)") from None

    def set_var(self, name: str, value: Value) -> None:
        """Set a variable; meters take ints and are clamped to 0..10."""
        if name in self.meters:
            if isinstance(value, bool) or not isinstance(value, int):
                raise EvalError(f"meter {name!r} needs a number, got {value!r}")
            self.meters[name] = clamp_meter(value)
            return
        if not isinstance(value, (bool, int, str)):
            raise EvalError(f"variable {name!r} cannot hold {value!r}")
        if isinstance(value, str) and len(value) > MAX_STR:
            raise EvalError(f"variable {name!r} would hold {len(value)} characters (the limit is {MAX_STR})")
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
            raise EvalError(f"variable {name!r} would be out of range -10**15..10**15")
        self.variables[name] = value

    def _visit_key(self, node: str) -> str:
        return node if ":" in node else f"{self.level}:{node}"

    def seen(self, node: str) -> bool:
        """Whether the node (of the current level unless written ``level:node``) was entered."""
        return self.visits(node) > 0

    def visits(self, node: str) -> int:
        """How many times the node was entered in this playthrough."""
        return self.visit_counts.get(self._visit_key(node), 0)

    def count_visit(self, node: str) -> None:
        """Record one more entry into a node of the current level."""
        key = self._visit_key(node)
        self.visit_counts[key] = self.visit_counts.get(key, 0) + 1

    def has(self, item: str) -> bool:
        """Whether the item is in the inventory."""
        return item in self.inventory

    def give(self, item: str) -> None:
        """Add an item (once; items are not counted)."""
        if item not in self.inventory:
            self.inventory.append(item)

    def take(self, item: str) -> None:
        """Remove an item if held."""
        if item in self.inventory:
            self.inventory.remove(item)

    def random(self, lo: int, hi: int) -> int:
        """Seeded random int in [lo, hi]; advances the counter so replays repeat exactly."""
        value = rng.randint(self.seed, self.rng_counter, lo, hi)
        self.rng_counter += 1
        return value

    # ------------------------------------------------------------------ misc

    def add_play_time(self, seconds: float) -> None:
        """Count real play time (the app calls this with each frame's dt while playing)."""
        if seconds > 0 and math.isfinite(seconds):
            self.play_time += seconds

    def declare(self, name: str, default: Value) -> bool:
        """Give a declared variable its default if it is unset or of another type; True if reset."""
        if name in self.meters:
            return False
        current = self.variables.get(name)
        if current is not None and type(current) is type(default):
            return False
        self.variables[name] = default
        return current is not None

    def assign(self, other: GameState) -> None:
        """Become a copy of `other` in place (keeps references held by scenes valid)."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(other, name))

    # ------------------------------------------------------------------ serialisation

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (fresh containers; safe to keep as a snapshot)."""
        return {
            "version": STATE_VERSION,
            "seed": self.seed,
            "rng_counter": self.rng_counter,
            "position": {
                "level": self.level,
                "scene": self.scene,
                "node": self.node,
                "step": self.step,
                "step_check": self.step_check,
                "finished": self.finished,
                "ending": self.ending,
            },
            "variables": dict(self.variables),
            "meters": dict(self.meters),
            "inventory": list(self.inventory),
            "visits": dict(self.visit_counts),
            "play_time": self.play_time,
            "scene_data": _copy_json(self.scene_data),
        }

    @classmethod
    def from_dict(cls, data: object) -> GameState:
        """Rebuild a state; StateError (with the field's name) for anything malformed."""
        d = _mapping(data, "state")
        version = _int(d.get("version"), "state.version")
        if version > STATE_VERSION:
            raise StateError(
                f"state version {version} is newer than this game understands ({STATE_VERSION}); "
                "update the game to load it"
            )
        if version < MIN_SUPPORTED_STATE_VERSION:
            raise StateError(
                f"state version {version} is too old (oldest supported: {MIN_SUPPORTED_STATE_VERSION})"
            )
        pos = _mapping(d.get("position"), "state.position")
        finished = pos.get("finished")
        if finished not in (None, "level", "ending"):
            raise StateError(f"state.position.finished must be null, 'level' or 'ending', not {finished!r}")
        state = cls(
            seed=_int(d.get("seed"), "state.seed", 0, rng.SEED_LIMIT - 1),
            rng_counter=_int(d.get("rng_counter"), "state.rng_counter", 0),
            level=_id(pos.get("level"), "state.position.level", allow_empty=True),
            scene=_id(pos.get("scene"), "state.position.scene", allow_empty=True),
            node=None if pos.get("node") is None else _id(pos.get("node"), "state.position.node"),
            step=_int(pos.get("step"), "state.position.step", 0),
            step_check=_str(pos.get("step_check", ""), "state.position.step_check"),
            finished=finished,
            ending=None if pos.get("ending") is None else _id(pos.get("ending"), "state.position.ending"),
        )
        for name, value in _mapping(d.get("variables"), "state.variables").items():
            _id(name, "state.variables key")
            if not isinstance(value, (bool, int, str)) or (
                isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT
            ):
                raise StateError(f"state.variables.{name} must be a bool, int or string, not {value!r}")
            state.variables[name] = value
        meters = _mapping(d.get("meters"), "state.meters")
        for name in METERS:
            state.meters[name] = clamp_meter(
                _int(meters.get(name, METER_START), f"state.meters.{name}", -MAX_INT)
            )
        inventory = d.get("inventory")
        if not isinstance(inventory, list):
            raise StateError("state.inventory must be a list of item ids")
        for item in inventory:
            state.give(_id(item, "state.inventory item"))
        for key, count in _mapping(d.get("visits"), "state.visits").items():
            level, sep, node = str(key).partition(":")
            if not sep or not ID_RE.match(level) or not ID_RE.match(node):
                raise StateError(f"state.visits key {key!r} must look like 'level:node'")
            state.visit_counts[key] = _int(count, f"state.visits.{key}", 0)
        play_time = d.get("play_time")
        if isinstance(play_time, bool) or not isinstance(play_time, (int, float)):
            raise StateError("state.play_time must be a number of seconds")
        if not math.isfinite(play_time) or play_time < 0:
            raise StateError("state.play_time must be a finite, non-negative number")
        state.play_time = float(play_time)
        scene_data = d.get("scene_data", {})
        state.scene_data = dict(_mapping(scene_data, "state.scene_data"))
        _check_json(state.scene_data, "state.scene_data", 0)
        return state


# ---------------------------------------------------------------------- validation helpers


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise StateError(f"{what} must be an object, not {type(value).__name__}")
    for key in value:
        if not isinstance(key, str):
            raise StateError(f"{what} has a non-string key {key!r}")
    return value


def _int(value: object, what: str, lo: int = -MAX_INT, hi: int = MAX_INT) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise StateError(f"{what} must be an integer, not {value!r}")
    if not lo <= value <= hi:
        raise StateError(f"{what} = {value} is out of range {lo}..{hi}")
    return value


def _str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise StateError(f"{what} must be a string, not {value!r}")
    return value


def _id(value: object, what: str, allow_empty: bool = False) -> str:
    text = _str(value, what)
    if allow_empty and text == "":
        return text
    if not ID_RE.match(text):
        raise StateError(f"{what} {text!r} is not an id (lowercase letters, digits, _)")
    return text


def _check_json(value: object, what: str, depth: int) -> None:
    if depth > 32:
        raise StateError(f"{what} is nested too deeply")
    if value is None or isinstance(value, (bool, int, str)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise StateError(f"{what} holds a non-finite number")
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check_json(item, f"{what}[{i}]", depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise StateError(f"{what} has a non-string key")
            _check_json(item, f"{what}.{key}", depth + 1)
        return
    raise StateError(f"{what} holds {type(value).__name__}, which is not plain JSON")


def _copy_json(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _copy_json(v) for k, v in value.items()}
    return value
