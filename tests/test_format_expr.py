"""The expression language: parsing, errors with columns, evaluation, effects, static types."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lm_game.model import expr as ex
from lm_game.model.expr import ExprError, evaluate, parse_condition, parse_effect


@dataclass
class FakeEnv:
    """A dict-backed Env for tests."""

    vars: dict[str, ex.Value] = field(default_factory=lambda: {"peace": 5, "spotlight": 5})
    visited: dict[str, int] = field(default_factory=dict)
    items: set[str] = field(default_factory=set)

    def get_var(self, name: str) -> ex.Value:
        return self.vars[name]

    def set_var(self, name: str, value: ex.Value) -> None:
        self.vars[name] = value

    def seen(self, node: str) -> bool:
        return self.visited.get(node, 0) > 0

    def visits(self, node: str) -> int:
        return self.visited.get(node, 0)

    def has(self, item: str) -> bool:
        return item in self.items

    def give(self, item: str) -> None:
        self.items.add(item)

    def take(self, item: str) -> None:
        self.items.discard(item)

    def random(self, lo: int, hi: int) -> int:
        return lo


def ev(text: str, env: FakeEnv | None = None) -> ex.Value:
    return evaluate(parse_condition(text), env or FakeEnv())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("7 / 2", 3),
        ("-7 / 2", -4),
        ("7 % 3", 1),
        ("-3 + 5", 2),
        ("peace >= 5", True),
        ('peace >= 6 and not seen("mirror_one")', False),
        ("spotlight - peace > 2", False),
        ("true or false and false", True),
        ("not true == false", True),
        ('"a" + "b" == "ab"', True),
        ("min(3, 9) + max(3, 9)", 12),
        ("random(4, 2)", 2),
        ("1 == true", False),
        ("1 != true", True),
        ("'single' == \"single\"", True),
    ],
)
def test_evaluate(text: str, value: ex.Value) -> None:
    assert ev(text) == value


def test_functions_use_env() -> None:
    env = FakeEnv(visited={"booth": 2}, items={"ticket"})
    assert ev('visits("booth") > 1 and has("ticket") and seen("booth")', env) is True
    assert ev('has("mask")', env) is False


def test_effects() -> None:
    env = FakeEnv(vars={"peace": 5, "mood": "calm", "met": False})
    for text in ["peace += 2", "peace -= 1", 'mood = "angry"', "met = not met", 'give("ticket")']:
        ex.apply_effect(parse_effect(text), env)
    assert env.vars == {"peace": 6, "mood": "angry", "met": True}
    assert env.items == {"ticket"}
    ex.apply_effect(parse_effect('take("ticket")'), env)
    assert env.items == set()


def test_division_by_zero_raises_eval_error() -> None:
    with pytest.raises(ex.EvalError):
        ev("1 / (peace - 5)")


@pytest.mark.parametrize(
    ("text", "col", "fragment"),
    [
        ("peace >= ", 10, "ends too early"),
        ("peace && spotlight", 7, "unexpected character"),
        ("peace = 3", 7, "unexpected"),
        ("(peace > 1", 11, "expected ')'"),
        ("seen(intro)", 6, "quoted node"),
        ("seen()", 1, "takes 1 argument"),
        ("frob(1)", 1, "unknown function"),
        ('give("x")', 1, "is an effect"),
        ("1 < 2 < 3", 7, "chained"),
        ('"open', 1, "unterminated"),
        ("3.5 > 1", 1, "bad number"),
        ("True", 1, "unknown name"),
        ("", 1, "empty"),
    ],
)
def test_condition_errors_have_columns(text: str, col: int, fragment: str) -> None:
    with pytest.raises(ExprError) as info:
        parse_condition(text)
    assert info.value.col == col
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("text", "col"),
    [("peace == 3", 7), ("peace +", 7), ("3 = peace", 1), ('gift("x")', 1), ("", 1), ("x = 1 2", 7)],
)
def test_effect_errors_have_columns(text: str, col: int) -> None:
    with pytest.raises(ExprError) as info:
        parse_effect(text)
    assert info.value.col == col


def test_did_you_mean_for_functions() -> None:
    with pytest.raises(ExprError) as info:
        parse_condition('visit("x") > 1')
    assert "visits" in info.value.hint


def test_infer_type() -> None:
    types = {"peace": "int", "mood": "str", "met": "bool"}
    cases = {
        "peace > 1 and met": ("bool", 0),
        'mood == "x"': ("bool", 0),
        "mood > 1": ("bool", 1),
        "met + 1": ("int", 1),
        "peace == met": ("bool", 1),
        "not peace": ("bool", 1),
        "min(mood, 1)": ("int", 1),
        "unknown + 1": ("int", 0),
    }
    for text, (t, n) in cases.items():
        problems: list[ex.TypeProblem] = []
        assert ex.infer_type(parse_condition(text), types, problems) == t, text
        assert len(problems) == n, (text, problems)


def test_variables_read_and_calls() -> None:
    e = parse_effect('peace += spotlight + visits("x")')
    assert [v.name for v in ex.variables_read(e)] == ["peace", "spotlight"]
    assert [c.func for c in ex.calls(e)] == ["visits"]


_names = st.sampled_from(["peace", "spotlight", "mood"])
_atoms = st.one_of(st.integers(-50, 50).map(str), _names, st.sampled_from(["true", "false", '"s"']))


@st.composite
def _exprs(draw: st.DrawFn, depth: int = 3) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(_atoms)
    op = draw(st.sampled_from(["+", "-", "*", "==", "!=", "<", ">=", "and", "or"]))
    return f"({draw(_exprs(depth - 1))} {op} {draw(_exprs(depth - 1))})"


@settings(max_examples=150, deadline=None)
@given(_exprs())
def test_round_trip_through_to_source(text: str) -> None:
    source = ex.to_source(parse_condition(text))
    assert ex.to_source(parse_condition(source)) == source


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abpeace ()=<>!+-*/%\"'0123456789_,&|.\\n")), max_size=30))
def test_parser_only_raises_expr_error(text: str) -> None:
    for parse in (parse_condition, parse_effect):
        try:
            parse(text)
        except ExprError as exc:
            assert 1 <= exc.col <= len(text) + 1
