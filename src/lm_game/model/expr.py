"""The level expression language: tokenizer, recursive-descent parser, evaluator, type checker.

Conditions are boolean expressions (``peace >= 6 and not seen("mirror_one")``); effects are
assignments or item calls (``peace += 1``, ``give("ticket")``). Nothing here uses ``eval``.
Columns in errors and AST nodes are 1-based offsets into the expression text.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

Value = bool | int | str

#: Variables every level may use without declaring them (the two meters).
BUILTIN_VARIABLES: dict[str, str] = {"spotlight": "int", "peace": "int"}
#: Inclusive range the built-in meters are clamped to by the runtime.
METER_RANGE: tuple[int, int] = (0, 10)

#: Functions usable in expressions: name -> (argument types, result type).
#: ``node``/``item`` arguments must be string literals (so lint can check them).
FUNCTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "seen": (("node",), "bool"),
    "visits": (("node",), "int"),
    "has": (("item",), "bool"),
    "min": (("int", "int"), "int"),
    "max": (("int", "int"), "int"),
    "random": (("int", "int"), "int"),
}
#: Functions usable only as effects.
EFFECT_FUNCTIONS: dict[str, tuple[str, ...]] = {"give": ("item",), "take": ("item",)}

KEYWORDS = frozenset({"and", "or", "not", "true", "false"})

#: Limits that keep hostile or mistaken data from exhausting the parser (found by fuzzing):
#: digits in a number literal, tokens in one expression, and nesting of parentheses/calls.
MAX_NUMBER_DIGITS = 18
MAX_TOKENS = 256
MAX_NESTING = 32


class ExprError(Exception):
    """A syntax error in an expression; ``col`` is 1-based within the expression text."""

    def __init__(self, message: str, col: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.col = col
        self.hint = hint

    def __str__(self) -> str:
        return f"col {self.col}: {self.message}"


class EvalError(Exception):
    """An error while evaluating (wrong runtime types, division by zero)."""


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class Token:
    """One lexical token: kind is INT, STR, NAME, OP, or END."""

    kind: str
    text: str
    value: Value | None
    col: int


_OPS = ("+=", "-=", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",", "=")


def tokenize(text: str) -> list[Token]:
    """Split expression text into tokens, ending with an END token."""
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n":
            i += 1
            continue
        col = i + 1
        if "0" <= ch <= "9":  # ASCII only: str.isdigit() also accepts '²', which int() refuses
            j = i
            while j < n and "0" <= text[j] <= "9":
                j += 1
            if j < n and (text[j].isalpha() or text[j] == "_" or text[j] == "."):
                raise ExprError(
                    f"bad number {text[i : j + 1]!r}", col, "numbers are whole integers like 3"
                )
            if j - i > MAX_NUMBER_DIGITS:
                raise ExprError(
                    f"number too long ({j - i} digits)", col, f"use at most {MAX_NUMBER_DIGITS} digits"
                )
            tokens.append(Token("INT", text[i:j], int(text[i:j]), col))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            word = text[i:j]
            if not word.isascii():
                raise ExprError(f"bad name {word!r}", col, "names use a-z, 0-9 and _")
            tokens.append(Token("NAME", word, None, col))
            i = j
        elif ch in "\"'":
            quote = ch
            j = i + 1
            out: list[str] = []
            while True:
                if j >= n:
                    raise ExprError("unterminated string", col, f"close it with {quote}")
                c = text[j]
                if c == quote:
                    j += 1
                    break
                if c == "\\":
                    if j + 1 >= n:
                        raise ExprError("unterminated string", col, f"close it with {quote}")
                    esc = text[j + 1]
                    mapped = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}.get(esc)
                    if mapped is None:
                        raise ExprError(
                            f"unknown escape \\{esc}", j + 1, "use \\n, \\t, \\\\, \\\" or \\'"
                        )
                    out.append(mapped)
                    j += 2
                    continue
                out.append(c)
                j += 1
            tokens.append(Token("STR", text[i:j], "".join(out), col))
            i = j
        else:
            for op in _OPS:
                if text.startswith(op, i):
                    tokens.append(Token("OP", op, None, col))
                    i += len(op)
                    break
            else:
                hint = ""
                if ch == "&":
                    hint = "use 'and'"
                elif ch == "|":
                    hint = "use 'or'"
                elif ch == "!":
                    hint = "use 'not'"
                raise ExprError(f"unexpected character {ch!r}", col, hint)
        if len(tokens) > MAX_TOKENS:
            raise ExprError(
                f"expression too long (over {MAX_TOKENS} tokens)", col, "split it into several steps or variables"
            )
    tokens.append(Token("END", "", None, n + 1))
    return tokens


# --------------------------------------------------------------------------- AST


@dataclass(frozen=True)
class Literal:
    """A constant: int, bool or str."""

    value: Value
    col: int = 0


@dataclass(frozen=True)
class Var:
    """A variable read (declared variable or built-in meter)."""

    name: str
    col: int = 0


@dataclass(frozen=True)
class Unary:
    """``not x`` or ``-x``."""

    op: str
    operand: Expr
    col: int = 0


@dataclass(frozen=True)
class Binary:
    """A binary operation: arithmetic, comparison, ``and``/``or``."""

    op: str
    left: Expr
    right: Expr
    col: int = 0


@dataclass(frozen=True)
class Call:
    """A function call such as ``seen("intro")`` or ``min(a, 3)``."""

    func: str
    args: tuple[Expr, ...]
    col: int = 0


Expr = Literal | Var | Unary | Binary | Call


@dataclass(frozen=True)
class Assign:
    """An effect ``name = expr``, ``name += expr`` or ``name -= expr``."""

    name: str
    op: str
    value: Expr
    col: int = 0


@dataclass(frozen=True)
class ItemEffect:
    """An effect ``give("item")`` or ``take("item")``."""

    func: str
    item: str
    col: int = 0


Effect = Assign | ItemEffect


# --------------------------------------------------------------------------- parser

_COMPARE = frozenset({"==", "!=", "<", "<=", ">", ">="})


class _Parser:
    """Recursive-descent parser over a token list."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.depth = 0

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def next(self) -> Token:
        tok = self.tokens[self.pos]
        if tok.kind != "END":
            self.pos += 1
        return tok

    def at_op(self, *ops: str) -> bool:
        tok = self.peek()
        return tok.kind == "OP" and tok.text in ops

    def at_word(self, word: str) -> bool:
        tok = self.peek()
        return tok.kind == "NAME" and tok.text == word

    def expect_op(self, op: str) -> Token:
        tok = self.peek()
        if tok.kind == "OP" and tok.text == op:
            return self.next()
        raise ExprError(f"expected {op!r}, found {_describe(tok)}", tok.col)

    def expect_end(self) -> None:
        tok = self.peek()
        if tok.kind != "END":
            hint = ""
            if tok.kind == "OP" and tok.text in ("=", "+=", "-="):
                hint = "compare with '==' (assignments belong in effects)"
            elif tok.kind == "NAME" and tok.text in ("&&", "||"):
                hint = "use 'and' / 'or'"
            raise ExprError(f"unexpected {_describe(tok)}", tok.col, hint)

    # expr := or
    def expr(self) -> Expr:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ExprError(
                f"expression nested too deeply (over {MAX_NESTING} levels)", self.peek().col, "simplify it"
            )
        try:
            return self.or_expr()
        finally:
            self.depth -= 1

    def or_expr(self) -> Expr:
        left = self.and_expr()
        while self.at_word("or"):
            tok = self.next()
            left = Binary("or", left, self.and_expr(), tok.col)
        return left

    def and_expr(self) -> Expr:
        left = self.not_expr()
        while self.at_word("and"):
            tok = self.next()
            left = Binary("and", left, self.not_expr(), tok.col)
        return left

    def not_expr(self) -> Expr:
        if self.at_word("not"):
            tok = self.next()
            return Unary("not", self.not_expr(), tok.col)
        return self.comparison()

    def comparison(self) -> Expr:
        left = self.additive()
        if self.at_op(*_COMPARE):
            tok = self.next()
            left = Binary(tok.text, left, self.additive(), tok.col)
            if self.at_op(*_COMPARE):
                bad = self.peek()
                raise ExprError("comparisons cannot be chained", bad.col, "use 'a < b and b < c'")
        return left

    def additive(self) -> Expr:
        left = self.term()
        while self.at_op("+", "-"):
            tok = self.next()
            left = Binary(tok.text, left, self.term(), tok.col)
        return left

    def term(self) -> Expr:
        left = self.unary()
        while self.at_op("*", "/", "%"):
            tok = self.next()
            left = Binary(tok.text, left, self.unary(), tok.col)
        return left

    def unary(self) -> Expr:
        if self.at_op("-"):
            tok = self.next()
            return Unary("-", self.unary(), tok.col)
        return self.primary()

    def primary(self) -> Expr:
        tok = self.next()
        if tok.kind == "INT":
            assert isinstance(tok.value, int)
            return Literal(tok.value, tok.col)
        if tok.kind == "STR":
            assert isinstance(tok.value, str)
            return Literal(tok.value, tok.col)
        if tok.kind == "OP" and tok.text == "(":
            inner = self.expr()
            self.expect_op(")")
            return inner
        if tok.kind == "NAME":
            if tok.text == "true":
                return Literal(True, tok.col)
            if tok.text == "false":
                return Literal(False, tok.col)
            if tok.text in KEYWORDS:
                raise ExprError(f"unexpected '{tok.text}'", tok.col, "a value is missing before it")
            if self.at_op("("):
                return self.call(tok)
            if tok.text in ("True", "False", "TRUE", "FALSE"):
                raise ExprError(f"unknown name '{tok.text}'", tok.col, f"use '{tok.text.lower()}'")
            return Var(tok.text, tok.col)
        if tok.kind == "END":
            raise ExprError("expression ends too early", tok.col, "a value is missing")
        raise ExprError(f"unexpected {_describe(tok)}", tok.col)

    def call(self, name: Token) -> Call:
        self.expect_op("(")
        args: list[Expr] = []
        if not self.at_op(")"):
            args.append(self.expr())
            while self.at_op(","):
                self.next()
                args.append(self.expr())
        self.expect_op(")")
        sig = FUNCTIONS.get(name.text)
        if sig is None:
            if name.text in EFFECT_FUNCTIONS:
                raise ExprError(
                    f"{name.text}() is an effect, not a value",
                    name.col,
                    'use has("item") in conditions',
                )
            raise ExprError(
                f"unknown function '{name.text}'",
                name.col,
                _did_you_mean(name.text, FUNCTIONS) or "functions: " + ", ".join(sorted(FUNCTIONS)),
            )
        _check_call_args(name.text, sig[0], args, name.col)
        return Call(name.text, tuple(args), name.col)


