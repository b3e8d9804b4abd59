"""Full playthroughs, one per ending, from tests/routes/<ending>.json.

A route lists, per level, the player's actions: ``choose TEXT`` (the option whose text
contains TEXT), ``default`` (let the choice timer run out), ``hotspot ID`` (interact with an
explore hotspot), ``then`` (watch a cutscene to its end), ``win`` / ``lose`` (a dodge, rhythm
or finale scene). Lines are continued as they come.

Two drivers read the same files: a runtime one (StoryRunner + loader, milliseconds) and a
real-game one (headless Harness + PlayScreen, real input: keys, clicks, held directions).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from lm_game.content.loader import load_all
from lm_game.input.actions import Action
from lm_game.model.level import Level, Scene
from lm_game.runtime.events import EndingEvent, Event, LevelEndEvent, LineEvent
from lm_game.runtime.runner import RunnerState, StoryRunner
from lm_game.runtime.settings import Settings
from lm_game.runtime.state import GameState
from lm_game.testing.autoplay import dodge_directions

ROUTES = Path(__file__).resolve().parent / "routes"
ENDINGS = ("leave_me_alone", "take_the_mic", "encore")


def load_route(name: str) -> dict[str, Any]:
    route: dict[str, Any] = json.loads((ROUTES / f"{name}.json").read_text(encoding="utf-8"))
    return route


def split(action: str) -> tuple[str, str]:
    verb, _, arg = action.partition(" ")
    return verb, arg.strip()


def pick_option(texts: list[str], enabled: list[bool], wanted: str, where: str) -> int:
    """The one option whose text contains `wanted`; it must be enabled."""
    hits = [i for i, t in enumerate(texts) if wanted in t]
    assert len(hits) == 1, f"{where}: {wanted!r} matches {len(hits)} of {texts}"
    assert enabled[hits[0]], f"{where}: option {texts[hits[0]]!r} is disabled"
    return hits[0]


# ====================================================================== runtime driver


@dataclass
class RuntimeRun:
    """What a runtime playthrough produced."""

    game: GameState
    ending: str | None = None
    lines: int = 0
    levels: list[str] = field(default_factory=list)


def play_runtime(route: dict[str, Any], levels: dict[str, Level], seed: int = 1) -> RuntimeRun:
    """Follow a route with the loader and StoryRunner, the way the scenes would drive it."""
    first = route["levels"][0]["level"]
    run = RuntimeRun(GameState.new(seed, first))
    next_level: str | None = first
    for entry in route["levels"]:
        lid = entry["level"]
        assert lid == next_level, f"route plays {lid!r} but the story goes on to {next_level!r}"
        level = levels[lid]
        runner = StoryRunner(level, run.game)
        run.levels.append(lid)
        pending_exit: list[str] = []

        def settle(events: list[Event], runner: StoryRunner = runner, pending_exit: list[str] = pending_exit) -> None:
            while True:
                for e in events:
                    if isinstance(e, LineEvent):
                        run.lines += 1
                    elif isinstance(e, EndingEvent):
                        run.ending = e.ending_id
                    elif isinstance(e, LevelEndEvent):
                        nonlocal next_level
                        next_level = e.next_level
                if runner.state is RunnerState.WAITING_FOR_CONTINUE:
                    events = runner.advance()
                    continue
                if runner.state is RunnerState.RETURNED and pending_exit:
                    events = runner.go_to_scene(pending_exit.pop())
                    continue
                return

        settle(runner.start_level())
        for action in entry["actions"]:
            verb, arg = split(action)
            where = f"{lid}/{run.game.scene}: {action!r}"
            scene = level.scene(run.game.scene)
            if verb in ("choose", "default"):
                assert runner.state is RunnerState.WAITING_FOR_CHOICE, f"{where}: no choice showing ({runner.state})"
                choices = runner.current_choices
                assert choices is not None
                if verb == "default":
                    assert choices.timer is not None, f"{where}: this choice has no timer"
                    settle(runner.choose_default())
                else:
                    texts = [o.text for o in choices.options]
                    i = pick_option(texts, [o.enabled for o in choices.options], arg, where)
                    settle(runner.choose(i))
                continue
            assert runner.state is RunnerState.RETURNED, f"{where}: the story is not back with the scene"
            if verb == "hotspot":
                assert scene.explore is not None, f"{where}: not an explore scene"
                spot = next((h for h in scene.explore.hotspots if h.id == arg), None)
                assert spot is not None, f"{where}: no such hotspot"
                assert spot.cond is None or spot.cond.holds(run.game), f"{where}: hotspot hidden"
                if spot.use is not None and run.game.has(spot.use.item):
                    settle(runner.run_node(spot.use.node))
                elif spot.node is not None:
                    if spot.exit:
                        pending_exit.append(spot.exit)
                    settle(runner.run_node(spot.node))
                else:
                    assert spot.exit is not None
                    settle(runner.go_to_scene(spot.exit))
            elif verb in ("then", "win", "lose"):
                attr = "then" if verb == "then" else f"on_{verb}"
                node = getattr(scene.spec, attr, None)
                assert node, f"{where}: scene type {scene.type} has no {attr}"
                settle(runner.run_node(node))
            else:
                raise AssertionError(f"{where}: unknown action")
        assert runner.state is RunnerState.ENDED, f"{lid}: route ran out before the level ended ({runner.state})"
    return run


@pytest.fixture(scope="module")
def levels() -> dict[str, Level]:
    return {lv.id: lv for lv in load_all()}


def check_expectations(name: str, route: dict[str, Any], meters: dict[str, int], variables: dict[str, Any]) -> None:
    expect = route["expect"]
    assert meters == expect["meters"], name
    for key, value in expect["variables"].items():
        assert variables.get(key) == value, f"{name}: {key} = {variables.get(key)!r}, expected {value!r}"


@pytest.mark.parametrize("name", ENDINGS)
def test_game_route_reaches_ending_at_runtime(name: str, levels: dict[str, Level]) -> None:
    route = load_route(name)
    assert route["ending"] == name
    run = play_runtime(route, levels)
    assert run.ending == name
    assert run.levels == [lv for lv in levels]  # every level, in play order
    assert run.game.finished == "ending" and run.game.ending == name
    check_expectations(name, route, dict(run.game.meters), dict(run.game.variables))
    assert run.lines > 250  # a real playthrough, not a shortcut


def test_game_routes_differ_where_the_endings_say_they_should(levels: dict[str, Level]) -> None:
    runs = {n: play_runtime(load_route(n), levels) for n in ENDINGS}
    leave, mic, encore = (runs[n].game for n in ENDINGS)
    assert leave.meters["peace"] > leave.meters["spotlight"]
    assert encore.meters["spotlight"] > encore.meters["peace"]
    assert mic.variables["sentence_fate"] == "spoken" and leave.variables["sentence_fate"] == "kept"
    assert encore.variables["barker_deal"] == "signed" != leave.variables["barker_deal"]


# ====================================================================== real game (Harness + PlayScreen)

FRAME_LIMIT = 40_000


class GameDriver:
    """Plays a route through the real App with real input; counts frames."""

    def __init__(self, route: dict[str, Any], settings: Settings | None = None, draw_every: int = 1) -> None:
        from lm_game.testing.harness import Harness

        self.route = route
        self.settings = settings or Settings(text_speed=0, photosensitivity_notice_seen=True)
        self.h = Harness(title=True, settings=self.settings)
        if draw_every > 1:  # drawing is most of the cost: draw every n-th frame (logic runs every frame)
            app, draw = self.h.app, self.h.app.draw
            app.draw = lambda: draw() if app.frame_count % draw_every == 0 else None  # type: ignore[method-assign]
        self.log: list[str] = []
        self.lines = 0
        self.play_screen: Any = None
        self.retries: list[int] = []
        self.unlocked: list[list[str]] = []  # chapters_unlocked as each level began

    def new_game(self) -> None:
        """From the title screen: New Game (the first, focused item) with a key press."""
        self.h.step(2)
        r = self.report()
        assert r["screen"] == "TitleScreen" and r["items"][r["focus"]] == "New Game", r
        self.tap(Action.CONFIRM)
        for _ in range(120):
            if self.report().get("screen") == "PlayScreen":
                break
            self.h.step()

    # ---------------------------------------------------------------- helpers
    @property
    def screen(self) -> Any:
        return self.h.app.stack.top

    def report(self) -> dict[str, Any]:
        top = self.screen
        if top is not None and callable(getattr(top, "report", None)):
            return top.report()  # type: ignore[no-any-return]
        return top.state() if top is not None and hasattr(top, "state") else {}

    def tap(self, action: Action, pos: tuple[float, float] | None = None) -> None:
        self.h.tap(action, pos)

    def hold(self, actions: set[Action]) -> None:
        """Press the actions in `actions`, release the other directions."""
        for a in (Action.LEFT, Action.RIGHT, Action.UP, Action.DOWN):
            down = a in self.h.app.held
            if a in actions and not down:
                self.h.send(a, True)
            elif a not in actions and down:
                self.h.send(a, False)

    def busy(self, r: dict[str, Any]) -> bool:
        return bool(r.get("transition") or r.get("card")) or r.get("scene") is None

    def free(self, r: dict[str, Any]) -> bool:
        """Control is with the scene logic (no line, choice, transition, card)."""
        return r.get("runner") == "returned" and not self.busy(r) and r.get("line") is None

    def check_frames(self) -> None:
        assert self.h.frame < FRAME_LIMIT, f"over {FRAME_LIMIT} frames; log tail: {self.log[-5:]}"

    # ---------------------------------------------------------------- the loop
    def play(self) -> dict[str, Any]:
        """Follow the whole route; returns the EndingScreen's report."""
        actions = [(e["level"], a) for e in self.route["levels"] for a in e["actions"]]
        self.new_game()
        while True:
            self.check_frames()
            r = self.report()
            if r.get("screen") == "EndingScreen":
                assert not actions, f"ending reached with actions left: {actions}"
                return r
            assert r.get("screen") == "PlayScreen", f"unexpected screen {r}"
            self.play_screen = self.screen
            assert not r.get("error"), r["error"]
            if not self.unlocked or r["level"] != self.unlocked[-1][0]:
                self.unlocked.append([r["level"], *self.settings.chapters_unlocked])
            if self.busy(r):
                self.h.step()
                continue
            if r["runner"] == "waiting_for_continue" and r["line"] is not None:
                self.lines += 1 if r["line_complete"] else 0  # a first press only completes the line
                self.tap(Action.CONFIRM)
                continue
            if r["choices"] is not None:
                assert actions, f"a choice with no actions left: {r['choices']}"
                lid, action = actions.pop(0)
                assert r["level"] == lid, f"route is at {lid} but the game at {r['level']}"
                self.choose(r, action)
                continue
            if r["runner"] != "returned" or r.get("line") is not None:
                self.h.step()
                continue
            assert actions, f"the scene waits with no actions left ({r['scene']})"
            lid, action = actions.pop(0)
            assert r["level"] == lid, f"route is at {lid} but the game at {r['level']}"
            self.scene_action(r, action)

    def choose(self, r: dict[str, Any], action: str) -> None:
        verb, arg = split(action)
        where = f"{r['level']}/{r['scene']}: {action!r}"
        self.log.append(where)
        if verb == "default":
            assert r["timer"] is not None, f"{where}: no timer"
            while self.report().get("choices") is not None:
                self.check_frames()
                self.h.step()
            return
        assert verb == "choose", f"{where}: a choice is showing"
        target = pick_option(r["choices"], r["choices_enabled"], arg, where)
        for _ in range(len(r["choices"]) * 2):
            focus = self.report()["choice_focus"]
            if focus == target:
                break
            self.tap(Action.DOWN if focus < target else Action.UP)
        assert self.report()["choice_focus"] == target, where
        self.tap(Action.CONFIRM)

    def scene_action(self, r: dict[str, Any], action: str) -> None:
        verb, arg = split(action)
        where = f"{r['level']}/{r['scene']}: {action!r}"
        self.log.append(where)
        screen = self.screen
        scene: Scene = screen.scene
        logic = screen.logic
        start_frame = self.h.frame
        if verb == "hotspot":
            assert scene.explore is not None, where
            spot = next(h for h in scene.explore.hotspots if h.id == arg)
            x, y, w, hh = spot.rect
            pos = (x + w / 2, y + hh / 2)
            self.h.send(Action.POINT, True, pos)
            self.tap(Action.CONFIRM, pos)  # a click: walk there, then interact
        elif verb == "then":
            assert scene.type == "cutscene", where
        elif verb == "lose":
            assert scene.type == "rhythm", f"{where}: only rhythm scenes are lost on purpose here"
        elif verb == "win":
            assert scene.type in ("dodge", "rhythm", "finale"), where
        else:
            raise AssertionError(f"{where}: unknown action")
        press_plan = rhythm_plan(logic) if verb == "win" and scene.type == "rhythm" else []
        while True:
            self.check_frames()
            r2 = self.report()
            if r2.get("screen") != "PlayScreen" or not self.free(r2) or r2["scene"] != r["scene"]:
                break
            if verb == "win" and scene.type == "dodge":
                self.hold(dodge_directions(logic))
            elif verb == "win" and scene.type == "finale" and (self.h.frame - start_frame) % 6 == 0:
                self.h.send(Action.CONFIRM, True)
                self.h.step()
                self.h.send(Action.CONFIRM, False)
            elif press_plan:
                now = logic.song_time() + STEP / 2
                while press_plan and press_plan[0][0] <= now:
                    _, a, pressed = press_plan.pop(0)
                    self.h.send(a, pressed)
            self.h.step()
        self.hold(set())
        if verb == "win" or (verb == "lose" and scene.type == "rhythm"):
            self.retries.append(int(logic.state().get("retries", 0)))
            if verb == "win":
                assert logic.state().get("phase") == "done", f"{where}: {logic.state()}"
        assert self.h.frame - start_frame < 6000, f"{where}: took {self.h.frame - start_frame} frames"


