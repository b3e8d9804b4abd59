"""Meaning checks on loaded levels: references, reachability, variables, types, assets.

:func:`lint_level` checks one Level; :func:`lint_levels` adds the checks across levels
(index.json, variable types agreeing). Both return LevelError lists (errors and warnings).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lm_game.content.errors import LevelError, Severity
from lm_game.content.loader import did_you_mean
from lm_game.model import expr as ex
from lm_game.model.level import (
    STAR,
    TERMINAL_STEPS,
    Choice,
    Command,
    Condition,
    Do,
    EffectStmt,
    Ending,
    Goto,
    Level,
    Say,
    Scene,
    SceneChange,
    SourceLoc,
    Step,
)
from lm_game.model.walk import scene_cues


@dataclass
class _Lint:
    level: Level
    out: list[LevelError]

    def add(
        self,
        loc: SourceLoc,
        code: str,
        message: str,
        hint: str = "",
        col_offset: int = 0,
        severity: Severity | None = None,
    ) -> None:
        sev: Severity = severity or ("warning" if code.startswith("W") else "error")
        self.out.append(
            LevelError(
                loc.file or self.level.file,
                loc.line,
                loc.col + col_offset,
                loc.path,
                code,
                message,
                hint,
                sev,
            )
        )

    # -------------------------------------------------------------- references
    def ref(
        self,
        kind: str,
        value: str | None,
        table: Iterable[str],
        loc: SourceLoc,
        code: str,
        col_offset: int = 0,
    ) -> None:
        if value is None:
            return
        names = list(table)
        if value not in names:
            hint = did_you_mean(value, names)
            if not hint:
                hint = f"no {kind}s are defined" if not names else f"define it in this level's {kind}s"
                if kind == "node":
                    hint = f'add "{value}": [ ... ] under "nodes"' if not names else hint
            self.add(loc, code, f"unknown {kind} {value!r}", hint, col_offset)

    def node_ref(self, node: str | None, loc: SourceLoc, col_offset: int = 0) -> None:
        self.ref("node", node, self.level.nodes, loc, "E041", col_offset)

    def scene_ref(self, scene: str | None, loc: SourceLoc) -> None:
        self.ref("scene", scene, [s.id for s in self.level.scenes], loc, "E040")

    def char_ref(self, char: str | None, loc: SourceLoc, emotion: str | None = None) -> None:
        if char is None:
            return
        self.ref("character", char, self.level.characters, loc, "E042")
        c = self.level.characters.get(char)
        if c is not None and emotion is not None and emotion not in c.emotions:
            hint = did_you_mean(emotion, c.emotions) or "known: " + ", ".join(c.emotions)
            self.add(loc, "E047", f"character {char!r} has no emotion {emotion!r}", hint)

    def item_ref(self, item: str | None, loc: SourceLoc, col_offset: int = 0) -> None:
        self.ref("item", item, self.level.items, loc, "E043", col_offset)


def _scene_node_refs(scene: Scene) -> Iterator[tuple[str, SourceLoc]]:
    """Node ids a scene may run, with where they are named."""
    if scene.start:
        yield scene.start, scene.loc
    if scene.explore:
        for h in scene.explore.hotspots:
            if h.node:
                yield h.node, h.loc
            if h.use:
                yield h.use.node, h.use.loc
    for spec in (scene.dodge, scene.rhythm, scene.finale):
        if spec is not None:
            for attr in ("on_win", "on_lose"):
                node = getattr(spec, attr, None)
                if node:
                    yield node, spec.loc
    if scene.cutscene and scene.cutscene.then:
        yield scene.cutscene.then, scene.cutscene.loc


def _scene_exits(scene: Scene) -> Iterator[tuple[str, SourceLoc]]:
    if scene.explore:
        for h in scene.explore.hotspots:
            if h.exit:
                yield h.exit, h.loc


def _step_conditions(step: Step) -> Iterator[Condition]:
    if step.cond is not None:
        yield step.cond
    if isinstance(step, Choice):
        for o in step.options:
            if o.cond is not None:
                yield o.cond


def _step_effects(step: Step) -> Iterator[EffectStmt]:
    if isinstance(step, Do):
        yield from step.effects
    if isinstance(step, Choice):
        for o in step.options:
            yield from o.effects


def _all_conditions(level: Level) -> Iterator[Condition]:
    for scene in level.scenes:
        if scene.explore:
            for h in scene.explore.hotspots:
                if h.cond is not None:
                    yield h.cond
    for node in level.nodes.values():
        for step in node.steps:
            yield from _step_conditions(step)


def _all_effects(level: Level) -> Iterator[EffectStmt]:
    for node in level.nodes.values():
        for step in node.steps:
            yield from _step_effects(step)


def _is_way_out(step: Step) -> bool:
    """True when control can never run past this step."""
    if isinstance(step, TERMINAL_STEPS):
        return step.cond is None
    if isinstance(step, Choice):
        return step.cond is None and all(o.goto is not None for o in step.options)
    return False


def lint_level(
    level: Level,
    *,
    assets_root: Path | None = None,
    levels_root: Path | None = None,
    check_assets: bool = True,
) -> list[LevelError]:
    """Every reference, reachability, variable, type and asset problem in one level."""
    lt = _Lint(level, [])
    scene_ids = [s.id for s in level.scenes]
    lt.scene_ref(level.start, level.loc)

    # duplicate ids
    seen_scenes: dict[str, SourceLoc] = {}
    for s in level.scenes:
        if s.id in seen_scenes:
            first = seen_scenes[s.id]
            lt.add(s.loc, "E046", f"duplicate scene id {s.id!r}", f"first used at line {first.line}")
        else:
            seen_scenes[s.id] = s.loc
        if s.explore:
            seen_h: set[str] = set()
            for h in s.explore.hotspots:
                if h.id in seen_h:
                    lt.add(h.loc, "E046", f"duplicate hotspot id {h.id!r} in scene {s.id!r}")
                seen_h.add(h.id)

    for c in level.characters.values():
        if "neutral" not in c.emotions:
            lt.add(c.loc, "E048", f"character {c.id!r} has no 'neutral' emotion", 'add "neutral" to "emotions"')

    # scene references
    for s in level.scenes:
        for node, loc in _scene_node_refs(s):
            lt.node_ref(node, loc)
        for target, loc in _scene_exits(s):
            lt.scene_ref(target, loc)
        for a in s.actors:
            lt.char_ref(a.character, a.loc, a.emotion)
        if s.explore:
            for h in s.explore.hotspots:
                if h.use:
                    lt.item_ref(h.use.item, h.use.loc)
            p, b = s.explore.player, s.explore.walk_bounds
            if not (b[0] <= p.x <= b[0] + b[2] and b[1] <= p.y <= b[1] + b[3]):
                lt.add(p.loc, "E054", f"player start ({p.x}, {p.y}) is outside walk_bounds {list(b)}")
        if s.rhythm:
            for n in s.rhythm.notes:
                if n.lane >= s.rhythm.lanes:
                    lt.add(
                        n.loc,
                        "E054",
                        f"note lane {n.lane} but the scene has {s.rhythm.lanes} lanes",
                        f"lanes are numbered 0..{s.rhythm.lanes - 1}",
                    )
            w = s.rhythm.windows
            if not w.perfect <= w.good <= w.ok:
                lt.add(w.loc, "E054", "timing windows must grow: perfect <= good <= ok")
        if s.dodge:
            ar = s.dodge.arena
            p2 = s.dodge.player
            if not (ar[0] <= p2.x <= ar[0] + ar[2] and ar[1] <= p2.y <= ar[1] + ar[3]):
                lt.add(p2.loc, "E054", f"player start ({p2.x}, {p2.y}) is outside the arena {list(ar)}")
            if s.dodge.collect_goal > len(s.dodge.collectibles):
                lt.add(
                    s.dodge.loc,
                    "E054",
                    f"collect_goal {s.dodge.collect_goal} but only {len(s.dodge.collectibles)} collectibles",
                )
        for cue in scene_cues(s):
            if cue.do in ("move", "emotion"):
                lt.char_ref(cue.actor, cue.loc, cue.emotion if cue.do == "emotion" else None)
            if cue.do == "say":
                lt.char_ref(cue.speaker, cue.loc)

    # step references
    for level_node in level.nodes.values():
        for step in level_node.steps:
            if isinstance(step, Say):
                if step.speaker is not None:
                    lt.char_ref(step.speaker, step.loc, step.emotion)
                elif step.emotion is not None:
                    lt.char_ref(STAR, step.loc, step.emotion)
            elif isinstance(step, Goto):
                lt.node_ref(step.target, step.loc)
            elif isinstance(step, Choice):
                for o in step.options:
                    lt.node_ref(o.goto, o.loc)
                defaults = sum(1 for o in step.options if o.default)
                if step.timer is not None and defaults != 1:
                    lt.add(
                        step.loc,
                        "E052",
                        f"timed choice has {defaults} default options; it needs exactly one",
                        'mark one option "default": true',
                    )
                elif defaults > 1:
                    lt.add(step.loc, "E052", f"choice has {defaults} default options")
            elif isinstance(step, SceneChange):
                lt.scene_ref(step.scene, step.loc)
            elif isinstance(step, Ending):
                lt.ref("ending", step.ending, level.endings, step.loc, "E044")
            elif isinstance(step, Command):
                args = step.args
                if step.name in ("give", "take"):
                    item = args.get("item")
                    lt.item_ref(item if isinstance(item, str) else None, step.loc)
                elif step.name == "emotion":
                    actor, emo = args.get("actor"), args.get("emotion")
                    lt.char_ref(
                        actor if isinstance(actor, str) else None, step.loc, emo if isinstance(emo, str) else None
                    )

    if levels_root is not None and level.next is not None:
        index = levels_root / "index.json"
        if index.is_file():
            from lm_game.content.loader import check_index

            ids, _ = check_index(index)
            if ids is not None and level.next not in ids:
                lt.add(
                    level.loc,
                    "E045",
                    f'unknown level {level.next!r} in "next"',
                    did_you_mean(level.next, ids) or "levels are listed in levels/index.json",
                )

    _lint_expressions(lt)
    _lint_reachability(lt, scene_ids)
    if check_assets:
        _lint_assets(lt, assets_root)
    return lt.out


def _lint_expressions(lt: _Lint) -> None:
    level = lt.level
    types: dict[str, str] = dict(ex.BUILTIN_VARIABLES)
    for v in level.variables.values():
        types[v.id] = v.type
    reads: dict[str, SourceLoc] = {}
    writes: dict[str, SourceLoc] = {}

    def check_names(ast: ex.Expr | ex.Effect, loc: SourceLoc) -> None:
        for var in ex.variables_read(ast):
            reads.setdefault(var.name, loc)
            if var.name not in types:
                hint = did_you_mean(var.name, types) or 'declare it under "variables"'
                lt.add(loc, "E051", f"undeclared variable {var.name!r}", hint, var.col)
        for call in ex.calls(ast):
            arg = call.args[0] if call.args else None
            if isinstance(arg, ex.Literal) and isinstance(arg.value, str):
                if call.func in ("seen", "visits"):
                    lt.node_ref(arg.value, loc, arg.col)
                elif call.func == "has":
                    lt.item_ref(arg.value, loc, arg.col)

    for cond in _all_conditions(level):
        check_names(cond.ast, cond.loc)
        problems: list[ex.TypeProblem] = []
        t = ex.infer_type(cond.ast, types, problems)
        for p in problems:
            lt.add(cond.loc, "E050", p.message, "", p.col)
        if t not in ("bool", "?"):
            lt.add(
                cond.loc,
                "E050",
                f"condition is {t}, not bool",
                "compare it, e.g. peace > 0" if t == "int" else 'compare it, e.g. mood == "calm"',
                1,
            )

    for eff in _all_effects(level):
        ast = eff.ast
        check_names(ast, eff.loc)
        if isinstance(ast, ex.ItemEffect):
            lt.item_ref(ast.item, eff.loc, ast.col)
            continue
        writes.setdefault(ast.name, eff.loc)
        if ast.name not in types:
            if ast.op == "=":
                hint = did_you_mean(ast.name, types) or 'declare it under "variables"'
                lt.add(eff.loc, "E051", f"undeclared variable {ast.name!r}", hint, ast.col)
            continue
        problems = []
        vt = ex.infer_type(ast.value, types, problems)
        for p in problems:
            lt.add(eff.loc, "E050", p.message, "", p.col)
        target = types[ast.name]
        if ast.op == "=" and vt != "?" and vt != target:
            lt.add(eff.loc, "E050", f"cannot assign {vt} to {target} variable {ast.name!r}", "", ast.col)
        elif (
            ast.op != "="
            and not (target == "int" and vt in ("int", "?"))
            and not (ast.op == "+=" and target == "str" and vt in ("str", "?"))
        ):
            lt.add(
                eff.loc,
                "E050",
                f"'{ast.op}' needs an int variable and value (here {target} {ast.op} {vt})",
                "",
                ast.col,
            )

    for v in level.variables.values():
        r, w = v.id in reads, v.id in writes
        if not r and not w:
            lt.add(
                v.loc,
                "W005",
                f"variable {v.id!r} is declared but never used",
                "remove it, or use it in a condition or effect",
            )
        elif r and not w:
            lt.add(
                reads[v.id],
                "W003",
                f"variable {v.id!r} is read but never set in this level",
                "fine if an earlier level sets it; else it always has its default",
            )
        elif w and not r:
            lt.add(writes[v.id], "W004", f"variable {v.id!r} is set but never read in this level")


def _lint_reachability(lt: _Lint, scene_ids: list[str]) -> None:
    level = lt.level
    scenes = {s.id: s for s in level.scenes}
    seen_scenes: set[str] = set()
    seen_nodes: set[str] = set()
    dialogue_nodes: set[str] = set()
    todo: list[tuple[str, str, bool]] = [("scene", level.start, False)]
    while todo:
        kind, ident, in_dialogue = todo.pop()
        if kind == "scene":
            if ident in seen_scenes or ident not in scenes:
                continue
            seen_scenes.add(ident)
            s = scenes[ident]
            for node, _ in _scene_node_refs(s):
                todo.append(("node", node, s.type == "dialogue" and node == s.start))
            for target, _ in _scene_exits(s):
                todo.append(("scene", target, False))
            continue
        if ident not in level.nodes:
            continue
        if in_dialogue and ident not in dialogue_nodes:
            dialogue_nodes.add(ident)
            seen_nodes.discard(ident)
        if ident in seen_nodes:
            continue
        seen_nodes.add(ident)
        for step in level.nodes[ident].steps:
            if isinstance(step, Goto):
                todo.append(("node", step.target, in_dialogue))
            elif isinstance(step, Choice):
                for o in step.options:
                    if o.goto:
                        todo.append(("node", o.goto, in_dialogue))
            elif isinstance(step, SceneChange):
                todo.append(("scene", step.scene, False))
    for sid in scene_ids:
        if sid not in seen_scenes and sid in scenes:
            lt.add(
                scenes[sid].loc,
                "W001",
                f"scene {sid!r} can never be entered",
                'enter it with {"scene": "' + sid + '"}, a hotspot exit, or remove it',
            )
    for nid, nd in level.nodes.items():
        if nid not in seen_nodes:
            lt.add(
                nd.loc,
                "W002",
                f"node {nid!r} is never run",
                "reach it with goto, a choice, a scene start or a hotspot, or remove it",
            )
    for nid in sorted(dialogue_nodes):
        nd = level.nodes[nid]
        if not nd.steps or not _is_way_out(nd.steps[-1]):
            where = nd.steps[-1].loc if nd.steps else nd.loc
            lt.add(
                where,
                "E049",
                f"node {nid!r} runs in a dialogue scene but can reach its end",
                "end it with an unconditional goto, scene, end_level or ending (or a choice whose options all goto)",
            )


def _lint_assets(lt: _Lint, assets_root: Path | None) -> None:
    root = assets_root
    if root is None:
        try:
            from lm_game.content.locate import assets_dir

            root = assets_dir()
        except (ImportError, OSError):
            return
    if not root.is_dir():
        return
    listing: dict[Path, dict[str, str]] = {}
    reported: set[str] = set()
    for rel, loc in lt.level.assets():
        if rel in reported:
            continue
        path = root / rel
        if path.is_file() and not path.resolve().is_relative_to(root.resolve()):
            reported.add(rel)
            lt.add(
                loc,
                "E026",
                f"asset {rel!r} is a link that leads outside assets/",
                "copy the file into assets/ instead of linking to it (the game refuses to read it)",
                severity="error",
            )
            continue
        if path.is_file() and _exact_case(root, rel, listing):
            continue
        reported.add(rel)
        other = _case_variant(root, rel, listing)
        if other is not None:
            lt.add(
                loc,
                "W007",
                f"asset {rel!r} exists only as {other!r}",
                "rename the file to lowercase (the web build is case-sensitive)",
            )
        else:
            lt.add(loc, "W006", f"asset file assets/{rel} does not exist (yet)", "add the file, or fix the path")


def _names(d: Path, listing: dict[Path, dict[str, str]]) -> dict[str, str]:
    if d not in listing:
        try:
            listing[d] = {p.name.lower(): p.name for p in d.iterdir()}
        except OSError:
            listing[d] = {}
    return listing[d]


def _exact_case(root: Path, rel: str, listing: dict[Path, dict[str, str]]) -> bool:
    d = root
    for part in rel.split("/"):
        if _names(d, listing).get(part.lower()) != part:
            return False
        d = d / part
    return True


def _case_variant(root: Path, rel: str, listing: dict[Path, dict[str, str]]) -> str | None:
    d = root
    parts: list[str] = []
    for part in rel.split("/"):
        real = _names(d, listing).get(part.lower())
        if real is None:
            return None
        parts.append(real)
        d = d / real
    return "/".join(parts)


def lint_levels(levels: list[Level], levels_root: Path | None = None) -> list[LevelError]:
    """Checks across levels: variable types agree; index.json lists existing files (E053/E055/W008)."""
    out: list[LevelError] = []
    declared: dict[str, tuple[str, Level]] = {}
    for level in levels:
        for v in level.variables.values():
            prev = declared.get(v.id)
            if prev is None:
                declared[v.id] = (v.type, level)
            elif prev[0] != v.type:
                out.append(
                    LevelError(
                        level.file,
                        v.loc.line,
                        v.loc.col,
                        v.loc.path,
                        "E053",
                        f"variable {v.id!r} is {v.type} here but {prev[0]} in level {prev[1].id!r}",
                        "variables are shared by all levels; use one type",
                    )
                )
    if levels_root is not None and (levels_root / "index.json").is_file():
        from lm_game.content.loader import check_index, display_path

        index = levels_root / "index.json"
        ids, errs = check_index(index)
        out.extend(errs)
        if ids is not None:
            for i, lid in enumerate(ids):
                if not (levels_root / f"{lid}.json").is_file():
                    out.append(
                        LevelError(
                            display_path(index),
                            1,
                            1,
                            f"$.levels[{i}]",
                            "E055",
                            f"level {lid!r} is listed but levels/{lid}.json is missing",
                        )
                    )
            for f in sorted(levels_root.glob("*.json")):
                if f.name != "index.json" and f.stem not in ids:
                    out.append(
                        LevelError(
                            display_path(f),
                            1,
                            1,
                            "$",
                            "W008",
                            f"level {f.stem!r} is not listed in levels/index.json",
                            'add it to "levels" so it can be played',
                            "warning",
                        )
                    )
    return out


def variable_usage(level: Level) -> tuple[set[str], set[str]]:
    """(variables read, variables written) anywhere in a level."""
    reads: set[str] = set()
    writes: set[str] = set()
    for cond in _all_conditions(level):
        reads.update(v.name for v in ex.variables_read(cond.ast))
    for eff in _all_effects(level):
        reads.update(v.name for v in ex.variables_read(eff.ast))
        if isinstance(eff.ast, ex.Assign):
            writes.add(eff.ast.name)
    return reads, writes


def cross_level_filter(levels: list[Level], problems: list[LevelError]) -> list[LevelError]:
    """Drop W003/W004 when another of these levels sets/reads the variable."""
    usage = {lv.file: variable_usage(lv) for lv in levels}
    out: list[LevelError] = []
    for p in problems:
        if p.code in ("W003", "W004") and p.file in usage:
            name = p.message.split("'")[1]
            idx = 1 if p.code == "W003" else 0  # W003 needs a writer elsewhere, W004 a reader
            if any(name in u[idx] for f, u in usage.items() if f != p.file):
                continue
        out.append(p)
    return out
