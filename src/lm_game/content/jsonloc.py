"""A small JSON parser that keeps the line and column of every value and key.

stdlib ``json`` only reports positions for syntax errors; the loader needs them for every
value. Syntax errors raise :class:`JsonSyntaxError` (with a level error code); duplicate keys
are collected in ``Document.duplicates`` and the first occurrence wins.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Union

MAX_DEPTH = 64
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WS = " \t\n\r"

Scalar = Union[None, bool, int, float, str]  # noqa: UP007


@dataclass
class JValue:
    """A parsed JSON value: kind is object, array, string, number, bool or null."""

    kind: str
    line: int
    col: int
    value: Scalar = None
    items: list[JValue] = field(default_factory=list)
    members: list[JMember] = field(default_factory=list)

    def get(self, key: str) -> JValue | None:
        """The member value for key (objects only), else None."""
        for m in self.members:
            if m.key == key:
                return m.value
        return None

    def member(self, key: str) -> JMember | None:
        """The member for key (objects only), else None."""
        for m in self.members:
            if m.key == key:
                return m
        return None

    def to_python(self) -> object:
        """Plain Python value (dict/list/scalars)."""
        if self.kind == "object":
            return {m.key: m.value.to_python() for m in self.members}
        if self.kind == "array":
            return [v.to_python() for v in self.items]
        return self.value


@dataclass
class JMember:
    """One key of an object, with the key's own position."""

    key: str
    line: int
    col: int
    value: JValue


@dataclass
class Duplicate:
    """A key repeated in one object (the later occurrence)."""

    key: str
    line: int
    col: int
    first_line: int
    first_col: int


class JsonSyntaxError(Exception):
    """A JSON syntax error with a level error code (E004..E010) and 1-based position."""

    def __init__(self, code: str, message: str, line: int, col: int, hint: str = "") -> None:
        super().__init__(f"{line}:{col}: {message}")
        self.code = code
        self.message = message
        self.line = line
        self.col = col
        self.hint = hint


