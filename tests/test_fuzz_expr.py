"""Fuzz the expression language: any text parses or raises ExprError with a column; well-typed
expressions round-trip through to_source, type-check clean and evaluate raising at most EvalError.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lm_game.model.expr import (
    MAX_NESTING,
    MAX_NUMBER_DIGITS,
    MAX_TOKENS,
    EvalError,
    ExprError,
    TypeProblem,
    apply_effect,
    evaluate,
    infer_type,
    parse_condition,
    parse_effect,
    to_source,
)
from lm_game.runtime.state import GameState
from tests.test_fuzz_support import EXPR_ALPHABET, canonical, effects, expressions, fuzz_settings

VARS = {"flag": "bool", "count": "int", "mood": "str", "other": "int"}
NODES = ("start", "gate")
ITEMS = ("ticket", "key")


def _state() -> GameState:
    state = GameState.new(7, "fuzz")
    for name, kind in VARS.items():
        state.declare(name, {"bool": False, "int": 3, "str": "calm"}[kind])
    return state


def _parse_any(text: str) -> None:
    for parse in (parse_condition, parse_effect):
        try:
            parse(text)
        except ExprError as exc:
            assert 1 <= exc.col <= len(text) + 1, (text, exc.col)
            assert exc.message


@fuzz_settings(300)
@given(st.text(alphabet=EXPR_ALPHABET, max_size=60))
def test_fuzz_expr_token_soup_raises_only_expr_error(text: str) -> None:
    _parse_any(text)


@fuzz_settings(200)
@given(st.text(max_size=40))
def test_fuzz_expr_any_unicode_raises_only_expr_error(text: str) -> None:
    _parse_any(text)


@fuzz_settings(200)
@given(st.data())
def test_fuzz_expr_mutated_valid_expression_raises_only_expr_error(data: st.DataObject) -> None:
    text = data.draw(expressions("bool", VARS, NODES, ITEMS))
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(text)))
        chunk = data.draw(st.text(alphabet=EXPR_ALPHABET, max_size=3))
        text = text[:i] + chunk + text[i + data.draw(st.integers(0, 3)):]
    _parse_any(text)


@fuzz_settings(300)
@given(st.data())
def test_fuzz_expr_well_typed_round_trips_checks_and_evaluates(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(["bool", "int", "str"]))
    text = data.draw(expressions(kind, VARS, NODES, ITEMS))
    ast = parse_condition(text)
    assert canonical(to_source(ast)) == to_source(ast)
    problems: list[TypeProblem] = []
    assert infer_type(ast, {**VARS, "spotlight": "int", "peace": "int"}, problems) == kind
    assert problems == []
    try:
        value = evaluate(ast, _state())
    except EvalError:
        return  # division or modulo by zero: the runner reports it and treats the step as false
    assert {"bool": bool, "int": int, "str": str}[kind] is type(value)


@fuzz_settings(200)
@given(st.data())
def test_fuzz_expr_effects_apply_or_raise_eval_error(data: st.DataObject) -> None:
    state = _state()
    for _ in range(data.draw(st.integers(1, 5))):
        effect = parse_effect(data.draw(effects(VARS, NODES, ITEMS)))
        assert parse_effect(to_source(effect)) == parse_effect(to_source(effect))
        try:
            apply_effect(effect, state)
        except EvalError:
            continue
    GameState.from_dict(state.to_dict())  # whatever the effects did, the state still saves


@pytest.mark.parametrize(
    "text",
    [
        "1" * (MAX_NUMBER_DIGITS + 1),
        "1" * 5000,
        "(" * (MAX_NESTING + 1) + "1" + ")" * (MAX_NESTING + 1),
        "(" * 3000 + "1" + ")" * 3000,
        "not " * 3000 + "true",
        "-" * 3000 + "1",
        "1 + " * MAX_TOKENS + "1",
        "min(" * 200 + "1, 2" + ")" * 200,
        "\u00b2",  # a digit to str.isdigit(), not to int()
        "peace > \u0663",
    ],
)
def test_fuzz_expr_hostile_sizes_raise_expr_error_not_python_errors(text: str) -> None:
    """Found by fuzzing: huge or non-ASCII number literals raised ValueError, deep nesting RecursionError."""
    with pytest.raises(ExprError):
        parse_condition(text)
    with pytest.raises(ExprError):
        parse_effect("count = " + text)


def test_fuzz_expr_limits_leave_room_for_real_expressions() -> None:
    text = "(" * (MAX_NESTING - 1) + "peace" + ")" * (MAX_NESTING - 1) + " >= " + "9" * MAX_NUMBER_DIGITS
    assert evaluate(parse_condition(text), _state()) is False
