"""Shared hypothesis strategies and the example budget for the fuzz tests (tests/test_fuzz_*.py).

CI runs a few hundred examples per target; the long run sets ``LM_FUZZ_EXAMPLES=10000`` (or uses
``--hypothesis-profile=long``) and every fuzz test built with :func:`fuzz_settings` takes that many.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from lm_game.model.expr import Literal, to_source

ROOT = Path(__file__).resolve().parent.parent
LONG_EXAMPLES = 10_000
settings.register_profile("long", max_examples=LONG_EXAMPLES, deadline=None)


def example_budget(ci: int) -> int:
    """Examples per target: LM_FUZZ_EXAMPLES, else 10,000 under the 'long' profile, else `ci`."""
    env = os.environ.get("LM_FUZZ_EXAMPLES", "").strip()
    if env:
        return max(1, int(env))
    if settings.default.max_examples >= LONG_EXAMPLES:
        return settings.default.max_examples
    return ci


def fuzz_settings(ci: int = 200) -> settings:
    """Settings for one fuzz target (no deadline: the first examples pay for imports)."""
    return settings(
        max_examples=example_budget(ci),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


def test_fuzz_support_budget_reads_the_environment(monkeypatch: Any) -> None:
    monkeypatch.setenv("LM_FUZZ_EXAMPLES", "1234")
    assert example_budget(50) == 1234
    monkeypatch.delenv("LM_FUZZ_EXAMPLES")
    assert example_budget(50) in (50, settings.default.max_examples)


# --------------------------------------------------------------------------- JSON values

ids = st.from_regex(r"[a-z][a-z0-9_]{0,9}", fullmatch=True)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["", "neutral", "../x.png", "/etc/passwd", "peace += 1", "not (", "\u0000", "dialogue"]),
)
json_values = st.recursive(
    json_scalars,
    lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=8), kids, max_size=4)),
    max_leaves=16,
)


# --------------------------------------------------------------------------- expressions
# Well-typed expressions over a declared set of names: (source text, static type).

EXPR_ALPHABET = "abcdefghijklmnopqrstuvwxyz_0123456789 ()+-*/%<>=!,\"'\\andortefsvihx\t\n&|.#"


@st.composite
def expressions(
    draw: st.DrawFn,
    kind: str,
    variables: dict[str, str],
    nodes: tuple[str, ...] = ("start",),
    items: tuple[str, ...] = ("ticket",),
    depth: int = 3,
) -> str:
    """A well-typed expression of `kind` ("bool", "int", "str") as source text."""
    names = [n for n, t in variables.items() if t == kind]
    leaf = depth <= 0 or draw(st.integers(0, 3)) == 0
    if kind == "int":
        if leaf:
            options = [str(draw(st.integers(0, 10**6)))]
            options += names + ["spotlight", "peace"]
            options.append(f'visits("{draw(st.sampled_from(nodes))}")')
            return draw(st.sampled_from(options))
        form = draw(st.sampled_from(["bin", "neg", "call", "paren"]))
        a = draw(expressions("int", variables, nodes, items, depth - 1))
        if form == "neg":
            return f"-{a}" if not a.startswith("-") else f"-({a})"
        if form == "paren":
            return f"({a})"
        b = draw(expressions("int", variables, nodes, items, depth - 1))
        if form == "call":
            return f"{draw(st.sampled_from(['min', 'max', 'random']))}({a}, {b})"
        return f"({a} {draw(st.sampled_from(['+', '-', '*', '/', '%']))} {b})"
    if kind == "str":
        if leaf:
            text = draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=8))
            return draw(st.sampled_from([to_source(Literal(text, 1)), *names]))
        a = draw(expressions("str", variables, nodes, items, depth - 1))
        b = draw(expressions("str", variables, nodes, items, depth - 1))
        return f"({a} + {b})"
    # bool
    if leaf:
        options = ["true", "false", *names]
        options.append(f'seen("{draw(st.sampled_from(nodes))}")')
        options.append(f'has("{draw(st.sampled_from(items))}")')
        return draw(st.sampled_from(options))
    form = draw(st.sampled_from(["not", "and", "or", "cmp", "streq"]))
    if form == "not":
        return f"not ({draw(expressions('bool', variables, nodes, items, depth - 1))})"
    if form in ("and", "or"):
        a = draw(expressions("bool", variables, nodes, items, depth - 1))
        b = draw(expressions("bool", variables, nodes, items, depth - 1))
        return f"({a} {form} {b})"
    if form == "streq":
        a = draw(expressions("str", variables, nodes, items, depth - 1))
        b = draw(expressions("str", variables, nodes, items, depth - 1))
        return f"({a} {draw(st.sampled_from(['==', '!=', '<', '>=']))} {b})"
    a = draw(expressions("int", variables, nodes, items, depth - 1))
    b = draw(expressions("int", variables, nodes, items, depth - 1))
    return f"({a} {draw(st.sampled_from(['==', '!=', '<', '<=', '>', '>=']))} {b})"


@st.composite
def effects(
    draw: st.DrawFn, variables: dict[str, str], nodes: tuple[str, ...], items: tuple[str, ...]
) -> str:
    """A well-typed effect statement."""
    targets = [*variables.items(), ("spotlight", "int"), ("peace", "int")]
    form = draw(st.sampled_from(["assign", "add", "item"]))
    if form == "item":
        return f'{draw(st.sampled_from(["give", "take"]))}("{draw(st.sampled_from(items))}")'
    name, kind = draw(st.sampled_from(targets))
    value = draw(expressions(kind, variables, nodes, items, 2))
    if form == "add" and kind == "int":
        return f"{name} {draw(st.sampled_from(['+=', '-=']))} {value}"
    if form == "add" and kind == "str":
        return f"{name} += {value}"
    return f"{name} = {value}"


def canonical(text: str) -> str:
    """An expression's canonical source (fully parenthesised), for round-trip checks."""
    from lm_game.model.expr import parse_condition

    return to_source(parse_condition(text))


