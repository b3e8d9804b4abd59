"""The shipped story as content: check is clean, enough dialogue, and choices that matter later.

"A choice whose effect shows up later": a variable set by an option's effect is read by a
condition (a line's, a step's, an option's or a hotspot's ``if``) that can run after that
option, in the same level or a later one. Shown twice: statically (reachability over the
level's nodes and scenes) and in play (over the three ending routes, that very condition
comes out differently depending on what was chosen).
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Iterator
from contextlib import redirect_stdout
from dataclasses import dataclass
from typing import Any

import pytest

from lm_game.cli import main
from lm_game.commands.check import check_paths
from lm_game.content.loader import load_all
from lm_game.content.stats import stats_document
from lm_game.model.expr import BUILTIN_VARIABLES, Assign, variables_read
from lm_game.model.level import Choice, Condition, Goto, Level, Option, SceneChange, Step
from tests.test_game_routes import ENDINGS, load_route, play_runtime


@pytest.fixture(scope="module")
def levels() -> list[Level]:
    return load_all()


# ====================================================================== check + size


def test_game_check_is_clean_without_warnings() -> None:
    files, problems = check_paths([])
    assert len(files) == 5
    assert problems == [], "\n".join(str(p) for p in problems)
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["check", "--strict"]) == 0
    assert out.getvalue().strip().endswith("5 file(s) checked: 0 error(s), 0 warning(s)")


def test_game_at_least_400_lines_of_dialogue(levels: list[Level]) -> None:
    doc = stats_document(levels)
    assert doc["total"]["lines"] >= 400  # type: ignore[index]
    assert all(lv["lines"] >= 50 for lv in doc["levels"])  # type: ignore[attr-defined]


# ====================================================================== choices that matter (static)


@dataclass(frozen=True)
class ChoiceSet:
    """An option of a choice step that assigns a (non-meter) variable."""

    level: str
    node: str
    step: int
    option: Option
    variable: str


def choice_sets(level: Level) -> Iterator[ChoiceSet]:
    for node in level.nodes.values():
        for i, step in enumerate(node.steps):
            if isinstance(step, Choice):
                for option in step.options:
                    for effect in option.effects:
                        if isinstance(effect.ast, Assign) and effect.ast.name not in BUILTIN_VARIABLES:
                            yield ChoiceSet(level.id, node.id, i, option, effect.ast.name)


def step_conditions(step: Step) -> Iterator[Condition]:
    if step.cond is not None:
        yield step.cond
    if isinstance(step, Choice):
        yield from (o.cond for o in step.options if o.cond is not None)


def reads(cond: Condition) -> set[str]:
    return {v.name for v in variables_read(cond.ast)}


def scene_nodes(level: Level, scene_id: str) -> tuple[list[str], list[str], list[Condition]]:
    """(nodes the scene runs, scenes it exits to, hotspot conditions) of a scene."""
    scene = level.scene(scene_id)
    nodes = [scene.start] if scene.start else []
    exits: list[str] = []
    conds: list[Condition] = []
    spec = scene.spec
    for attr in ("on_win", "on_lose", "then"):
        target = getattr(spec, attr, None)
        if target:
            nodes.append(target)
    if scene.explore is not None:
        for h in scene.explore.hotspots:
            nodes += [n for n in (h.node, h.use.node if h.use else None) if n]
            exits += [h.exit] if h.exit else []
            conds += [h.cond] if h.cond else []
    return nodes, exits, conds


def conditions_after(level: Level, start_node: str, start_step: int, option: Option) -> list[Condition]:
    """Every condition that can be evaluated after `option` is taken (steps, options, hotspots)."""
    owners: dict[str, set[str]] = {}  # node -> scenes it can return control to
    for scene in level.scenes:
        for n in scene_nodes(level, scene.id)[0]:
            owners.setdefault(n, set()).add(scene.id)
    queue: deque[tuple[str, str, int, str | None]] = deque()  # (kind, id, first step, scene context)
    contexts: set[str | None] = set(owners.get(start_node, set())) or {None}
    for ctx in contexts:
        if option.goto is not None:
            queue.append(("node", option.goto, 0, ctx))
        else:
            queue.append(("node", start_node, start_step + 1, ctx))
    seen: set[tuple[str, str, int, str | None]] = set()
    out: list[Condition] = []
    while queue:
        item = queue.popleft()
        if item in seen:
            continue
        seen.add(item)
        kind, ident, first, ctx = item
        if kind == "scene":
            nodes, exits, conds = scene_nodes(level, ident)
            out += conds
            queue.extend(("node", n, 0, ident) for n in nodes)
            queue.extend(("scene", s, 0, s) for s in exits)
            continue
        steps = level.node(ident).steps[first:]
        for step in steps:
            out += list(step_conditions(step))
            if isinstance(step, Goto):
                queue.append(("node", step.target, 0, ctx))
            elif isinstance(step, Choice):
                queue.extend(("node", o.goto, 0, ctx) for o in step.options if o.goto)
            elif isinstance(step, SceneChange):
                queue.append(("scene", step.scene, 0, step.scene))
        if ctx is not None:  # running off the end gives control back to the scene
            queue.append(("scene", ctx, 0, ctx))
    return out


def later_reads(levels: list[Level], index: int) -> dict[str, list[tuple[ChoiceSet, Condition]]]:
    """Variable -> (the option setting it, a condition reading it later) for level `index`."""
    level = levels[index]
    later_conds = [
        c for lv in levels[index + 1 :] for node in lv.nodes.values() for st in node.steps for c in step_conditions(st)
    ]
    later_conds += [c for lv in levels[index + 1 :] for sc in lv.scenes for c in scene_nodes(lv, sc.id)[2]]
    found: dict[str, list[tuple[ChoiceSet, Condition]]] = {}
    for cs in choice_sets(level):
        after = conditions_after(level, cs.node, cs.step, cs.option) + later_conds
        for cond in after:
            if cs.variable in reads(cond):
                found.setdefault(cs.variable, []).append((cs, cond))
    return found


def test_game_every_level_has_a_choice_read_later(levels: list[Level]) -> None:
    for i, level in enumerate(levels):
        found = later_reads(levels, i)
        assert found, f"{level.id}: no choice sets a variable that a later condition reads"


# ====================================================================== choices that matter (in play)


def test_game_choices_change_later_conditions_in_play(levels: list[Level], monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the three routes, a condition reading a choice-set variable comes out both ways."""
    outcomes: dict[tuple[str, int, int], set[bool]] = {}
    original = Condition.holds

    def holds(self: Condition, env: Any) -> bool:
        result = original(self, env)
        outcomes.setdefault((self.loc.file, self.loc.line, self.loc.col), set()).add(result)
        return result

    monkeypatch.setattr(Condition, "holds", holds)
    by_id = {lv.id: lv for lv in levels}
    for name in ENDINGS:
        assert play_runtime(load_route(name), by_id).ending == name
    for i, level in enumerate(levels):
        found = later_reads(levels, i)
        both_ways = [
            (var, cond.text, str(cond.loc))
            for var, pairs in found.items()
            for _, cond in pairs
            if outcomes.get((cond.loc.file, cond.loc.line, cond.loc.col)) == {True, False}
        ]
        assert both_ways, f"{level.id}: no choice-set variable made a later condition differ across the routes"
