"""Story explorer: walks every choice path of a level (or the whole campaign) and reports problems.

The story runs on the real StoryRunner; gameplay scenes are modelled abstractly, like the
transcript driver (lm_game.runtime.transcript) does: each visible hotspot, a scene's win and
loss, a cutscene's ``then`` is one branch, as is each enabled option of a choice.
States are deduplicated by a hash of ``GameState.to_dict()`` (without play time; visit counts
saturated at the largest number the level's conditions could compare them with) plus the
position outside the runner (scene phase, a pending hotspot exit). Only what can still change
the story is hashed: variables read by conditions (closed over the effects that feed them) and
visit counts of nodes named in ``seen()``/``visits()``; a variable read only by ``say`` conditions
changes which lines show, nothing else, so it is left out too ("cosmetic").

Meters (``peace``, ``spotlight``) are followed symbolically when a level only adds constants to
them: one search carries a table from each possible start value to its current value, and a
condition that reads a meter splits the table where its answer differs. The campaign explores
each level once per distinct combination of what that level reads, then applies each way out
to every entry state that shares it (see ``explore_campaign``).

A *soft-lock* is a state the player can reach and never leave: a dialogue scene whose node
runs off its end, a choice whose options are all disabled, a gameplay scene with no way out
(no usable hotspot, no on_win, a finished scene whose node did not leave), or a loop of
states from which no ending or level end can be reached.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lm_game.model import expr as ex
from lm_game.model.expr import EvalError
from lm_game.model.level import Choice, Condition, Do, EffectStmt, Level, Say, Scene, Step
from lm_game.runtime.events import Event, NoticeEvent, SceneChangeEvent
from lm_game.runtime.persistent import PersistentData
from lm_game.runtime.runner import Checkpoint, RunnerState, StoryRunner
from lm_game.runtime.state import METERS, GameState, clamp_meter

Action = int | str
SUCCESS_KINDS = ("ending", "level_end")


@dataclass
class ExploreOptions:
    """Bounds and reporting for one exploration."""

    max_states: int = 200_000
    time_limit: float = 120.0
    seed: int = 0
    progress: Callable[[Progress], None] | None = None
    progress_every: int = 5000
    progress_seconds: float = 1.0
    clock: Callable[[], float] = time.monotonic


@dataclass(frozen=True)
class Progress:
    """A progress report for long runs."""

    name: str
    states: int
    queued: int
    elapsed: float
    endings: int


@dataclass
class Problem:
    """A soft-lock (or another finding) with where it is and a path of actions that reaches it."""

    kind: str
    message: str
    level: str = ""
    scene: str = ""
    node: str = ""
    where: str = ""
    trace: list[Action] = field(default_factory=list)
    count: int = 1

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "kind": self.kind,
            "message": self.message,
            "level": self.level,
            "scene": self.scene,
            "node": self.node,
            "where": self.where,
            "trace": list(self.trace),
            "count": self.count,
        }

    def describe(self) -> str:
        """One line (plus the trace) for text output."""
        where = f"{self.where}: " if self.where else ""
        text = f"{where}{self.kind}: {self.message}"
        if self.count > 1:
            text += f" ({self.count} states)"
        if self.trace or self.kind != "error":
            text += "\n      reached by: " + (json.dumps(self.trace) if self.trace else "(start)")
        return text


@dataclass
class Coverage:
    """What one level's exploration reached, against what the level holds."""

    lines_seen: int = 0
    lines_total: int = 0
    options_taken: int = 0
    options_total: int = 0
    nodes_reached: int = 0
    nodes_total: int = 0
    scenes_reached: int = 0
    scenes_total: int = 0

    def to_dict(self) -> dict[str, int]:
        """JSON form."""
        return dict(self.__dict__)