# --------------------------------------------------------------------------- levels


def _default(kind: str, draw: st.DrawFn) -> Any:
    if kind == "bool":
        return draw(st.booleans())
    if kind == "int":
        return draw(st.integers(-100, 100))
    return draw(st.text(max_size=6))


@st.composite
def valid_levels(draw: st.DrawFn, level_id: str = "fuzz") -> dict[str, Any]:
    """A level document that loads and lints without errors: dialogue scenes, typed variables,
    characters, items, endings and nodes using every step kind, all references resolvable.
    """
    var_names = draw(st.lists(ids.filter(lambda s: s not in ("spotlight", "peace", "and", "or", "not", "true",
                                                              "false", "seen", "visits", "has", "min", "max",
                                                              "random", "give", "take")),
                              max_size=5, unique=True))
    variables = {n: draw(st.sampled_from(["bool", "int", "str"])) for n in var_names}
    item_ids = tuple(draw(st.lists(ids, min_size=1, max_size=3, unique=True)))
    n_scenes = draw(st.integers(1, 3))
    scene_ids = tuple(f"scene_{i}" for i in range(n_scenes))
    n_nodes = draw(st.integers(n_scenes, n_scenes + 5))
    node_ids = tuple(f"node_{i}" for i in range(n_nodes))
    ending_ids = tuple(draw(st.lists(ids, min_size=1, max_size=2, unique=True)))
    chars = {
        "star": {"name": "The Star", "portrait": None, "emotions": ["neutral", "tired"], "color": "#f3e9d2"},
        "fan": {"name": draw(st.text(min_size=1, max_size=10)), "portrait": None, "emotions": ["neutral"]},
    }

    def cond() -> str:
        return draw(expressions("bool", variables, node_ids, item_ids, 2))

    def maybe_if(step: dict[str, Any]) -> dict[str, Any]:
        if draw(st.integers(0, 3)) == 0:
            step["if"] = cond()
        return step

    def way_out() -> dict[str, Any]:
        kind = draw(st.sampled_from(["goto", "scene", "end_level", "ending", "choice"]))
        if kind == "goto":
            return {"goto": draw(st.sampled_from(node_ids))}
        if kind == "scene":
            return {"scene": draw(st.sampled_from(scene_ids))}
        if kind == "end_level":
            return {"end_level": True}
        if kind == "ending":
            return {"ending": draw(st.sampled_from(ending_ids))}
        options = [{"text": draw(st.text(min_size=1, max_size=12)), "goto": draw(st.sampled_from(node_ids))}]
        for _ in range(draw(st.integers(0, 2))):
            opt: dict[str, Any] = {"text": draw(st.text(min_size=1, max_size=12)),
                                   "goto": draw(st.sampled_from(node_ids))}
            if draw(st.booleans()):
                opt["if"] = cond()
                opt["show_disabled"] = draw(st.booleans())
            if draw(st.booleans()):
                opt["do"] = [draw(effects(variables, node_ids, item_ids))]
            options.append(opt)
        step: dict[str, Any] = {"choice": options}
        if draw(st.booleans()):
            step["timer"] = draw(st.integers(1, 9))
            options[0]["default"] = True
        return step

    def body_step() -> dict[str, Any]:
        kind = draw(st.sampled_from(["say", "say", "do", "command", "choice_continue"]))
        if kind == "say":
            step: dict[str, Any] = {"say": draw(st.text(min_size=1, max_size=40))}
            speaker = draw(st.sampled_from([None, "star", "fan"]))
            if speaker:
                step["speaker"] = speaker
                step["emotion"] = draw(st.sampled_from(chars[speaker]["emotions"]))
            return maybe_if(step)
        if kind == "do":
            return maybe_if({"do": draw(st.lists(effects(variables, node_ids, item_ids), min_size=1, max_size=3))})
        if kind == "command":
            cmd = draw(st.sampled_from(["shake", "flash", "wait", "give"]))
            args: dict[str, Any] = {
                "shake": {"strength": draw(st.integers(1, 8)), "duration": 0.3},
                "flash": {"count": draw(st.integers(1, 3)), "duration": 0.2},
                "wait": {"seconds": draw(st.sampled_from([0.1, 0.5, 1]))},
                "give": {"item": draw(st.sampled_from(item_ids))},
            }[cmd]
            return maybe_if({"command": cmd, "args": args})
        # a choice whose options fall through (no goto) continues the node
        return maybe_if({"choice": [{"text": draw(st.text(min_size=1, max_size=12))},
                                    {"text": "other", "do": draw(effects(variables, node_ids, item_ids))}]})

    nodes = {nid: [body_step() for _ in range(draw(st.integers(0, 4)))] + [way_out()] for nid in node_ids}
    scenes = [
        {"id": sid, "type": "dialogue", "title": draw(st.text(max_size=10)), "start": node_ids[i], "background": None}
        for i, sid in enumerate(scene_ids)
    ]
    return {
        "format": 1,
        "id": level_id,
        "title": draw(st.text(min_size=1, max_size=20)),
        "next": None,
        "start": scene_ids[0],
        "variables": {n: {"type": t, "default": _default(t, draw), "doc": "fuzz"} for n, t in variables.items()},
        "characters": chars,
        "items": {i: {"name": i.title(), "icon": None, "description": "x"} for i in item_ids},
        "scenes": scenes,
        "nodes": nodes,
        "endings": {e: {"title": e, "text": "The end.", "background": None} for e in ending_ids},
    }