@dataclass
class Document:
    """A parsed file: the root value and any duplicate keys found."""

    root: JValue
    duplicates: list[Duplicate]


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.duplicates: list[Duplicate] = []
        self.open: list[tuple[str, int]] = []  # bracket, offset

    def pos(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def fail(self, code: str, message: str, offset: int, hint: str = "") -> JsonSyntaxError:
        line, col = self.pos(min(offset, self.n))
        return JsonSyntaxError(code, message, line, col, hint)

    def eof(self, offset: int, what: str) -> JsonSyntaxError:
        hint = ""
        if self.open:
            bracket, at = self.open[-1]
            line, col = self.pos(at)
            closer = "}" if bracket == "{" else "]"
            hint = f"the '{bracket}' at line {line} col {col} is never closed with '{closer}'"
        return self.fail("E006", f"file ends early: expected {what}", offset, hint)

    def skip_ws(self, i: int) -> int:
        text, n = self.text, self.n
        while i < n:
            c = text[i]
            if c in _WS:
                i += 1
            elif c == "/" and i + 1 < n and text[i + 1] in "/*":
                raise self.fail("E004", "comments are not allowed in JSON", i, 'use a "_comment" key instead')
            else:
                break
        return i

    def parse(self) -> JValue:
        i = self.skip_ws(0)
        if i >= self.n:
            raise self.fail("E005", "the file is empty", 0, "a level is a JSON object: { ... }")
        value, i = self.value(i, 0)
        i = self.skip_ws(i)
        if i < self.n:
            raise self.fail(
                "E004",
                f"unexpected {self.text[i]!r} after the end of the top-level value",
                i,
                "the file must hold exactly one JSON object",
            )
        return value

    def value(self, i: int, depth: int) -> tuple[JValue, int]:
        i = self.skip_ws(i)
        if i >= self.n:
            raise self.eof(i, "a value")
        c = self.text[i]
        line, col = self.pos(i)
        if c == "{":
            return self.obj(i, depth + 1)
        if c == "[":
            return self.arr(i, depth + 1)
        if c == '"':
            s, end = self.string(i)
            return JValue("string", line, col, s), end
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, i):
                return JValue("bool" if val is not None else "null", line, col, val), i + len(word)
        m = _NUMBER.match(self.text, i)
        if m and m.end() > i and not (m.group(0) == "-"):
            raw = m.group(0)
            if len(raw) > 40:
                raise self.fail("E004", "number has too many digits", i)
            num: int | float
            if m.group(1) or m.group(2):
                num = float(raw)
                if num in (float("inf"), float("-inf")):
                    raise self.fail("E004", "number is too large", i)
            else:
                num = int(raw)
            return JValue("number", line, col, num), m.end()
        raise self.unexpected(i, "a value")

    def unexpected(self, i: int, what: str) -> JsonSyntaxError:
        c = self.text[i]
        hint = ""
        if c == "'":
            hint = "JSON strings use double quotes"
        elif self.text.startswith(("NaN", "Infinity", "-Infinity"), i):
            hint = "JSON has no NaN or Infinity"
        elif self.text.startswith(("True", "False", "None"), i):
            hint = "JSON literals are lowercase: true, false, null"
        elif c.isalpha() or c == "_":
            hint = "strings and keys need double quotes"
        return self.fail("E004", f"expected {what}, found {c!r}", i, hint)

    def string(self, i: int) -> tuple[str, int]:
        try:
            s, end = json.decoder.scanstring(self.text, i + 1, True)  # type: ignore[attr-defined]
        except json.JSONDecodeError as exc:
            if exc.msg.startswith("Unterminated string"):
                nl = self.text.find("\n", i)
                if nl == -1:
                    raise self.eof(self.n, "'\"' to close the string") from None
                raise self.fail("E004", "string is not closed on its line", i, "add the closing '\"'") from None
            msg = exc.msg
            hint = ""
            if msg.startswith("Invalid control character"):
                hint = "write a line break as \\n inside strings"
            raise self.fail("E004", msg[0].lower() + msg[1:], exc.pos, hint) from None
        return s, end

    def obj(self, start: int, depth: int) -> tuple[JValue, int]:
        if depth > MAX_DEPTH:
            raise self.fail("E010", f"nesting deeper than {MAX_DEPTH} levels", start)
        line, col = self.pos(start)
        out = JValue("object", line, col)
        seen: dict[str, JMember] = {}
        self.open.append(("{", start))
        i = self.skip_ws(start + 1)
        if i < self.n and self.text[i] == "}":
            self.open.pop()
            return out, i + 1
        while True:
            i = self.skip_ws(i)
            if i >= self.n:
                raise self.eof(i, "a key in double quotes")
            if self.text[i] != '"':
                if self.text[i] == "}":
                    raise self.trailing_comma(i)
                raise self.unexpected(i, "a key in double quotes")
            kline, kcol = self.pos(i)
            key, i = self.string(i)
            i = self.skip_ws(i)
            if i >= self.n:
                raise self.eof(i, "':'")
            if self.text[i] != ":":
                raise self.fail("E004", f"expected ':' after the key, found {self.text[i]!r}", i)
            value, i = self.value(i + 1, depth)
            member = JMember(key, kline, kcol, value)
            if key in seen:
                first = seen[key]
                self.duplicates.append(Duplicate(key, kline, kcol, first.line, first.col))
            else:
                seen[key] = member
                out.members.append(member)
            i = self.skip_ws(i)
            if i >= self.n:
                raise self.eof(i, "',' or '}'")
            c = self.text[i]
            if c == ",":
                i += 1
                continue
            if c == "}":
                self.open.pop()
                return out, i + 1
            hint = "a ',' is probably missing before this" if c == '"' else ""
            raise self.fail("E004", f"expected ',' or '}}', found {c!r}", i, hint)

    def arr(self, start: int, depth: int) -> tuple[JValue, int]:
        if depth > MAX_DEPTH:
            raise self.fail("E010", f"nesting deeper than {MAX_DEPTH} levels", start)
        line, col = self.pos(start)
        out = JValue("array", line, col)
        self.open.append(("[", start))
        i = self.skip_ws(start + 1)
        if i < self.n and self.text[i] == "]":
            self.open.pop()
            return out, i + 1
        while True:
            i = self.skip_ws(i)
            if i < self.n and self.text[i] == "]":
                raise self.trailing_comma(i)
            value, i = self.value(i, depth)
            out.items.append(value)
            i = self.skip_ws(i)
            if i >= self.n:
                raise self.eof(i, "',' or ']'")
            c = self.text[i]
            if c == ",":
                i += 1
                continue
            if c == "]":
                self.open.pop()
                return out, i + 1
            hint = "a ',' is probably missing before this" if c in '"{[' else ""
            raise self.fail("E004", f"expected ',' or ']', found {c!r}", i, hint)

    def trailing_comma(self, close: int) -> JsonSyntaxError:
        comma = self.text.rfind(",", 0, close)
        return self.fail("E007", "trailing comma before '" + self.text[close] + "'", comma, "remove this ','")


def parse_json(text: str) -> Document:
    """Parse JSON text keeping positions; raises JsonSyntaxError on the first syntax error."""
    p = _Parser(text)
    root = p.parse()
    return Document(root, p.duplicates)