@dataclass
class ExploreReport:
    """Everything one exploration found."""

    name: str
    levels: list[str]
    campaign: bool
    states: int = 0
    transitions: int = 0
    elapsed: float = 0.0
    complete: bool = True
    stopped_by: str = ""
    endings_declared: dict[str, str] = field(default_factory=dict)
    endings_reached: dict[str, int] = field(default_factory=dict)
    level_ends: dict[str, int] = field(default_factory=dict)
    soft_locks: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    unreachable_nodes: dict[str, list[str]] = field(default_factory=dict)
    unreachable_scenes: dict[str, list[str]] = field(default_factory=dict)
    never_enabled: list[dict[str, Any]] = field(default_factory=list)
    variables: dict[str, dict[str, Any]] = field(default_factory=dict)
    coverage: dict[str, Coverage] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def endings_unreached(self) -> list[str]:
        """Declared endings no explored path reached."""
        return sorted(e for e in self.endings_declared if e not in self.endings_reached)

    @property
    def ok(self) -> bool:
        """No soft-lock and every declared ending reached."""
        return not self.soft_locks and not self.endings_unreached

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``lm-game explore --format json``)."""
        return {
            "name": self.name,
            "levels": self.levels,
            "campaign": self.campaign,
            "ok": self.ok,
            "states": self.states,
            "transitions": self.transitions,
            "elapsed": round(self.elapsed, 3),
            "complete": self.complete,
            "stopped_by": self.stopped_by,
            "endings": {
                "declared": self.endings_declared,
                "reached": self.endings_reached,
                "unreached": self.endings_unreached,
            },
            "level_ends": self.level_ends,
            "soft_locks": [p.to_dict() for p in self.soft_locks],
            "errors": [p.to_dict() for p in self.errors],
            "unreachable_nodes": self.unreachable_nodes,
            "unreachable_scenes": self.unreachable_scenes,
            "never_enabled": self.never_enabled,
            "variables": self.variables,
            "coverage": {k: v.to_dict() for k, v in self.coverage.items()},
            "notes": self.notes,
        }

    def format_text(self) -> str:
        """The human-readable report."""
        out: list[str] = []
        mode = "campaign" if self.campaign else "level"
        done = "complete" if self.complete else f"INCOMPLETE (stopped by {self.stopped_by})"
        out.append(
            f"== {self.name} ({mode}: {' -> '.join(self.levels)}): {self.states} states, "
            f"{self.transitions} transitions, {self.elapsed:.2f}s, {done}"
        )
        if self.endings_declared:
            parts = [f"{e} ({self.endings_reached[e]} path(s))" for e in sorted(self.endings_reached)]
            out.append("endings reached: " + (", ".join(parts) or "none"))
            if self.endings_unreached:
                out.append("ENDINGS NEVER REACHED: " + ", ".join(self.endings_unreached))
        if self.level_ends:
            out.append("level ends: " + ", ".join(f"{k} ({v})" for k, v in sorted(self.level_ends.items())))
        for title, problems in (("SOFT-LOCKS", self.soft_locks), ("runtime errors", self.errors)):
            if problems:
                out.append(f"{title}: {len(problems)}")
                out.extend("  " + p.describe() for p in problems)
        tables = (("unreachable scenes", self.unreachable_scenes), ("unreachable nodes", self.unreachable_nodes))
        for title, table in tables:
            for level_id, ids in table.items():
                if ids:
                    out.append(f"{title} in {level_id}: {', '.join(ids)}")
        if self.never_enabled:
            out.append(f"choice options never enabled: {len(self.never_enabled)}")
            for o in self.never_enabled:
                out.append(
                    f"  {o['where']}: {o['level']}:{o['node']} option {o['option']} {o['text']!r} if {o['if']!r}"
                )
        if self.variables:
            out.append("variables (observed values):")
            for name, info in sorted(self.variables.items()):
                if "min" in info:
                    out.append(f"  {name}: {info['min']}..{info['max']}")
                else:
                    out.append(f"  {name}: {', '.join(json.dumps(v) for v in info['values'])}")
        for level_id, c in self.coverage.items():
            out.append(
                f"coverage {level_id}: lines {c.lines_seen}/{c.lines_total} ({_pct(c.lines_seen, c.lines_total)}), "
                f"options {c.options_taken}/{c.options_total} ({_pct(c.options_taken, c.options_total)}), "
                f"nodes {c.nodes_reached}/{c.nodes_total}, scenes {c.scenes_reached}/{c.scenes_total}"
            )
        out.extend("note: " + n for n in self.notes)
        out.append("result: " + ("OK" if self.ok else "PROBLEMS FOUND"))
        return "\n".join(out)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "-"


def _quiet_holds(cond: Condition | None, env: GameState) -> bool:
    if cond is None:
        return True
    try:
        return bool(cond.holds(env))
    except EvalError:
        return False


# ---------------------------------------------------------------------------- the probe runner


class _Split(Exception):  # noqa: N818 - control flow inside the explorer, never escapes it
    """A condition read a meter and its answer differs across the meter table: retry on each part."""

    def __init__(self, parts: list[frozenset[Meters]]) -> None:
        super().__init__("meter split")
        self.parts = parts


Meters = tuple[int, ...]
MeterMap = tuple[tuple[Meters, Meters], ...]


class _Probe(StoryRunner):
    """A StoryRunner that tells the explorer how choices evaluated, which nodes ran, where a node
    ran off, and that follows the meters as a table (entry value -> current value)."""

    def __init__(self, level: Level, game: GameState, explorer: Explorer, meters: MeterMap) -> None:
        super().__init__(level, game, persistent=explorer.obs.persistent, rollback_limit=1)
        self.explorer = explorer
        self.ran_off: tuple[str, int] | None = None
        self.meters: dict[Meters, Meters] = dict(meters)
        self._sync()

    def _sync(self) -> None:
        if self.meters:
            first = next(iter(self.meters.values()))
            self.game.meters = dict(zip(METERS, first, strict=True))

    def split_holds(self, cond: Condition | None) -> bool:
        """Like the runner's condition check, but raises _Split when the meter table disagrees."""
        if cond is None:
            return True
        if len(self.meters) > 1 and _reads_meters(cond):
            answers: dict[bool, set[Meters]] = {True: set(), False: set()}
            cache: dict[Meters, bool] = {}
            for key, value in self.meters.items():
                if value not in cache:
                    self.game.meters = dict(zip(METERS, value, strict=True))
                    cache[value] = _quiet_holds(cond, self.game)
                answers[cache[value]].add(key)
            self._sync()
            if answers[True] and answers[False]:
                raise _Split([frozenset(answers[True]), frozenset(answers[False])])
            return bool(answers[True])
        return _quiet_holds(cond, self.game)

    def _holds(self, cond: Condition | None) -> bool:
        if cond is not None and len(self.meters) > 1 and _reads_meters(cond):
            return self.split_holds(cond)
        return super()._holds(cond)

    def _execute(self, node_id: str, index: int, step: Step) -> None:
        if isinstance(step, Say) and step.cond is not None:
            self.explorer._cosmetic_line(self, node_id, index, step)
        super()._execute(node_id, index, step)

    def _choice(self, node_id: str, index: int, step: Choice, checkpoint: Checkpoint) -> None:
        enabled = [self.split_holds(o.cond) for o in step.options]
        self.explorer._on_choice(self.level, node_id, index, step, enabled)
        super()._choice(node_id, index, step, checkpoint)

    def _enter_node(self, node_id: str) -> bool:
        self.explorer.obs.visits_seen.add(f"{self.level.id}:{node_id}")
        return super()._enter_node(node_id)

    def _apply(self, effects: tuple[EffectStmt, ...]) -> None:
        for eff in effects:
            a = eff.ast
            if self.meters and isinstance(a, ex.Assign) and a.name in METERS:
                try:
                    value = ex.evaluate(a.value, self.game)
                except EvalError:
                    continue
                if isinstance(value, bool) or not isinstance(value, int):
                    continue
                i = METERS.index(a.name)
                sign = 0 if a.op == "=" else (1 if a.op == "+=" else -1)
                for key, cur in self.meters.items():
                    new = clamp_meter(value if sign == 0 else cur[i] + sign * value)
                    self.meters[key] = cur[:i] + (new,) + cur[i + 1:]
        super()._apply(effects)
        self._sync()

    def _return(self) -> None:
        g = self.game
        node = self.level.nodes.get(g.node) if g.node is not None else None
        self.ran_off = (node.id, len(node.steps)) if node is not None and g.step >= len(node.steps) else None
        super()._return()

    def meter_map(self) -> MeterMap:
        """The meter table, sorted (part of the state)."""
        return tuple(sorted(self.meters.items()))


