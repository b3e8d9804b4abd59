"""Replays: the inputs of a play session, stamped with the play screen's step number, plus the seed.

A ``Recorder`` is fed every input the App dispatches while a level plays (the step number is
the number of PlayScreen updates since the chapter started, so time spent in a pause menu or in a
screen transition does not shift anything). ``Replay`` is the file: format version, level,
start scene, seed, the settings that change gameplay, the lines already seen (skip depends on
them), the timed actions and the final state hash.
``play_replay`` runs it headless through the Harness (one fixed step per frame).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lm_game.input.actions import Action, InputEvent

REPLAY_FORMAT = "lm-game-replay"
REPLAY_VERSION = 1
#: Settings that change what happens in play (not just how it looks or sounds).
GAMEPLAY_SETTINGS = ("dodge_difficulty", "timers_off", "hold_to_mash", "rhythm_offset_ms", "reduced_motion",
                     "text_speed", "auto_advance_delay", "skip_unseen")


class ReplayError(ValueError):
    """A replay file that cannot be read; the message says why."""


@dataclass(frozen=True)
class ReplayAction:
    """One input delivered before play-screen step `frame`."""

    frame: int
    action: str
    pressed: bool = True
    pos: tuple[float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the same shape as `lm-game run --actions` entries)."""
        out: dict[str, Any] = {"frame": self.frame, "action": self.action}
        if not self.pressed:
            out["pressed"] = False
        if self.pos is not None:
            out["pos"] = [round(self.pos[0], 3), round(self.pos[1], 3)]
        return out


@dataclass
class Replay:
    """A recorded session, ready to save or to play back."""

    level: str
    seed: int = 0
    scene: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    actions: list[ReplayAction] = field(default_factory=list)
    frames: int = 0
    final_hash: str = ""
    seen_lines: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The file's JSON document."""
        return {
            "format": REPLAY_FORMAT,
            "version": REPLAY_VERSION,
            "level": self.level,
            "scene": self.scene,
            "seed": self.seed,
            "settings": dict(self.settings),
            "frames": self.frames,
            "actions": [a.to_dict() for a in self.actions],
            "final_hash": self.final_hash,
            "seen_lines": list(self.seen_lines),
        }

    def save(self, path: str | Path) -> Path:
        """Write the replay as JSON (parent folders are created)."""
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")
        return out

    @classmethod
    def from_dict(cls, data: object) -> Replay:
        """Rebuild a replay; ReplayError for anything malformed."""
        if not isinstance(data, dict) or data.get("format") != REPLAY_FORMAT:
            raise ReplayError(f"not a replay file (expected \"format\": \"{REPLAY_FORMAT}\")")
        version = data.get("version")
        if not isinstance(version, int) or version > REPLAY_VERSION or version < 1:
            raise ReplayError(f"replay version {version!r} is not supported (this game reads 1..{REPLAY_VERSION})")
        try:
            actions = []
            for i, a in enumerate(data.get("actions", [])):
                Action(a["action"])
                pos = a.get("pos")
                actions.append(ReplayAction(int(a["frame"]), str(a["action"]), bool(a.get("pressed", True)),
                                            (float(pos[0]), float(pos[1])) if pos is not None else None))
                if actions[-1].frame < 0:
                    raise ReplayError(f"action {i}: negative frame")
            return cls(
                level=str(data["level"]),
                seed=int(data.get("seed", 0)),
                scene=data.get("scene"),
                settings=dict(data.get("settings", {})),
                actions=actions,
                frames=int(data.get("frames", 0)),
                final_hash=str(data.get("final_hash", "")),
                seen_lines=[str(x) for x in data.get("seen_lines", [])],
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ReplayError):
                raise
            raise ReplayError(f"malformed replay: {exc!r}") from exc

    @classmethod
    def load(cls, path: str | Path) -> Replay:
        """Read a replay file."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ReplayError(f"{path}: {exc}") from exc
        return cls.from_dict(data)


class Recorder:
    """Collects inputs while a chapter plays; the play screen's devtools advance its step count."""

    def __init__(self, level: str, seed: int = 0, scene: str | None = None,
                 settings: dict[str, Any] | None = None, seen_lines: list[str] | None = None) -> None:
        self.replay = Replay(level=level, seed=seed, scene=scene, settings=dict(settings or {}),
                             seen_lines=sorted(seen_lines or []))
        self.frame = 0

    def record(self, event: InputEvent) -> None:
        """Remember one input at the current step."""
        if event.action in (Action.REPLAY_SAVE, Action.RELOAD, Action.QUIT, Action.FULLSCREEN):
            return
        self.replay.actions.append(ReplayAction(self.frame, event.action.value, event.pressed, event.pos))

    def tick(self) -> None:
        """One play-screen step went by."""
        self.frame += 1

    def finish(self, final_hash: str) -> Replay:
        """The replay so far, stamped with the step count and the current state hash."""
        self.replay.frames = self.frame
        self.replay.final_hash = final_hash
        return Replay(**{**self.replay.__dict__, "actions": list(self.replay.actions)})