def json_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (tuple of keys/indexes) inside a JSON value, the root first."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(json_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(json_paths(v, (*prefix, i)))
    return out


def mutate_json(data: st.DataObject, doc: Any, rounds: tuple[int, int] = (1, 3)) -> Any:
    """Structurally mutate a JSON document in place: drop keys, replace values, add unknown keys."""
    for _ in range(data.draw(st.integers(*rounds))):
        paths = json_paths(doc)[1:]
        if not paths:
            return doc
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["drop", "replace", "add", "swap_type"]))
        if action == "drop":
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif isinstance(parent, list) and parent:
                parent.pop(path[-1])
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8))] = data.draw(json_values)
        elif action == "swap_type":
            old = parent[path[-1]]
            parent[path[-1]] = data.draw(st.sampled_from([str(old), [old], {"x": old}, None, 0, True, 1.5, -1]))
        else:
            parent[path[-1]] = data.draw(json_values)
    return doc


def mutate_text(data: st.DataObject, text: str) -> str:
    """Byte-level-ish edits of JSON text: delete, insert, replace, truncate, duplicate a span."""
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "replace", "truncate", "duplicate"]))
        chunk = data.draw(st.text(alphabet='{}[],:"\\ abc019-.etnul\n\u00e9\ufeff', max_size=3))
        if action == "delete":
            text = text[:i] + text[i + data.draw(st.integers(1, 20)):]
        elif action == "insert":
            text = text[:i] + chunk + text[i:]
        elif action == "replace":
            text = text[:i] + chunk + text[i + len(chunk):]
        elif action == "duplicate":
            j = data.draw(st.integers(i, min(len(text), i + 40)))
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text[:i]
    return text


def shipped_level_texts() -> dict[str, str]:
    """The shipped levels (and test fixtures) as text, by file name."""
    files = sorted((ROOT / "levels").glob("*.json")) + sorted((ROOT / "levels" / "examples").glob("*.json"))
    files += sorted((ROOT / "tests" / "levels_good").glob("*.json"))
    return {f"{f.parent.name}/{f.name}": f.read_text(encoding="utf-8") for f in files if f.name != "index.json"}