def _reads_meters(cond: Condition) -> bool:
    return any(v.name in METERS for v in ex.variables_read(cond.ast))


# ---------------------------------------------------------------------------- exploration

@dataclass
class _Outcome:
    """Where an action left the story: a decision point, or a terminal/dead state."""

    kind: str  # choice | free | ending | level_end | dead
    state: dict[str, Any] | None = None
    phase: str = "play"
    pending: str | None = None
    detail: str = ""
    problem: Problem | None = None
    meters: MeterMap = ()


@dataclass
class _Branch:
    label: Action
    run: Callable[[_Probe], list[Event]]
    finishes: bool = False  # the scene is over once this branch's node returns
    dead: Problem | None = None  # taking this branch leads nowhere


@dataclass
class _Exit:
    """One distinct way a level ended (campaign mode): the state then, the meter table, the path."""

    state: dict[str, Any]
    meters: MeterMap
    trace: list[Action]


@dataclass
class _Obs:
    """Observations shared by every exploration that goes into one report."""

    persistent: PersistentData = field(default_factory=PersistentData)
    option_seen: dict[tuple[str, str, int], list[bool]] = field(default_factory=dict)
    options_taken: set[tuple[str, str, int, int]] = field(default_factory=set)
    soft_locks: dict[tuple[str, ...], Problem] = field(default_factory=dict)
    errors: dict[str, Problem] = field(default_factory=dict)
    scenes_seen: set[tuple[str, str]] = field(default_factory=set)
    visits_seen: set[str] = field(default_factory=set)
    var_values: dict[str, set[Any]] = field(default_factory=dict)
    endings: dict[str, int] = field(default_factory=dict)
    level_ends: dict[str, int] = field(default_factory=dict)
    states: int = 0
    transitions: int = 0
    stopped: str = ""
    notes: list[str] = field(default_factory=list)

    def add_lock(self, key: tuple[str, ...], problem: Problem) -> None:
        old = self.soft_locks.get(key)
        if old is None:
            self.soft_locks[key] = problem
        else:
            old.count += problem.count


def _node_runner(node: str) -> Callable[[_Probe], list[Event]]:
    def run(p: _Probe) -> list[Event]:
        return p.run_node(node)

    return run


def _scene_goer(scene: str) -> Callable[[_Probe], list[Event]]:
    def run(p: _Probe) -> list[Event]:
        return p.go_to_scene(scene)

    return run


def _nothing(p: _Probe) -> list[Event]:
    return []