def _check_call_args(func: str, params: tuple[str, ...], args: list[Expr], col: int) -> None:
    """Check arity and that node/item arguments are string literals."""
    if len(args) != len(params):
        raise ExprError(f"{func}() takes {len(params)} argument(s), got {len(args)}", col)
    for param, arg in zip(params, args, strict=False):
        if param in ("node", "item") and not (
            isinstance(arg, Literal) and isinstance(arg.value, str)
        ):
            raise ExprError(
                f"{func}() needs a quoted {param} id", _col(arg), f'write {func}("{param}_id")'
            )


def _describe(tok: Token) -> str:
    if tok.kind == "END":
        return "end of expression"
    return f"'{tok.text}'"


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    names = [str(o) for o in options]
    close = difflib.get_close_matches(word, names, n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def _col(e: Expr) -> int:
    return e.col


def parse_condition(text: str) -> Expr:
    """Parse a condition string to an AST; raises ExprError with a column."""
    if not text.strip():
        raise ExprError(
            "empty condition", 1, "write a condition like peace >= 5, or remove the field"
        )
    p = _Parser(text)
    e = p.expr()
    p.expect_end()
    return e


def parse_expression(text: str) -> Expr:
    """Parse any value expression (same grammar as conditions)."""
    return parse_condition(text)


def parse_effect(text: str) -> Effect:
    """Parse one effect string (``x = e``, ``x += e``, ``x -= e``, ``give("i")``, ``take("i")``)."""
    p = _Parser(text)
    tok = p.next()
    if tok.kind == "END":
        raise ExprError("empty effect", 1, 'write an effect like peace += 1 or give("ticket")')
    if tok.kind != "NAME" or tok.text in KEYWORDS:
        raise ExprError(
            f"an effect starts with a variable name or give/take, found {_describe(tok)}", tok.col
        )
    if p.at_op("("):
        if tok.text not in EFFECT_FUNCTIONS:
            hint = _did_you_mean(tok.text, EFFECT_FUNCTIONS) or "effect functions: give, take"
            raise ExprError(f"'{tok.text}' is not an effect function", tok.col, hint)
        p.next()
        args: list[Expr] = []
        if not p.at_op(")"):
            args.append(p.expr())
            while p.at_op(","):
                p.next()
                args.append(p.expr())
        p.expect_op(")")
        p.expect_end()
        _check_call_args(tok.text, EFFECT_FUNCTIONS[tok.text], args, tok.col)
        first = args[0]
        assert isinstance(first, Literal) and isinstance(first.value, str)
        return ItemEffect(tok.text, first.value, tok.col)
    op_tok = p.peek()
    if not p.at_op("=", "+=", "-="):
        hint = (
            "use '=' to assign"
            if p.at_op("==")
            else "effects look like name = value, name += n, name -= n"
        )
        raise ExprError(f"expected '=', '+=' or '-=', found {_describe(op_tok)}", op_tok.col, hint)
    p.next()
    value = p.expr()
    p.expect_end()
    return Assign(tok.text, op_tok.text, value, tok.col)


# --------------------------------------------------------------------------- evaluation


class Env(Protocol):
    """What the evaluator needs from the game state (the runtime implements this)."""

    def get_var(self, name: str) -> Value:
        """Current value of a variable or meter."""
        ...

    def set_var(self, name: str, value: Value) -> None:
        """Set a variable or meter (the runtime clamps meters)."""
        ...

    def seen(self, node: str) -> bool:
        """Whether the node has been entered at least once."""
        ...

    def visits(self, node: str) -> int:
        """How many times the node has been entered."""
        ...

    def has(self, item: str) -> bool:
        """Whether the player holds the item."""
        ...

    def give(self, item: str) -> None:
        """Add the item to the inventory."""
        ...

    def take(self, item: str) -> None:
        """Remove the item from the inventory."""
        ...

    def random(self, lo: int, hi: int) -> int:
        """A seeded random integer in [lo, hi] inclusive."""
        ...


def _int(v: Value, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise EvalError(f"{what} needs a number, got {v!r}")
    return v


def evaluate(expr: Expr, env: Env) -> Value:
    """Evaluate an expression AST against an environment.

    ``/`` is integer division rounding toward negative infinity; division or modulo by zero
    raises EvalError. ``and``/``or`` short-circuit and return bool.
    """
    if isinstance(expr, Literal):
        return expr.value
    if isinstance(expr, Var):
        return env.get_var(expr.name)
    if isinstance(expr, Unary):
        v = evaluate(expr.operand, env)
        if expr.op == "not":
            return not v
        return -_int(v, "'-'")
    if isinstance(expr, Binary):
        op = expr.op
        if op == "and":
            return bool(evaluate(expr.left, env)) and bool(evaluate(expr.right, env))
        if op == "or":
            return bool(evaluate(expr.left, env)) or bool(evaluate(expr.right, env))
        a = evaluate(expr.left, env)
        b = evaluate(expr.right, env)
        if op == "==":
            return type(a) is type(b) and a == b
        if op == "!=":
            return not (type(a) is type(b) and a == b)
        if op == "+" and isinstance(a, str) and isinstance(b, str):
            return a + b
        if op in ("<", "<=", ">", ">=") and isinstance(a, str) and isinstance(b, str):
            return _compare(op, a, b)
        x, y = _int(a, f"'{op}'"), _int(b, f"'{op}'")
        if op in ("<", "<=", ">", ">="):
            return _compare(op, x, y)
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        if y == 0:
            raise EvalError(f"'{op}' by zero")
        return x // y if op == "/" else x % y
    if isinstance(expr, Call):
        return _call(expr, env)
    raise EvalError(f"not an expression: {expr!r}")


def _compare(op: str, a: int | str, b: int | str) -> bool:
    if op == "<":
        return a < b  # type: ignore[operator]
    if op == "<=":
        return a <= b  # type: ignore[operator]
    if op == ">":
        return a > b  # type: ignore[operator]
    return a >= b  # type: ignore[operator]


def _call(call: Call, env: Env) -> Value:
    f = call.func
    if f in ("seen", "visits", "has"):
        arg = call.args[0]
        assert isinstance(arg, Literal)
        name = str(arg.value)
        if f == "seen":
            return env.seen(name)
        if f == "visits":
            return env.visits(name)
        return env.has(name)
    a = _int(evaluate(call.args[0], env), f"{f}()")
    b = _int(evaluate(call.args[1], env), f"{f}()")
    if f == "min":
        return min(a, b)
    if f == "max":
        return max(a, b)
    if f == "random":
        return env.random(min(a, b), max(a, b))
    raise EvalError(f"unknown function {f}")


def apply_effect(effect: Effect, env: Env) -> None:
    """Run one effect against an environment."""
    if isinstance(effect, ItemEffect):
        if effect.func == "give":
            env.give(effect.item)
        else:
            env.take(effect.item)
        return
    value = evaluate(effect.value, env)
    if effect.op == "=":
        env.set_var(effect.name, value)
        return
    current = env.get_var(effect.name)
    if effect.op == "+=" and isinstance(current, str) and isinstance(value, str):
        env.set_var(effect.name, current + value)
        return
    x, y = _int(current, f"'{effect.op}'"), _int(value, f"'{effect.op}'")
    env.set_var(effect.name, x + y if effect.op == "+=" else x - y)


# --------------------------------------------------------------------------- static checks


@dataclass(frozen=True)
class TypeProblem:
    """A static type problem found by :func:`infer_type`; ``col`` is within the expression."""

    message: str
    col: int


def infer_type(expr: Expr, var_types: dict[str, str], problems: list[TypeProblem]) -> str:
    """Return the static type ("bool", "int", "str" or "?") of expr, appending problems found.

    Unknown variables yield "?" and are not reported here (lint reports them separately).
    """
    if isinstance(expr, Literal):
        return (
            "bool"
            if isinstance(expr.value, bool)
            else "int"
            if isinstance(expr.value, int)
            else "str"
        )
    if isinstance(expr, Var):
        return var_types.get(expr.name, "?")
    if isinstance(expr, Unary):
        t = infer_type(expr.operand, var_types, problems)
        if expr.op == "not":
            if t not in ("bool", "?"):
                problems.append(TypeProblem(f"'not' needs a bool, got {t}", expr.col))
            return "bool"
        if t not in ("int", "?"):
            problems.append(TypeProblem(f"'-' needs an int, got {t}", expr.col))
        return "int"
    if isinstance(expr, Binary):
        lt = infer_type(expr.left, var_types, problems)
        rt = infer_type(expr.right, var_types, problems)
        op = expr.op
        known = "?" not in (lt, rt)
        if op in ("and", "or"):
            for t in (lt, rt):
                if t not in ("bool", "?"):
                    problems.append(TypeProblem(f"'{op}' needs bools, got {t}", expr.col))
            return "bool"
        if op in ("==", "!="):
            if known and lt != rt:
                problems.append(
                    TypeProblem(f"comparing {lt} with {rt} is always {op == '!='}", expr.col)
                )
            return "bool"
        if op in ("<", "<=", ">", ">="):
            if known and (lt != rt or lt == "bool"):
                problems.append(TypeProblem(f"cannot order {lt} and {rt} with '{op}'", expr.col))
            return "bool"
        if op == "+" and (lt == "str" or rt == "str"):
            if known and lt != rt:
                problems.append(TypeProblem(f"cannot add {lt} and {rt}", expr.col))
            return "str"
        for t in (lt, rt):
            if t not in ("int", "?"):
                problems.append(TypeProblem(f"'{op}' needs ints, got {t}", expr.col))
        return "int"
    # Call
    params, result = FUNCTIONS[expr.func]
    for param, arg in zip(params, expr.args, strict=False):
        t = infer_type(arg, var_types, problems)
        if param == "int" and t not in ("int", "?"):
            problems.append(TypeProblem(f"{expr.func}() needs ints, got {t}", _col(arg)))
    return result


def variables_read(node: Expr | Effect) -> list[Var]:
    """All variable reads in an expression or effect (for an ``+=`` effect the target too)."""
    out: list[Var] = []

    def walk(e: Expr) -> None:
        if isinstance(e, Var):
            out.append(e)
        elif isinstance(e, Unary):
            walk(e.operand)
        elif isinstance(e, Binary):
            walk(e.left)
            walk(e.right)
        elif isinstance(e, Call):
            for a in e.args:
                walk(a)

    if isinstance(node, Assign):
        if node.op != "=":
            out.append(Var(node.name, node.col))
        walk(node.value)
    elif not isinstance(node, ItemEffect):
        walk(node)
    return out


def calls(node: Expr | Effect) -> list[Call]:
    """All function calls in an expression or effect."""
    out: list[Call] = []

    def walk(e: Expr) -> None:
        if isinstance(e, Call):
            out.append(e)
            for a in e.args:
                walk(a)
        elif isinstance(e, Unary):
            walk(e.operand)
        elif isinstance(e, Binary):
            walk(e.left)
            walk(e.right)

    if isinstance(node, Assign):
        walk(node.value)
    elif not isinstance(node, ItemEffect):
        walk(node)
    return out


def to_source(node: Expr | Effect) -> str:
    """Render an AST back to expression text (fully parenthesised binaries)."""
    if isinstance(node, Literal):
        v = node.value
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        return (
            '"'
            + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
            + '"'
        )
    if isinstance(node, Var):
        return node.name
    if isinstance(node, Unary):
        return (
            f"(not {to_source(node.operand)})"
            if node.op == "not"
            else f"(-{to_source(node.operand)})"
        )
    if isinstance(node, Binary):
        return f"({to_source(node.left)} {node.op} {to_source(node.right)})"
    if isinstance(node, Call):
        return f"{node.func}({', '.join(to_source(a) for a in node.args)})"
    if isinstance(node, Assign):
        return f"{node.name} {node.op} {to_source(node.value)}"
    return f'{node.func}("{node.item}")'
