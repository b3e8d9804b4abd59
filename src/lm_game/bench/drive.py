"""Input drivers for benchmarks, soak and playthroughs: a monkey that uses every device (through
the real pygame event queue or straight to the app) and an autoplayer that makes progress.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any

import pygame

from lm_game.input.actions import DEFAULT_KEY_BINDINGS, Action, InputEvent

W, H = 960, 540
LEFT_OUT = (Action.QUIT, Action.FULLSCREEN, Action.RELOAD)
"""Not asked for by the monkey: closing the window, fullscreen (a no-op headless) and the developer's
hot reload (F6), which crashes the backlog afterwards (tools/hotreload.py passes history as dicts;
reported) -- take RELOAD out of this tuple once that is fixed."""
MONKEY_ACTIONS = [a for a in Action if a not in LEFT_OUT]
_VOLATILE = {"time", "frames", "steps", "clock", "audio", "shake", "phase_time", "song_time", "camera"}


def _key_codes() -> list[int]:
    codes: list[int] = []
    for action, names in DEFAULT_KEY_BINDINGS.items():
        if action in LEFT_OUT:
            continue
        for name in names:
            try:
                codes.append(pygame.key.key_code(name))
            except ValueError:
                continue
    return codes + [pygame.K_q, pygame.K_7, pygame.K_TAB]


class Monkey:
    """Random input from every device: keys, mouse moves/clicks/wheel, touch, gamepad buttons/stick.

    `post_ratio` of the input goes through `pygame.event.post` (so the input mapper is exercised),
    the rest straight to `app.dispatch` as actions.
    """

    def __init__(self, seed: int = 0, post_ratio: float = 0.5, rate: float = 0.3) -> None:
        self.rng = random.Random(seed)
        self.post_ratio = post_ratio
        self.rate = rate
        self.keys = _key_codes()
        self.down_keys: set[int] = set()
        self.down_actions: set[Action] = set()
        self.events = 0
        self.by_device: dict[str, int] = {}

    def _count(self, device: str) -> None:
        self.events += 1
        self.by_device[device] = self.by_device.get(device, 0) + 1

    def pos(self) -> tuple[int, int]:
        return self.rng.randrange(W), self.rng.randrange(H)

    def feed(self, app: Any) -> None:
        """Give zero or more input events before the next frame."""
        rng = self.rng
        while rng.random() < self.rate:
            if rng.random() < self.post_ratio:
                self._post(app)
            else:
                self._dispatch(app)
        # release what has been held for a while, so holds and releases are both exercised
        if self.down_keys and rng.random() < 0.1:
            key = rng.choice(sorted(self.down_keys))
            self.down_keys.discard(key)
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, scancode=0, unicode=""))
        if self.down_actions and rng.random() < 0.1:
            action = rng.choice(sorted(self.down_actions))
            self.down_actions.discard(action)
            app.dispatch(InputEvent(action, False, None, "script"))

    def _dispatch(self, app: Any) -> None:
        rng = self.rng
        action = rng.choice(MONKEY_ACTIONS)
        pos = self.pos() if action in (Action.POINT, Action.CONFIRM) and rng.random() < 0.5 else None
        if action is Action.POINT:
            pos = self.pos()
        device = rng.choice(["keyboard", "mouse", "touch", "gamepad"]) if pos is None else "mouse"
        pressed = action not in self.down_actions
        if pressed:
            self.down_actions.add(action)
        else:
            self.down_actions.discard(action)
        app.dispatch(InputEvent(action, pressed, (float(pos[0]), float(pos[1])) if pos else None, device))
        self._count("action")

    def _post(self, app: Any) -> None:
        rng = self.rng
        kind = rng.choice(["key", "key", "key", "mouse", "wheel", "touch", "pad", "stick"])
        ev: pygame.event.Event
        if kind == "key":
            key = rng.choice(self.keys)
            if key in self.down_keys:
                self.down_keys.discard(key)
                ev = pygame.event.Event(pygame.KEYUP, key=key, mod=0, scancode=0, unicode="")
            else:
                self.down_keys.add(key)
                ev = pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, scancode=0, unicode="", repeat=False)
        elif kind == "mouse":
            what = rng.choice(["move", "down", "up"])
            if what == "move":
                ev = pygame.event.Event(pygame.MOUSEMOTION, pos=self.pos(), rel=(1, 1), buttons=(0, 0, 0), touch=False)
            else:
                etype = pygame.MOUSEBUTTONDOWN if what == "down" else pygame.MOUSEBUTTONUP
                ev = pygame.event.Event(etype, pos=self.pos(), button=rng.choice([1, 1, 1, 2, 3]), touch=False)
        elif kind == "wheel":
            ev = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-1, 1]), flipped=False, touch=False)
        elif kind == "touch":
            etype = rng.choice([pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION])
            ev = pygame.event.Event(
                etype, x=rng.random(), y=rng.random(), dx=0.0, dy=0.0, touch_id=1, finger_id=0, pressure=1.0
            )
        elif kind == "pad":
            etype = rng.choice([pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP])
            ev = pygame.event.Event(etype, instance_id=0, button=rng.randrange(0, 15))
        else:
            axis = rng.choice([pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY, 2])
            ev = pygame.event.Event(
                pygame.CONTROLLERAXISMOTION, instance_id=0, axis=axis, value=rng.choice([-32768, 0, 0, 32767, 9000])
            )
        pygame.event.post(ev)
        self._count(kind)


def state_fingerprint(report: dict[str, Any]) -> str:
    """A hash of what the player could notice: the stack and the top screen's state, minus clocks."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): strip(v) for k, v in value.items() if str(k) not in _VOLATILE}
        if isinstance(value, list | tuple):
            return [strip(v) for v in value]
        if isinstance(value, float):
            return round(value, 1)
        return value

    text = json.dumps(strip(report), sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class AutoPlayer:
    """Plays to make progress: continues lines, takes choices, clicks hotspots, dodges, hits notes, mashes.

    It looks at the PlayScreen's scene logic (a dev tool may): rhythm notes are hit on time.
    """

    def __init__(self, seed: int = 0, choice_spread: float = 0.5) -> None:
        self.rng = random.Random(seed)
        self.choice_spread = choice_spread
        self.frame = 0
        self.releases: list[tuple[int, Action, tuple[float, float] | None]] = []
        self.held_dir: Action | None = None
        self.presses = 0
        self.clicked: dict[str, int] = {}

    def _tap(self, app: Any, action: Action, pos: tuple[float, float] | None = None, hold: int = 1) -> None:
        app.dispatch(InputEvent(action, True, pos, "script"))
        self.releases.append((self.frame + hold, action, pos))
        self.presses += 1

    def feed(self, app: Any) -> None:
        """Input for the next frame."""
        self.frame += 1
        due = [r for r in self.releases if r[0] <= self.frame]
        self.releases = [r for r in self.releases if r[0] > self.frame]
        for _, action, pos in due:
            app.dispatch(InputEvent(action, False, pos, "script"))
        top = app.stack.top
        if app.stack.transition is not None or top is None:
            return
        logic = getattr(top, "logic", None)
        kind = getattr(logic, "kind", None) or type(logic).__name__.lower()
        runner: Any = getattr(top, "runner", None)
        busy_line = str(getattr(getattr(runner, "state", None), "value", "")).startswith("waiting")
        if type(top).__name__ != "PlayScreen" or busy_line or logic is None:
            self._menus(app, top, runner)
        elif "rhythm" in kind:
            self._rhythm(app, logic)
        elif "explore" in kind:
            self._explore(app, logic)
        elif "dodge" in kind:
            self._dodge(app, logic)
        elif "finale" in kind:
            if self.frame % 4 == 0:
                self._tap(app, Action.CONFIRM)
        elif self.frame % 30 == 0:
            self._tap(app, Action.CONFIRM)

    def _menus(self, app: Any, top: Any, runner: Any) -> None:
        if self.frame % 20:
            return
        waiting_choice = getattr(getattr(runner, "state", None), "value", "") == "waiting_for_choice"
        if waiting_choice and self.rng.random() < self.choice_spread:
            self._tap(app, self.rng.choice([Action.DOWN, Action.UP]))
            return
        self._tap(app, Action.CONFIRM)

    def _explore(self, app: Any, logic: Any) -> None:
        if self.frame % 15 or getattr(logic, "target", None) is not None:
            return  # still walking to the last click
        spots = list(logic.visible_hotspots()) if hasattr(logic, "visible_hotspots") else []
        if not spots:
            self._tap(app, Action.CONFIRM, (self.rng.uniform(0, W), self.rng.uniform(300, H)))
            return
        fewest = min(self.clicked.get(h.id, 0) for h in spots)
        spot = self.rng.choice([h for h in spots if self.clicked.get(h.id, 0) <= fewest + 1])
        self.clicked[spot.id] = self.clicked.get(spot.id, 0) + 1
        x, y, w, h = spot.rect
        self._tap(app, Action.CONFIRM, (float(x + w / 2), float(y + h / 2)))

    def _dodge(self, app: Any, logic: Any) -> None:
        """Steer away from the nearest projectiles (and back from the edges); dash when one is close."""
        if self.frame % 4:
            return
        view = logic.state() if hasattr(logic, "state") else {}
        if view.get("phase") not in (None, "play"):
            if self.frame % 60 == 0:
                self._tap(app, Action.CONFIRM)  # skips the pause after a loss
            return
        px, py = view.get("player") or (W / 2, H / 2)
        fx, fy, nearest = (W / 2 - px) * 0.0004, (H * 0.6 - py) * 0.0004, 1e9
        now = float(getattr(logic, "time", 0.0))
        seen: set[int] = getattr(logic, "words_seen", set())
        spec = getattr(logic, "spec", None)
        for i, word in enumerate(getattr(spec, "collectibles", ()) or ()):
            if i not in seen and word.at <= now < word.at + word.ttl:  # walk to the words to collect
                dx, dy = float(word.x) - px, float(word.y) - py
                d = max((dx * dx + dy * dy) ** 0.5, 1.0)
                fx, fy = fx + dx / d * 0.2, fy + dy / d * 0.2
        for item in view.get("projectiles") or []:
            dx, dy = px - float(item[1]), py - float(item[2])
            d2 = max(dx * dx + dy * dy, 1.0)
            nearest = min(nearest, d2)
            if d2 < 100 * 100:
                fx, fy = fx + dx / d2, fy + dy / d2
        if abs(fx) >= abs(fy):
            want = Action.RIGHT if fx > 0 else Action.LEFT
        else:
            want = Action.DOWN if fy > 0 else Action.UP
        if want is not self.held_dir:
            if self.held_dir is not None:
                app.dispatch(InputEvent(self.held_dir, False, None, "script"))
            self.held_dir = want
            app.dispatch(InputEvent(want, True, None, "script"))
        if nearest < 45 * 45 and self.frame % 24 == 0:
            self._tap(app, Action.DASH)

    def _rhythm(self, app: Any, logic: Any) -> None:
        if getattr(logic, "phase", "play") != "play":
            if self.frame % 20 == 0:
                self._tap(app, Action.CONFIRM)
            return
        now = logic.song_time()
        lanes = getattr(logic.spec, "lanes", 4)
        lane_actions = (Action.LEFT, Action.DOWN, Action.UP, Action.RIGHT)
        for note in logic.notes:
            if note.time > now + 0.02:
                break
            if getattr(note, "head", None) is None and now - 0.02 <= note.time:
                action = Action.CONFIRM if lanes == 1 else lane_actions[note.lane % 4]
                hold = max(2, int(round((getattr(note, "end", note.time) - note.time) * 60)) + 1)
                self._tap(app, action, None, hold)