class Explorer:
    """Breadth-first search over one level's states, from its start (or given entry states)."""

    def __init__(
        self,
        level: Level,
        *,
        options: ExploreOptions | None = None,
        obs: _Obs | None = None,
        start: dict[str, Any] | None = None,
        meters: Iterable[Meters] = (),
        prefix: Sequence[Action] = (),
        key_vars: frozenset[str] = frozenset(),
        cosmetic: Sequence[dict[str, Any]] = (),
        collect_exits: bool = False,
        deadline: float | None = None,
    ) -> None:
        self.level = level
        self.options = options or ExploreOptions()
        self.obs = obs if obs is not None else _Obs()
        self.start = start
        self.prefix = list(prefix)
        rel = _relevance([level])
        self.key_vars = rel.variables | (rel.cosmetic & rel.writes) | key_vars
        self.key_visits = rel.visits
        self.cap = rel.cap
        self.cosmetic = list(cosmetic)
        entry = [tuple(m) for m in meters]
        if not entry:
            base = GameState.from_dict(start) if start is not None else GameState.new(0)
            entry = [tuple(base.meters[m] for m in METERS)]
        self.start_meters: MeterMap = tuple(sorted((m, m) for m in set(entry)))
        self.collect_exits = collect_exits
        self.exits: dict[bytes, _Exit] = {}
        self.deadline = deadline
        self.keys: dict[bytes, int] = {}
        self.outcomes: list[_Outcome] = []
        self.parent: list[tuple[int, Action] | None] = []
        self.succ: list[list[int]] = []
        self.expanded: list[bool] = []
        self.current: tuple[int | None, Action | None] = (None, None)

    # ------------------------------------------------------------------ public

    def run(self) -> bool:
        """Explore until every state is expanded or a bound is hit; False when a bound stopped it."""
        opts = self.options
        obs = self.obs
        clock = opts.clock
        t0 = clock()
        deadline = self.deadline if self.deadline is not None else t0 + opts.time_limit
        last_report = t0
        start = self.start if self.start is not None else GameState.new(opts.seed, self.level.id).to_dict()
        pre = _Outcome("start", start, meters=self.start_meters)
        queue: deque[int] = deque()
        for first in self._attempt(pre, lambda r: self._settle(r, r.start_level(self.level), "play", None)):
            before = len(self.outcomes)
            sid = self._add(first, None, None)
            if len(self.outcomes) > before and first.kind in ("choice", "free"):
                queue.append(sid)
        while queue:
            now = clock()
            if obs.states >= opts.max_states:
                obs.stopped = f"--max-states {opts.max_states}"
                return False
            if now >= deadline:
                obs.stopped = f"--time-limit {opts.time_limit:g}s"
                return False
            if opts.progress is not None and (
                now - last_report >= opts.progress_seconds
                or (opts.progress_every and obs.states % opts.progress_every == 0)
            ):
                last_report = now
                opts.progress(Progress(self.level.id, obs.states, len(queue), now - t0, len(obs.endings)))
            sid = queue.popleft()
            self.expanded[sid] = True
            for label, outcome in self._expand(sid):
                obs.transitions += 1
                before = len(self.outcomes)
                tid = self._add(outcome, sid, label)
                self.succ[sid].append(tid)
                if len(self.outcomes) > before and self.outcomes[tid].kind in ("choice", "free"):
                    queue.append(tid)
        self._traps()
        return True

    # ------------------------------------------------------------------ stepping the story

    def _restore(self, outcome: _Outcome, keys: frozenset[Meters] | None = None) -> _Probe:
        assert outcome.state is not None
        meters = outcome.meters if keys is None else tuple(kv for kv in outcome.meters if kv[0] in keys)
        return _Probe(self.level, GameState.from_dict(outcome.state), self, meters)

    def _attempt(self, outcome: _Outcome, act: Callable[[_Probe], _Outcome]) -> list[_Outcome]:
        """Run `act` from `outcome`; where a meter condition splits the table, run it on each part."""
        results: list[_Outcome] = []
        todo: list[frozenset[Meters] | None] = [None]
        while todo:
            keys = todo.pop()
            r = self._restore(outcome, keys)
            try:
                results.append(act(r))
            except _Split as split:
                todo.extend(part if keys is None else part & keys for part in split.parts)
        return results

    def _settle(self, r: _Probe, events: list[Event], phase: str, pending: str | None) -> _Outcome:
        """Continue lines and follow pending exits until the story needs a decision (or ends)."""
        for _ in range(10_000):
            self._observe(r, events)
            if any(isinstance(e, SceneChangeEvent) for e in events):
                phase, pending = "play", None
            state = r.state
            if state is RunnerState.WAITING_FOR_CONTINUE:
                events = r.advance()
                continue
            if state is RunnerState.WAITING_FOR_CHOICE:
                return _Outcome("choice", r.snapshot(), phase, pending, meters=r.meter_map())
            g = r.game
            if state is RunnerState.ENDED:
                self._observe_state(g.to_dict(), r)
                if g.finished == "ending":
                    return _Outcome("ending", detail=g.ending or "")
                return _Outcome("level_end", g.to_dict(), detail=self.level.id, meters=r.meter_map())
            if pending is not None:
                target, pending = pending, None
                events = r.go_to_scene(target)
                continue
            try:
                scene = self.level.scene(g.scene)
            except KeyError:
                return _Outcome("dead", problem=self._problem("no_exit", f"scene {g.scene!r} does not exist", r))
            dead = self._dead_end(r, scene, phase)
            if dead is not None:
                return _Outcome("dead", problem=dead)
            return _Outcome("free", g.to_dict(), phase, None, meters=r.meter_map())
        return _Outcome("dead", problem=self._problem("error", "the story never settled (10000 continues)", r))

    def _dead_end(self, r: _Probe, scene: Scene, phase: str) -> Problem | None:
        if scene.type == "dialogue":
            node, step = r.ran_off or ("?", 0)
            where = ""
            if node in self.level.nodes and self.level.nodes[node].steps:
                where = str(self.level.nodes[node].steps[-1].loc)
            return self._problem(
                "runs_off_end",
                f"dialogue scene {scene.id!r}: node {node!r} runs off its end (after step {step - 1}); "
                "the player is stuck with nothing to click",
                r, node=node, where=where or str(scene.loc),
            )
        if phase == "done":
            what = "then" if scene.type == "cutscene" else "on_win"
            return self._problem(
                "no_exit",
                f"{scene.type} scene {scene.id!r} is over but its {what} node returned without leaving "
                "the scene (add a scene, goto, end_level or ending step)",
                r, where=str(scene.loc),
            )
        if not self._branches(r, scene, phase):
            return self._problem(
                "no_exit", f"{scene.type} scene {scene.id!r}: no hotspot can be used and there is no exit",
                r, where=str(scene.loc),
            )
        return None

    def _branches(self, r: _Probe, scene: Scene, phase: str) -> list[_Branch]:
        """The abstract gameplay moves available in a scene whose node has returned."""
        out: list[_Branch] = []
        g = r.game
        if scene.explore is not None:
            for h in scene.explore.hotspots:
                if not r.split_holds(h.cond):
                    continue
                if h.use is not None and g.has(h.use.item):
                    node = h.use.node
                    out.append(_Branch(f"use {h.id}", _node_runner(node)))
                elif h.node is not None:
                    out.append(_Branch(f"hotspot {h.id}", _node_runner(h.node)))
                elif h.exit is not None:
                    out.append(_Branch(f"hotspot {h.id}", _scene_goer(h.exit)))
            return out
        spec = scene.dodge or scene.rhythm or scene.finale
        if spec is not None:
            on_win = spec.on_win
            if on_win is not None:
                out.append(_Branch("win", _node_runner(on_win), finishes=True))
            else:
                out.append(_Branch("win", _nothing, dead=self._problem(
                    "no_exit", f"{scene.type} scene {scene.id!r} has no on_win: winning leads nowhere",
                    r, where=str(spec.loc))))
            on_lose = getattr(spec, "on_lose", None)
            if on_lose is not None:
                out.append(_Branch("lose", _node_runner(on_lose)))
            return out
        if scene.cutscene is not None:
            then = scene.cutscene.then
            if then is not None:
                out.append(_Branch("then", _node_runner(then), finishes=True))
            else:
                out.append(_Branch("then", _nothing, dead=self._problem(
                    "no_exit", f"cutscene {scene.id!r} has no then node: it ends nowhere",
                    r, where=str(scene.cutscene.loc))))
        return out

    def _expand(self, sid: int) -> Iterable[tuple[Action, _Outcome]]:
        outcome = self.outcomes[sid]
        if outcome.kind == "choice":
            r = self._restore(outcome)
            r.resume()
            choices = r.current_choices
            if r.state is not RunnerState.WAITING_FOR_CHOICE or choices is None:
                return
            for opt in choices.options:
                if not opt.enabled:
                    continue
                i = opt.index
                self.current = (sid, i)

                def choose(p: _Probe, i: int = i) -> _Outcome:
                    p.resume()
                    self._record_taken(p, i)
                    return self._settle(p, p.choose(i), outcome.phase, outcome.pending)

                for result in self._attempt(outcome, choose):
                    yield i, result
            return
        def probe_branches(p: _Probe) -> _Outcome:
            self._branches(p, self.level.scene(p.game.scene), outcome.phase)
            return _Outcome("branches")

        parts = self._attempt(outcome, probe_branches)  # a hotspot condition may split the meters
        if len(parts) > 1:
            yield from self._split_state(outcome)
            return
        r = self._restore(outcome)
        scene = self.level.scene(r.game.scene)
        for b in self._branches(r, scene, outcome.phase):
            if b.dead is not None:
                yield b.label, _Outcome("dead", problem=b.dead)
                continue
            self.current = (sid, b.label)
            phase = "done" if b.finishes else outcome.phase
            pending = None
            if isinstance(b.label, str) and b.label.startswith("hotspot ") and scene.explore is not None:
                hid = b.label.split(" ", 1)[1]
                spot = next(h for h in scene.explore.hotspots if h.id == hid)
                pending = spot.exit if spot.node is not None else None

            def act(p: _Probe, b: _Branch = b, phase: str = phase, pending: str | None = pending) -> _Outcome:
                return self._settle(p, b.run(p), phase, pending)

            for result in self._attempt(outcome, act):
                yield b.label, result

    def _split_state(self, outcome: _Outcome) -> Iterable[tuple[Action, _Outcome]]:
        """A free state whose visible hotspots depend on the meters: one state per part of the table."""
        todo: list[frozenset[Meters]] = [frozenset(k for k, _ in outcome.meters)]
        while todo:
            keys = todo.pop()
            r = self._restore(outcome, keys)
            try:
                self._branches(r, self.level.scene(r.game.scene), outcome.phase)
            except _Split as split:
                todo.extend(part & keys for part in split.parts)
                continue
            yield "# meters", _Outcome(
                "free", outcome.state, outcome.phase, outcome.pending,
                meters=tuple(kv for kv in outcome.meters if kv[0] in keys),
            )

    def _cosmetic_line(self, r: _Probe, node_id: str, index: int, step: Say) -> None:
        """A line shown only for some of the entry states that share this search still counts as seen."""
        if not self.cosmetic or step.cond is None:
            return
        line_id = f"{self.level.id}:{node_id}:{index}"
        seen = self.obs.persistent.seen_lines
        if line_id in seen:
            return
        saved = dict(r.game.variables)
        try:
            for values in self.cosmetic:
                r.game.variables.update(values)
                if _quiet_holds(step.cond, r.game):
                    seen.add(line_id)
                    break
        finally:
            r.game.variables = saved

    def _record_taken(self, r: _Probe, shown_index: int) -> None:
        g = r.game
        if g.node is None:
            return
        step = self.level.nodes[g.node].steps[g.step]
        if not isinstance(step, Choice):
            return
        shown = [j for j, o in enumerate(step.options) if _quiet_holds(o.cond, g) or o.show_disabled]
        if shown_index < len(shown):
            self.obs.options_taken.add((self.level.id, g.node, g.step, shown[shown_index]))

    # ------------------------------------------------------------------ bookkeeping

    def _key(self, o: _Outcome) -> bytes:
        if o.kind == "ending":
            raw = f"ending\0{o.detail}"
        elif o.kind == "level_end":
            raw = "level_end"
            if self.collect_exits and o.state is not None:
                raw += self._state_text(o)
        elif o.kind == "dead":
            p = o.problem
            raw = f"dead\0{p.kind}\0{p.level}\0{p.scene}\0{p.node}\0{p.message}" if p else "dead"
        else:
            raw = f"{o.kind}\0{o.phase}\0{o.pending}\0" + self._state_text(o)
        return hashlib.blake2b(raw.encode("utf-8"), digest_size=16).digest()

    def _state_text(self, o: _Outcome) -> str:
        assert o.state is not None
        d = dict(o.state)
        d.pop("play_time", None)
        d["variables"] = {k: v for k, v in d["variables"].items() if k in self.key_vars}
        if self.collect_exits:
            d["meters"] = [list(kv) for kv in o.meters]
        else:
            d["meters"] = sorted({v for _, v in o.meters})
        d["visits"] = {k: min(v, self.cap) for k, v in d["visits"].items() if k in self.key_visits}
        return json.dumps(d, sort_keys=True, separators=(",", ":"))

    def _add(self, o: _Outcome, parent: int | None, label: Action | None) -> int:
        key = self._key(o)
        sid = self.keys.get(key)
        if sid is not None:
            return sid
        obs = self.obs
        sid = len(self.outcomes)
        self.keys[key] = sid
        self.outcomes.append(o)
        self.parent.append(None if parent is None or label is None else (parent, label))
        self.succ.append([])
        self.expanded.append(o.kind not in ("choice", "free"))
        obs.states += 1
        if o.kind == "ending":
            obs.endings[o.detail] = obs.endings.get(o.detail, 0) + 1
        elif o.kind == "level_end":
            obs.level_ends[o.detail] = obs.level_ends.get(o.detail, 0) + 1
            if self.collect_exits and o.state is not None:
                self.exits[key] = _Exit(o.state, o.meters, self._trace(parent, label))
        elif o.kind == "dead" and o.problem is not None:
            p = o.problem
            p.trace = self._trace(parent, label)
            obs.add_lock(("dead", p.kind, p.level, p.scene, p.node, p.message), p)
        elif o.state is not None:
            self._observe_state(o.state, None, o.meters)
        return sid

    def _trace(self, sid: int | None, label: Action | None) -> list[Action]:
        out: list[Action] = [] if label is None else [label]
        while sid is not None:
            link = self.parent[sid]
            if link is None:
                break
            sid, lab = link
            out.append(lab)
        out.reverse()
        return self.prefix + out

    def _problem(self, kind: str, message: str, r: _Probe, *, node: str = "", where: str = "") -> Problem:
        return Problem(kind, message, self.level.id, r.game.scene, node, where)

    def _observe(self, r: _Probe, events: list[Event]) -> None:
        for e in events:
            if isinstance(e, SceneChangeEvent):
                self.obs.scenes_seen.add((self.level.id, e.scene_id))
            elif isinstance(e, NoticeEvent) and e.kind == "error" and e.message not in self.obs.errors:
                sid, label = self.current
                self.obs.errors[e.message] = Problem(
                    "error", e.message, self.level.id, r.game.scene, r.game.node or "", trace=self._trace(sid, label)
                )

    def _observe_state(self, state: dict[str, Any], r: _Probe | None, meters: MeterMap = ()) -> None:
        obs = self.obs
        if r is not None:
            meters = r.meter_map()
        pairs: list[tuple[str, Any]] = list(state["variables"].items())
        for _, value in meters:
            pairs.extend(zip(METERS, value, strict=True))
        for name, value in pairs:
            values = obs.var_values.setdefault(name, set())
            if len(values) < 64 or isinstance(value, int):
                values.add(value)

    def _on_choice(self, level: Level, node_id: str, index: int, step: Choice, enabled: list[bool]) -> None:
        key = (level.id, node_id, index)
        obs = self.obs
        seen = obs.option_seen.get(key)
        if seen is None:
            obs.option_seen[key] = list(enabled)
        else:
            for i, ok in enumerate(enabled):
                seen[i] = seen[i] or ok
        if not any(enabled):
            sid, label = self.current
            obs.add_lock(("dead_choice", *map(str, key)), Problem(
                "dead_choice",
                f"every option of this choice is disabled ({len(enabled)} option(s)); the story skips it",
                level.id, "", node_id, str(step.loc), self._trace(sid, label),
            ))

    def _traps(self) -> None:
        """Loops with no way to an ending or level end (and no dead end either: those are reported)."""
        n = len(self.outcomes)
        pred: list[list[int]] = [[] for _ in range(n)]
        for s, targets in enumerate(self.succ):
            for t in targets:
                pred[t].append(s)

        def backwards(seeds: list[int]) -> set[int]:
            seen = set(seeds)
            todo = list(seeds)
            while todo:
                for p in pred[todo.pop()]:
                    if p not in seen:
                        seen.add(p)
                        todo.append(p)
            return seen

        good = backwards([i for i, o in enumerate(self.outcomes) if o.kind in SUCCESS_KINDS or not self.expanded[i]])
        to_dead = backwards([i for i, o in enumerate(self.outcomes) if o.kind == "dead"])
        for i, o in enumerate(self.outcomes):
            if i in good or i in to_dead or o.state is None:
                continue
            pos = o.state["position"]
            link = self.parent[i]
            self.obs.add_lock(("trapped", self.level.id, pos["scene"]), Problem(
                "trapped",
                f"from here no path leads to an ending or the end of the level (scene {pos['scene']!r}"
                + (f", node {pos['node']!r}" if pos["node"] else "")
                + "): the player can only go round in circles",
                self.level.id, pos["scene"], pos["node"] or "", "",
                self._trace(link[0], link[1]) if link else list(self.prefix),
            ))