def gameplay_settings(settings: Any) -> dict[str, Any]:
    """The settings a replay must reproduce."""
    return {name: getattr(settings, name) for name in GAMEPLAY_SETTINGS if hasattr(settings, name)}


def state_hash(screen: Any) -> str:
    """Hash of what a play screen holds: its GameState (without play time) and its scene logic's state."""
    game = getattr(screen, "game", None)
    data: dict[str, Any] = {}
    if game is not None:
        data["game"] = game.to_dict()
        data["game"].pop("play_time", None)
    logic = getattr(screen, "logic", None)
    if logic is not None:
        data["logic"] = logic.state()
    text = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class ReplayResult:
    """What playing a replay produced."""

    final_hash: str
    expected_hash: str
    state: dict[str, Any]

    @property
    def matches(self) -> bool:
        """True when the recorded and the replayed hashes agree."""
        return self.final_hash == self.expected_hash


def play_replay(replay: Replay) -> ReplayResult:
    """Play a replay headless (Harness, one fixed step per frame) and hash the final state."""
    from lm_game.runtime.settings import Settings
    from lm_game.testing.harness import Harness

    settings, _ = Settings.from_dict({**Settings().to_dict(), **replay.settings})
    from lm_game.app import game
    from lm_game.runtime.persistent import PersistentData
    from lm_game.runtime.saves import SaveManager
    from lm_game.storage import MemoryStorage

    harness = Harness(settings=settings)
    try:
        app = harness.app  # a private, empty storage; the lines the player had seen when recording began
        store = MemoryStorage()
        app.services["storage"] = store
        app.services["saves"] = SaveManager(store)
        app.services["persistent"] = PersistentData(seen_lines=set(replay.seen_lines))
        game.open_level(app, replay.level, scene=replay.scene, seed=replay.seed)
        pending = sorted(replay.actions, key=lambda a: a.frame)
        i = 0
        for _ in range(replay.frames * 4 + 600):  # steps by the play screen's own count, as recorded
            count = _steps(harness.app)
            while i < len(pending) and pending[i].frame <= count:
                a = pending[i]
                harness.app.dispatch(InputEvent(Action(a.action), a.pressed, a.pos, "replay"))
                i += 1
            if count >= replay.frames:
                break
            harness.step(1)
        screen = _play_screen(harness.app)
        digest = state_hash(screen) if screen is not None else ""
        return ReplayResult(digest, replay.final_hash, harness.state())
    finally:
        harness.close()


def _steps(app: Any) -> int:
    """Play-screen steps so far (the recorder's count), or the frame count without one."""
    recorder = app.services.get("recorder")
    return int(recorder.frame) if recorder is not None else int(app.frame_count)


def _play_screen(app: Any) -> Any:
    for screen in reversed(app.stack.screens):
        if type(screen).__name__ == "PlayScreen":
            return screen
    return None