STEP = 1.0 / 60.0


def rhythm_plan(logic: Any) -> list[tuple[float, Action, bool]]:
    """(song time, lane action, pressed) for every note, pressed on its beat, sorted by time."""
    from lm_game.scenes.rhythm import LANE_ACTIONS

    plan: list[tuple[float, Action, bool]] = []
    for n in logic.notes:
        a = LANE_ACTIONS[n.lane]
        up = n.end + 2 * STEP if n.end > n.time else n.time + 3 * STEP
        plan += [(n.time, a, True), (up, a, False)]
    return sorted(plan, key=lambda e: (e[0], e[2]))


#: encore draws every frame; the other two draw every 6th frame to keep the suite fast.
DRAW_EVERY = {"encore": 1, "leave_me_alone": 6, "take_the_mic": 6}


@pytest.mark.parametrize("name", ENDINGS)
def test_game_route_through_the_real_game(name: str, levels: dict[str, Level]) -> None:
    """Each route end to end through PlayScreen: every level and scene type, real input only."""
    route = load_route(name)
    t0 = time.perf_counter()
    d = GameDriver(route, draw_every=DRAW_EVERY[name])
    ending = d.play()
    assert ending["ending"] == name and ending["title"] == levels["the_giant_rises"].endings[name].title
    game = d.play_screen.game
    check_expectations(name, route, dict(game.meters), dict(game.variables))
    assert game.finished == "ending" and game.ending == name
    assert d.lines == play_runtime(route, levels).lines  # the same lines as the runtime playthrough
    assert all(r == 0 for r in d.retries), d.retries  # gameplay won first time, no retry
    order = [e["level"] for e in route["levels"]]
    # chapter select unlocks each level as it is reached (New Game unlocks the first)
    assert d.unlocked == [[lid, *order[: i + 1]] for i, lid in enumerate(order)]
    if name == "leave_me_alone":
        credits_title_and_chapter_select(d, order, levels)
    d.h.close()
    print(f"{name} through the real game: {d.h.frame} frames, {d.lines} lines, {time.perf_counter() - t0:.1f} s")
    assert time.perf_counter() - t0 < 120