# ---------------------------------------------------------------------------- reports


def _build_report(
    name: str, levels: Sequence[Level], obs: _Obs, campaign: bool, elapsed: float
) -> ExploreReport:
    rep = ExploreReport(name, [lv.id for lv in levels], campaign)
    rep.states = obs.states
    rep.transitions = obs.transitions
    rep.elapsed = elapsed
    rep.complete = not obs.stopped
    rep.stopped_by = obs.stopped
    rep.notes = list(obs.notes)
    for lv in levels:
        for eid in lv.endings:
            rep.endings_declared[eid] = lv.id
    rep.endings_reached = dict(sorted(obs.endings.items()))
    rep.level_ends = dict(sorted(obs.level_ends.items()))
    rep.soft_locks = [p for p in obs.soft_locks.values() if p.kind != "error"]
    rep.errors = [p for p in obs.soft_locks.values() if p.kind == "error"] + list(obs.errors.values())
    declared_types: dict[str, str] = {}
    for lv in levels:
        rep.unreachable_scenes[lv.id] = [s.id for s in lv.scenes if (lv.id, s.id) not in obs.scenes_seen]
        rep.unreachable_nodes[lv.id] = [n for n in lv.nodes if f"{lv.id}:{n}" not in obs.visits_seen]
        rep.coverage[lv.id] = _coverage(lv, obs)
        for v in lv.variables.values():
            declared_types[v.id] = v.type
        for node in lv.nodes.values():
            for i, step in enumerate(node.steps):
                seen = obs.option_seen.get((lv.id, node.id, i)) if isinstance(step, Choice) else None
                if seen is None or not isinstance(step, Choice):
                    continue
                for j, ok in enumerate(seen):
                    if not ok:
                        opt = step.options[j]
                        rep.never_enabled.append({
                            "level": lv.id, "node": node.id, "step": i, "option": j, "text": opt.text,
                            "if": opt.cond.text if opt.cond else "", "where": str(opt.loc),
                        })
    for name_, values in sorted(obs.var_values.items()):
        kind = declared_types.get(name_, "int" if name_ in METERS else "")
        nums = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        if kind == "int" and nums:
            rep.variables[name_] = {"type": "int", "min": min(nums), "max": max(nums)}
        else:
            rep.variables[name_] = {"type": kind, "values": sorted(values, key=lambda v: (str(type(v)), v))}
    return rep