def credits_title_and_chapter_select(d: GameDriver, order: list[str], levels: dict[str, Level]) -> None:
    """After an ending: credits, the title, and a chapter select listing every level reached."""
    h = d.h

    def wait_for(screen: str) -> dict[str, Any]:
        for _ in range(240):
            if h.app.stack.transition is None and h.state()["stack"][-1] == screen:
                break
            h.step()
        assert h.state()["stack"][-1] == screen, h.state()["stack"]
        return d.report()

    wait_for("EndingScreen")
    h.step(60)  # the ending card ignores presses for its first half second
    d.tap(Action.CONFIRM)  # then goes on to the credits
    wait_for("CreditsScreen")
    h.step(120)
    d.tap(Action.CONFIRM)
    r = wait_for("TitleScreen")
    assert r["screen"] == "TitleScreen"
    assert r["enabled"][r["items"].index("Chapters")]
    from lm_game.ui.title import ChapterScreen

    while d.report()["items"][d.report()["focus"]] != "Chapters":
        d.tap(Action.DOWN)
    d.tap(Action.CONFIRM)
    wait_for("ChapterScreen")
    top = h.app.stack.top
    assert isinstance(top, ChapterScreen)
    labels = d.report()["items"]
    assert labels == [f"{i}. {levels[lid].title}" for i, lid in enumerate(order, start=1)] + ["Back"]
    for _ in range(2):  # chapter 3
        d.tap(Action.DOWN)
    d.tap(Action.CONFIRM)
    for _ in range(200):
        r = d.report()
        if r.get("screen") == "PlayScreen" and r.get("scene") is not None:
            break
        h.step()
    assert r["level"] == order[2] and r["scene"] == levels[order[2]].start