def _coverage(lv: Level, obs: _Obs) -> Coverage:
    c = Coverage()
    for node in lv.nodes.values():
        for i, step in enumerate(node.steps):
            if isinstance(step, Say):
                c.lines_total += 1
                if f"{lv.id}:{node.id}:{i}" in obs.persistent.seen_lines:
                    c.lines_seen += 1
            elif isinstance(step, Choice):
                for j in range(len(step.options)):
                    c.options_total += 1
                    if (lv.id, node.id, i, j) in obs.options_taken:
                        c.options_taken += 1
    c.nodes_total = len(lv.nodes)
    c.nodes_reached = sum(1 for n in lv.nodes if f"{lv.id}:{n}" in obs.visits_seen)
    c.scenes_total = len(lv.scenes)
    c.scenes_reached = sum(1 for s in lv.scenes if (lv.id, s.id) in obs.scenes_seen)
    return c


@dataclass
class _Relevance:
    """What of a GameState can still change the story from a level on: the rest is left out of keys."""

    variables: frozenset[str]
    visits: frozenset[str]
    cap: int
    cosmetic: frozenset[str] = frozenset()
    writes: frozenset[str] = frozenset()


def _relevance(levels: Sequence[Level]) -> _Relevance:
    """Variables, meters and visit counts read by these levels' conditions (closed over effects)."""
    conds: list[tuple[str, ex.Expr]] = []
    says: list[ex.Expr] = []
    assigns: list[tuple[str, ex.Assign]] = []
    for lv in levels:
        for node in lv.nodes.values():
            for step in node.steps:
                if step.cond is not None and isinstance(step, Say):
                    says.append(step.cond.ast)
                elif step.cond is not None:
                    conds.append((lv.id, step.cond.ast))
                if isinstance(step, Choice):
                    conds.extend((lv.id, o.cond.ast) for o in step.options if o.cond is not None)
                    effects = [e for o in step.options for e in o.effects]
                elif isinstance(step, Do):
                    effects = list(step.effects)
                else:
                    effects = []
                assigns.extend((lv.id, e.ast) for e in effects if isinstance(e.ast, ex.Assign))
        for scene in lv.scenes:
            if scene.explore:
                conds.extend((lv.id, h.cond.ast) for h in scene.explore.hotspots if h.cond is not None)
    live: set[str] = set()
    visits: set[str] = set()

    def read(level_id: str, e: ex.Expr | ex.Effect) -> None:
        live.update(v.name for v in ex.variables_read(e))
        for call in ex.calls(e):
            if call.func in ("seen", "visits") and call.args and isinstance(call.args[0], ex.Literal):
                arg = str(call.args[0].value)
                visits.add(arg if ":" in arg else f"{level_id}:{arg}")

    for level_id, c in conds:
        read(level_id, c)
    changed = True
    while changed:
        before = len(live) + len(visits)
        for level_id, a in assigns:
            if a.name in live:
                read(level_id, a)
        changed = len(live) + len(visits) != before
    cosmetic = {v.name for e in says for v in ex.variables_read(e)} - live
    for e in says:  # seen()/visits() in a say condition: keep those counts (cheap, and coverage stays exact)
        for call in ex.calls(e):
            if call.func in ("seen", "visits") and call.args and isinstance(call.args[0], ex.Literal):
                arg = str(call.args[0].value)
                visits.add(arg if ":" in arg else f"{levels[0].id}:{arg}")
    writes = {a.name for _, a in assigns}
    return _Relevance(frozenset(live), frozenset(visits), _visit_cap(levels), frozenset(cosmetic), frozenset(writes))


def _visit_cap(levels: Iterable[Level]) -> int:
    """Visit counts above this never change a condition (1 when only seen() is used)."""
    cap = 1
    for lv in levels:
        texts: list[str] = []
        for node in lv.nodes.values():
            for step in node.steps:
                if step.cond is not None:
                    texts.append(step.cond.text)
                if isinstance(step, Choice):
                    texts.extend(o.cond.text for o in step.options if o.cond is not None)
        for scene in lv.scenes:
            if scene.explore:
                texts.extend(h.cond.text for h in scene.explore.hotspots if h.cond is not None)
        for text in texts:
            if "visits(" in text:
                nums = [int(x) for x in re.findall(r"(?<![\w\"'])\d+", text)]
                cap = max([cap, *(x + 1 for x in nums)])
    return min(cap, 64)


def explore_level(level: Level, options: ExploreOptions | None = None) -> ExploreReport:
    """Explore one level on its own, starting from its declared variable defaults."""
    opts = options or ExploreOptions()
    obs = _Obs()
    t0 = opts.clock()
    Explorer(level, options=opts, obs=obs).run()
    return _build_report(level.id, [level], obs, False, opts.clock() - t0)


def _meters_trackable(level: Level) -> bool:
    """True when meters only ever get constants added, subtracted or assigned, and feed no variable."""
    for node in level.nodes.values():
        for step in node.steps:
            effects = list(step.effects) if isinstance(step, Do) else []
            if isinstance(step, Choice):
                effects = [e for o in step.options for e in o.effects]
            for e in effects:
                a = e.ast
                if not isinstance(a, ex.Assign):
                    continue
                reads = {v.name for v in ex.variables_read(a.value)}
                if a.name in METERS and (reads or ex.calls(a.value)):
                    return False
                if reads & set(METERS):
                    return False
    return True


def _compose(entry: dict[str, Any], x: _Exit, written: frozenset[str]) -> dict[str, Any] | None:
    """The state after a level for `entry`, from an exit reached by a search it took part in (None: not this exit)."""
    start = tuple(entry["meters"][m] for m in METERS)
    table = dict(x.meters)
    if start not in table:
        return None
    out = dict(x.state)
    variables = dict(entry["variables"])
    for k, v in x.state["variables"].items():
        if k in written or k not in variables:
            variables[k] = v
    out["variables"] = variables
    out["meters"] = dict(zip(METERS, table[start], strict=True))
    return out


def explore_campaign(
    levels: Sequence[Level], options: ExploreOptions | None = None, name: str = "campaign"
) -> ExploreReport:
    """Explore the whole game in order (``levels`` is the chain of ``next``), carrying state across levels.

    Level by level, the entry states are grouped by what the level itself can react to (the
    variables its conditions read, the inventory; the meters only when they cannot be followed
    as a table). The level is searched once per group, with the group's meter values as one
    table, and each distinct way out (variables it wrote, each meter start value's result) is
    applied to every entry of the group. Exact, and far cheaper than one search over the game.
    """
    opts = options or ExploreOptions()
    obs = _Obs()
    t0 = opts.clock()
    deadline = t0 + opts.time_limit
    entries: dict[str, tuple[dict[str, Any], list[Action]]] = {
        "": (GameState.new(opts.seed, levels[0].id).to_dict(), [])
    }
    for i, lv in enumerate(levels):
        later_rel = _relevance(levels[i + 1:]) if i + 1 < len(levels) else None
        # what later levels read: in conditions, and in `say` conditions (those lines must show too)
        later = later_rel.variables | later_rel.cosmetic if later_rel is not None else frozenset()
        rel = _relevance([lv])
        local = rel.variables
        read_only_cosmetic = rel.cosmetic - rel.writes
        trackable = _meters_trackable(lv)
        groups: dict[str, list[tuple[dict[str, Any], list[Action]]]] = {}
        for st, tr in entries.values():
            gkey = json.dumps(
                [{k: v for k, v in st["variables"].items() if k in local},
                 {} if trackable else st["meters"], sorted(st["inventory"])],
                sort_keys=True,
            )
            groups.setdefault(gkey, []).append((st, tr))
        nxt: dict[str, tuple[dict[str, Any], list[Action]]] = {}
        finished = True
        for members in groups.values():
            rep_state, rep_trace = members[0]
            looks: dict[str, dict[str, Any]] = {}
            for st, _ in members:
                look = {k: v for k, v in st["variables"].items() if k in read_only_cosmetic}
                looks.setdefault(json.dumps(look, sort_keys=True), look)
            explorer = Explorer(
                lv, options=opts, obs=obs, start=rep_state, prefix=[*rep_trace, f"# level {lv.id}"],
                meters=[tuple(st["meters"][m] for m in METERS) for st, _ in members],
                key_vars=later, cosmetic=list(looks.values()),
                collect_exits=lv.next is not None, deadline=deadline,
            )
            finished = explorer.run()
            for x in explorer.exits.values():
                tail = x.trace[len(rep_trace):]
                for st, tr in members:
                    new = _compose(st, x, rel.writes)
                    if new is None:
                        continue
                    k = json.dumps(
                        [{n: v for n, v in new["variables"].items() if n in later},
                         new["meters"], sorted(new["inventory"])],
                        sort_keys=True,
                    )
                    if k not in nxt:
                        nxt[k] = (new, tr + tail)
            if not finished:
                break
        obs.notes.append(
            f"{lv.id}: {len(entries)} entry state(s), searched {len(groups)} time(s)"
            + (" (meters as tables)" if trackable else "")
            + (f", {len(nxt)} distinct exit state(s)" if lv.next is not None else "")
        )
        if not finished or lv.next is None:
            break
        entries = nxt
    return _build_report(name, levels, obs, True, opts.clock() - t0)


def campaign_chain(levels: Sequence[Level]) -> list[Level]:
    """The levels played in one game: from the first, following ``next``."""
    by_id = {lv.id: lv for lv in levels}
    chain: list[Level] = []
    current: Level | None = levels[0] if levels else None
    while current is not None and current not in chain:
        chain.append(current)
        current = by_id.get(current.next) if current.next else None
    return chain


__all__ = [
    "ExploreOptions",
    "ExploreReport",
    "Explorer",
    "Problem",
    "Progress",
    "campaign_chain",
    "explore_campaign",
    "explore_level",
]
