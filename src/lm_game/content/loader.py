"""Load level files into frozen model objects, collecting every located error first.

Entry points: :func:`load_level` (path -> Level, raises LevelLoadError),
:func:`load_level_text` (text -> Level), :func:`check_file` (never raises: Level or None plus
all errors and warnings), :func:`load_index` and :func:`load_all`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from lm_game.content import shapes as sh
from lm_game.content.errors import LevelError, LevelLoadError, Severity
from lm_game.content.jsonloc import JMember, JsonSyntaxError, JValue, parse_json
from lm_game.model.expr import ExprError, parse_condition, parse_effect
from lm_game.model.level import (
    FORMAT_VERSION,
    Condition,
    EffectStmt,
    JsonValue,
    Level,
    Scene,
    SourceLoc,
)

#: Files larger than this are refused (E002).
MAX_FILE_BYTES = 1_000_000

#: Upgrade steps for older formats: MIGRATIONS[v] turns a format-v tree into format v+1.
#: Empty while format 1 is the only version; a migration edits the located JSON tree in place.
MIGRATIONS: dict[int, Callable[[JValue], None]] = {}

_ID = re.compile(sh.ID_PATTERN)
_ASSET = re.compile(sh.ASSET_PATTERN)
_COLOR = re.compile(sh.COLOR_PATTERN)
_BAD = object()


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """A 'did you mean ...?' hint for a misspelt name, or ''."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if _ID.match(key) or key == "$schema" else f"{path}[{key!r}]"


def _kind_name(jv: JValue) -> str:
    if jv.kind == "number":
        return "an integer" if isinstance(jv.value, int) else "a number"
    return {
        "object": "an object",
        "array": "a list",
        "string": "a string",
        "bool": "true/false",
        "null": "null",
    }[jv.kind]


def suggest_id(text: str) -> str:
    """A valid id close to text (lowercase, '_' for other characters)."""
    s = re.sub(r"[^a-z0-9_]+", "_", text.strip().lower()).strip("_")
    if not s or not s[0].isalpha():
        s = "x_" + s
    return s


def asset_problem(path: str, ext: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """Why an asset path is invalid as (message, hint), or None when it is fine."""
    if not path:
        return "asset path is empty", "e.g. 'backgrounds/front_gate.png'"
    if "\\" in path:
        return f"asset path {path!r} uses '\\'", f"use '/': {path.replace(chr(92), '/')!r}"
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return f"asset path {path!r} is absolute", "paths are relative to assets/"
    if ".." in path:
        return f"asset path {path!r} contains '..'", "asset paths must stay inside assets/"
    if path.startswith("assets/"):
        return (
            f"asset path {path!r} starts with 'assets/'",
            f"paths are relative to assets/: use {path[7:]!r}",
        )
    if path != path.lower() and _ASSET.match(path.lower()):
        return f"asset path {path!r} has capital letters", f"use {path.lower()!r} (and rename the file)"
    if not _ASSET.match(path):
        return (
            f"asset path {path!r} has characters outside [a-z0-9_./-]",
            "rename the file with lowercase letters, digits, '_' and '-'",
        )
    if ext and not path.endswith(ext):
        want = " or ".join(ext)
        return f"asset path {path!r} should end with {want}", ""
    return None


def _freeze(v: object) -> JsonValue:
    if isinstance(v, dict):
        return MappingProxyType({str(k): _freeze(x) for k, x in v.items()})
    if isinstance(v, list):
        return tuple(_freeze(x) for x in v)
    assert v is None or isinstance(v, (bool, int, float, str))
    return v


@dataclass
class _Ctx:
    """Per-file state while validating and building."""

    file: str
    errors: list[LevelError] = field(default_factory=list)

    def err(
        self,
        line: int,
        col: int,
        path: str,
        code: str,
        message: str,
        hint: str = "",
        severity: Severity = "error",
    ) -> None:
        self.errors.append(LevelError(self.file, line, col, path, code, message, hint, severity))

    def at(self, jv: JValue | JMember, path: str, code: str, message: str, hint: str = "") -> None:
        self.err(jv.line, jv.col, path, code, message, hint)

    def loc(self, jv: JValue, path: str) -> SourceLoc:
        return SourceLoc(self.file, jv.line, jv.col, path)


class _Builder:
    """Validates a located JSON tree against shapes and builds model objects."""

    def __init__(self, ctx: _Ctx) -> None:
        self.ctx = ctx

    def conv(self, shape: sh.Shape, jv: JValue, path: str, key: str | None = None) -> object:
        """Validate jv against shape; return the built value or _BAD (errors recorded).

        ``key`` is the map key the value sits under; objects with an ``id`` field get it.
        """
        ctx = self.ctx
        if isinstance(shape, sh.Nullable):
            if jv.kind == "null":
                return None
            return self.conv(shape.inner, jv, path)
        if isinstance(shape, sh.Str):
            return self.string(shape, jv, path)
        if isinstance(shape, sh.Int):
            if jv.kind != "number" or not isinstance(jv.value, int):
                hint = "write a whole number like 3" if jv.kind == "number" else ""
                if jv.kind == "string" and re.fullmatch(r"-?\d+", str(jv.value)):
                    hint = "remove the quotes"
                ctx.at(jv, path, "E022", f"expected an integer, found {_kind_name(jv)}", hint)
                return _BAD
            return self.range(shape.minimum, shape.maximum, False, jv, path, jv.value)
        if isinstance(shape, sh.Num):
            if jv.kind != "number":
                hint = "remove the quotes" if jv.kind == "string" else ""
                ctx.at(jv, path, "E022", f"expected a number, found {_kind_name(jv)}", hint)
                return _BAD
            assert isinstance(jv.value, (int, float))
            v = self.range(shape.minimum, shape.maximum, shape.exclusive_min, jv, path, jv.value)
            return _BAD if v is _BAD else float(jv.value)
        if isinstance(shape, sh.Bool):
            if jv.kind != "bool":
                hint = "write true or false without quotes" if jv.kind == "string" else ""
                ctx.at(jv, path, "E022", f"expected true or false, found {_kind_name(jv)}", hint)
                return _BAD
            if shape.const is not None and jv.value is not shape.const:
                ctx.at(jv, path, "E023", f"must be {str(shape.const).lower()}")
                return _BAD
            return jv.value
        if isinstance(shape, sh.Arr):
            return self.array(shape, jv, path)
        if isinstance(shape, sh.Tup):
            return self.tup(shape, jv, path)
        if isinstance(shape, sh.Map):
            return self.mapping(shape, jv, path)
        if isinstance(shape, sh.Obj):
            return self.obj(shape, jv, path, key)
        if isinstance(shape, sh.Tagged):
            return self.tagged(shape, jv, path, key)
        if isinstance(shape, sh.Keyed):
            return self.keyed(shape, jv, path)
        if isinstance(shape, sh.Effects):
            return self.effects(jv, path)
        if isinstance(shape, sh.AnyJson):
            return _freeze(jv.to_python())
        raise TypeError(f"unknown shape {shape!r}")

    def range(
        self,
        lo: float | None,
        hi: float | None,
        exclusive: bool,
        jv: JValue,
        path: str,
        v: int | float,
    ) -> object:
        if lo is not None and (v < lo or (exclusive and v == lo)):
            rel = "greater than" if exclusive else "at least"
            self.ctx.at(jv, path, "E024", f"{v} is too small: must be {rel} {_num(lo)}")
            return _BAD
        if hi is not None and v > hi:
            self.ctx.at(jv, path, "E024", f"{v} is too large: must be at most {_num(hi)}")
            return _BAD
        return v

    def string(self, shape: sh.Str, jv: JValue, path: str) -> object:
        ctx = self.ctx
        if jv.kind != "string":
            what = {
                "id": "an id string",
                "asset": "an asset path string",
                "cond": "a condition string",
            }.get(shape.kind or "", "a string")
            hint = "put the value in double quotes" if jv.kind == "number" else ""
            if shape.kind == "cond" and jv.kind == "bool":
                hint = 'conditions are strings: "true"'
            ctx.at(jv, path, "E022", f"expected {what}, found {_kind_name(jv)}", hint)
            return _BAD
        s = jv.value
        assert isinstance(s, str)
        if shape.enum is not None:
            if s not in shape.enum:
                hint = did_you_mean(s, shape.enum) or "one of: " + ", ".join(shape.enum)
                ctx.at(jv, path, "E023", f"{s!r} is not allowed here", hint)
                return _BAD
            return s
        if len(s) < shape.min_len:
            ctx.at(jv, path, "E023", "must not be empty")
            return _BAD
        if shape.kind == "id":
            if not _ID.match(s):
                ctx.at(
                    jv,
                    path,
                    "E025",
                    f"bad id {s!r}: ids match [a-z][a-z0-9_]*",
                    f"use {suggest_id(s)!r}",
                )
                return _BAD
        elif shape.kind == "asset":
            problem = asset_problem(s, shape.ext)
            if problem:
                ctx.at(jv, path, "E026", *problem)
                return _BAD
        elif shape.kind == "color":
            if not _COLOR.match(s):
                ctx.at(jv, path, "E031", f"bad colour {s!r}", "write #rrggbb, e.g. '#d9a53a'")
                return _BAD
        elif shape.kind == "cond":
            try:
                ast = parse_condition(s)
            except ExprError as exc:
                self.expr_error(exc, jv, path)
                return _BAD
            return Condition(text=s, ast=ast, loc=ctx.loc(jv, path))
        return s

    def expr_error(self, exc: ExprError, jv: JValue, path: str) -> None:
        self.ctx.err(jv.line, jv.col + exc.col, path, "E027", f"in expression: {exc.message}", exc.hint)

    def effects(self, jv: JValue, path: str) -> object:
        items: list[tuple[JValue, str]]
        if jv.kind == "string":
            items = [(jv, path)]
        elif jv.kind == "array" and jv.items:
            items = [(v, f"{path}[{i}]") for i, v in enumerate(jv.items)]
        else:
            what = "an empty list" if jv.kind == "array" else _kind_name(jv)
            self.ctx.at(
                jv,
                path,
                "E022",
                f"expected an effect string or a list of them, found {what}",
                'e.g. "peace += 1" or ["peace += 1", "give(\\"ticket\\")"]',
            )
            return _BAD
        out: list[EffectStmt] = []
        ok = True
        for v, p in items:
            if v.kind != "string":
                self.ctx.at(v, p, "E022", f"expected an effect string, found {_kind_name(v)}")
                ok = False
                continue
            assert isinstance(v.value, str)
            try:
                out.append(EffectStmt(text=v.value, ast=parse_effect(v.value), loc=self.ctx.loc(v, p)))
            except ExprError as exc:
                self.expr_error(exc, v, p)
                ok = False
        return tuple(out) if ok else _BAD

    def array(self, shape: sh.Arr, jv: JValue, path: str) -> object:
        if jv.kind != "array":
            self.ctx.at(jv, path, "E022", f"expected a list, found {_kind_name(jv)}")
            return _BAD
        n = len(jv.items)
        if n < shape.min_items:
            self.ctx.at(jv, path, "E029", f"needs at least {shape.min_items} element(s), has {n}")
            return _BAD
        if shape.max_items is not None and n > shape.max_items:
            self.ctx.at(jv, path, "E029", f"allows at most {shape.max_items} element(s), has {n}")
            return _BAD
        out = [self.conv(shape.item, v, f"{path}[{i}]") for i, v in enumerate(jv.items)]
        return _BAD if any(x is _BAD for x in out) else tuple(out)

    def tup(self, shape: sh.Tup, jv: JValue, path: str) -> object:
        if jv.kind != "array":
            self.ctx.at(jv, path, "E022", f"expected a list like {shape.doc or '[...]'}, found {_kind_name(jv)}")
            return _BAD
        n, lo, hi = len(jv.items), shape.min_items, len(shape.items)
        if not lo <= n <= hi:
            want = str(hi) if lo == hi else f"{lo} to {hi}"
            self.ctx.at(jv, path, "E029", f"needs {want} elements, has {n}", shape.doc)
            return _BAD
        out = [self.conv(s, v, f"{path}[{i}]") for i, (s, v) in enumerate(zip(shape.items, jv.items, strict=False))]
        if any(x is _BAD for x in out):
            return _BAD
        if shape.cls is not None:
            kwargs = dict(zip(shape.attrs, out, strict=False))
            return shape.cls(**kwargs, loc=self.ctx.loc(jv, path))
        return tuple(out)

    def mapping(self, shape: sh.Map, jv: JValue, path: str) -> object:
        if jv.kind != "object":
            self.ctx.at(jv, path, "E022", f"expected an object keyed by id, found {_kind_name(jv)}")
            return _BAD
        out: dict[str, object] = {}
        ok = True
        for mem in jv.members:
            p = _key_path(path, mem.key)
            if shape.key_enum is not None:
                if mem.key not in shape.key_enum:
                    hint = did_you_mean(mem.key, shape.key_enum) or "one of: " + ", ".join(shape.key_enum)
                    self.ctx.at(mem, p, "E023", f"key {mem.key!r} is not allowed here", hint)
                    ok = False
                    continue
            elif not _ID.match(mem.key):
                self.ctx.at(
                    mem,
                    p,
                    "E025",
                    f"bad id {mem.key!r}: ids match [a-z][a-z0-9_]*",
                    f"use {suggest_id(mem.key)!r}",
                )
                ok = False
                continue
            if shape.wrap is not None:
                steps = self.conv(shape.value, mem.value, p)
                if steps is _BAD:
                    ok = False
                    continue
                out[mem.key] = shape.wrap(id=mem.key, steps=steps, loc=self.ctx.loc(mem.value, p))
                continue
            v = self.conv(shape.value, mem.value, p, mem.key)
            if v is _BAD:
                ok = False
            else:
                out[mem.key] = v
        return MappingProxyType(out) if ok else _BAD

    def obj(self, shape: sh.Obj, jv: JValue, path: str, key: str | None = None) -> object:
        ctx = self.ctx
        if jv.kind != "object":
            ctx.at(jv, path, "E022", f"expected an object, found {_kind_name(jv)}")
            return _BAD
        kwargs: dict[str, object] = {}
        ok = True
        is_scene = shape.cls is Scene
        for mem in jv.members:
            p = _key_path(path, mem.key)
            f = shape.fields.get(mem.key)
            if f is None:
                if mem.key in shape.extra or mem.key.startswith("_"):
                    continue
                ok = False
                if is_scene and mem.key in sh.BLOCKS:
                    t = jv.get("type")
                    ctx.at(
                        mem,
                        p,
                        "E030",
                        f"a scene of type {t.value if t else '?'!r} cannot have a {mem.key!r} block",
                        f'set "type": "{mem.key}" or remove the block',
                    )
                    continue
                hint = did_you_mean(mem.key, shape.fields)
                if not hint:
                    hint = "allowed: " + ", ".join(shape.fields)
                ctx.at(mem, p, "E021", f"unknown field {mem.key!r}", hint)
                continue
            v = self.conv(f.shape, mem.value, p)
            if v is _BAD:
                ok = False
            elif f.attr != "":
                kwargs[f.attr or mem.key] = v
        present = {mem.key for mem in jv.members}
        for name, f in shape.fields.items():
            if f.required and name not in present:
                ok = False
                if is_scene and name in sh.BLOCKS:
                    ctx.at(
                        jv,
                        path,
                        "E030",
                        f"a scene of type {name!r} needs a {name!r} block",
                        f'add "{name}": {{ ... }} with the {name} tuning',
                    )
                else:
                    ctx.at(jv, path, "E020", f"missing required field {name!r}", f.doc)
        if not ok:
            return _BAD
        if shape.cls is None:
            return MappingProxyType(kwargs)
        if key is not None and "id" not in kwargs and _has_id_field(shape.cls):
            kwargs["id"] = key
        if is_scene:
            kwargs["music_set"] = "music" in present  # "music": null = silence; omitted = keep playing
        return shape.cls(**kwargs, loc=ctx.loc(jv, path))

    def tagged(self, shape: sh.Tagged, jv: JValue, path: str, key: str | None = None) -> object:
        ctx = self.ctx
        if jv.kind != "object":
            ctx.at(jv, path, "E022", f"expected an object, found {_kind_name(jv)}")
            return _BAD
        tag = jv.member(shape.tag)
        options = ", ".join(shape.variants)
        if tag is None:
            ctx.at(jv, path, "E020", f"missing required field {shape.tag!r}", f"one of: {options}")
            return _BAD
        p = _key_path(path, shape.tag)
        if tag.value.kind != "string":
            ctx.at(tag.value, p, "E022", f"expected a string, found {_kind_name(tag.value)}")
            return _BAD
        name = str(tag.value.value)
        variant = shape.variants.get(name)
        if variant is None:
            hint = did_you_mean(name, shape.variants) or f"one of: {options}"
            ctx.at(tag.value, p, "E023", f"unknown {shape.tag} {name!r}", hint)
            return _BAD
        return self.obj(variant, jv, path, key)

    def keyed(self, shape: sh.Keyed, jv: JValue, path: str) -> object:
        ctx = self.ctx
        if jv.kind != "object":
            hint = 'e.g. {"say": "Hello."}' if jv.kind == "string" else ""
            ctx.at(jv, path, "E022", f"expected a step object, found {_kind_name(jv)}", hint)
            return _BAD
        kinds = [m.key for m in jv.members if m.key in shape.variants]
        if not kinds:
            hint = ""
            for mem in jv.members:
                hint = did_you_mean(mem.key, shape.variants)
                if hint:
                    break
            ctx.at(
                jv,
                path,
                "E028",
                "step has no kind: it needs one of " + ", ".join(shape.variants),
                hint,
            )
            return _BAD
        if len(kinds) > 1:
            second = jv.member(kinds[1])
            assert second is not None
            ctx.at(
                second,
                _key_path(path, kinds[1]),
                "E028",
                f"step has several kinds: {kinds[0]!r} and {kinds[1]!r}",
                "split it into separate steps",
            )
            return _BAD
        return self.conv(shape.variants[kinds[0]], jv, path)


def _has_id_field(cls: type | None) -> bool:
    return "id" in getattr(cls, "__dataclass_fields__", {})


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# ----------------------------------------------------------------------------- entry points


def parse_level(
    text: str, file: str = "<memory>", expected_id: str | None = None
) -> tuple[Level | None, list[LevelError]]:
    """Parse and validate level text; returns (Level or None, structural errors). Never raises."""
    ctx = _Ctx(file)
    try:
        doc = parse_json(text)
    except JsonSyntaxError as exc:
        ctx.err(exc.line, exc.col, "$", exc.code, exc.message, exc.hint)
        return None, ctx.errors
    except RecursionError:
        ctx.err(1, 1, "$", "E010", "nesting too deep")
        return None, ctx.errors
    for d in doc.duplicates:
        ctx.err(
            d.line,
            d.col,
            "$",
            "E008",
            f"duplicate key {d.key!r}",
            f"first defined at line {d.first_line} col {d.first_col}; ids must be unique",
        )
    root = doc.root
    if root.kind != "object":
        ctx.at(
            root,
            "$",
            "E009",
            f"a level file holds one JSON object, found {_kind_name(root)}",
            'start the file with { "format": 1, ... }',
        )
        return None, ctx.errors
    if not _check_format(ctx, root):
        return None, ctx.errors
    level = _Builder(ctx).conv(sh.LEVEL, root, "$")
    if expected_id is not None:
        idv = root.get("id")
        if idv is not None and idv.kind == "string" and idv.value != expected_id:
            ctx.at(
                idv,
                "$.id",
                "E013",
                f"level id {idv.value!r} does not match the file name {expected_id + '.json'!r}",
                f'rename the file to {idv.value}.json or set "id": "{expected_id}"',
            )
    if level is _BAD or any(e.severity == "error" for e in ctx.errors):
        return None, ctx.errors
    assert isinstance(level, Level)
    return _with_file(level, file), ctx.errors


def _with_file(level: Level, file: str) -> Level:
    from dataclasses import replace

    return replace(level, file=file)


def _check_format(ctx: _Ctx, root: JValue) -> bool:
    """Check (and migrate) the format version; False stops loading."""
    fm = root.member("format")
    if fm is None:
        ctx.at(root, "$", "E011", 'missing "format"', 'add "format": 1 at the top')
        return False
    v = fm.value
    if v.kind != "number" or not isinstance(v.value, int):
        ctx.at(v, "$.format", "E012", f"format must be the integer {FORMAT_VERSION}, found {_kind_name(v)}")
        return False
    version = v.value
    if version > FORMAT_VERSION:
        ctx.at(
            v,
            "$.format",
            "E012",
            f"format {version} is newer than this game understands (up to {FORMAT_VERSION})",
            "update the game, or re-save the level in format 1",
        )
        return False
    while version < FORMAT_VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            ctx.at(v, "$.format", "E012", f"format {version} is not supported (only {FORMAT_VERSION})")
            return False
        migrate(root)
        version += 1
        v.value = version
    return True


def read_level_file(path: Path, ctx_file: str) -> tuple[str | None, list[LevelError]]:
    """Read a level file as text, refusing huge or non-UTF-8 files."""
    errs: list[LevelError] = []

    def fail(code: str, msg: str, hint: str = "") -> tuple[str | None, list[LevelError]]:
        errs.append(LevelError(ctx_file, 1, 1, "$", code, msg, hint))
        return None, errs

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return fail(
                "E002",
                f"file is {size} bytes; the limit is {MAX_FILE_BYTES}",
                "split the level into several levels",
            )
        data = path.read_bytes()
    except OSError as exc:
        return fail("E001", f"cannot read the file: {exc.strerror or exc}")
    if len(data) > MAX_FILE_BYTES:
        return fail("E002", f"file is over {MAX_FILE_BYTES} bytes")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), errs
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        errs.append(LevelError(ctx_file, line, col, "$", "E003", "file is not UTF-8 text", "save it as UTF-8"))
        return None, errs


def display_path(path: Path) -> str:
    """Path as shown in messages: relative to the working directory when possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_file(
    path: str | Path,
    *,
    lint: bool = True,
    assets_root: Path | None = None,
    levels_root: Path | None = None,
) -> tuple[Level | None, list[LevelError]]:
    """Load and (optionally) lint one level file; never raises. Returns (Level or None, problems)."""
    p = Path(path)
    name = display_path(p)
    text, errs = read_level_file(p, name)
    if text is None:
        return None, errs
    level, errs = parse_level(text, name, expected_id=p.stem)
    if level is not None and lint:
        from lm_game.content.lint import lint_level

        errs = errs + lint_level(level, assets_root=assets_root, levels_root=levels_root)
    has_error = any(e.severity == "error" for e in errs)
    return (None if has_error else level), errs


def load_level_text(text: str, file: str = "<memory>", *, lint: bool = True) -> Level:
    """Load a level from JSON text (no file-name check); raises LevelLoadError."""
    level, errs = parse_level(text, file)
    if level is not None and lint:
        from lm_game.content.lint import lint_level

        errs = errs + lint_level(level, check_assets=False)
    if level is None or any(e.severity == "error" for e in errs):
        raise LevelLoadError(errs)
    return level


def load_level(
    path: str | Path,
    *,
    lint: bool = True,
    assets_root: Path | None = None,
    levels_root: Path | None = None,
) -> Level:
    """Load one level file into a frozen Level; raises LevelLoadError with every error found.

    With ``lint`` (the default) references are checked too (unknown nodes, scenes, ...);
    warnings never stop loading.
    """
    level, errs = check_file(path, lint=lint, assets_root=assets_root, levels_root=levels_root)
    if level is None:
        raise LevelLoadError(errs)
    return level


def load_index(levels_root: Path | None = None) -> list[str]:
    """Level ids in play order from levels/index.json; raises LevelLoadError."""
    root = levels_root if levels_root is not None else _levels_dir()
    ids, errs = check_index(root / "index.json")
    if ids is None:
        raise LevelLoadError(errs)
    return ids


def check_index(path: Path) -> tuple[list[str] | None, list[LevelError]]:
    """Validate levels/index.json; returns (ids or None, errors)."""
    name = display_path(path)
    text, errs = read_level_file(path, name)
    if text is None:
        return None, errs
    ctx = _Ctx(name)
    try:
        doc = parse_json(text)
    except JsonSyntaxError as exc:
        ctx.err(exc.line, exc.col, "$", exc.code, exc.message, exc.hint)
        return None, ctx.errors
    for d in doc.duplicates:
        ctx.err(d.line, d.col, "$", "E008", f"duplicate key {d.key!r}")
    out = _Builder(ctx).conv(sh.INDEX, doc.root, "$")
    if out is _BAD or ctx.errors:
        return None, ctx.errors
    assert isinstance(out, MappingProxyType)
    ids = list(out["levels"])
    seen: set[str] = set()
    levels = doc.root.get("levels")
    assert levels is not None
    for i, lid in enumerate(ids):
        if lid in seen:
            item = levels.items[i]
            ctx.at(item, f"$.levels[{i}]", "E046", f"level {lid!r} is listed twice")
        seen.add(lid)
    return (None if ctx.errors else ids), ctx.errors


def _levels_dir() -> Path:
    from lm_game.content.locate import levels_dir

    return levels_dir()


def load_all(levels_root: Path | None = None, *, lint: bool = True) -> list[Level]:
    """Every level listed in levels/index.json, in play order; raises LevelLoadError.

    Errors from all files are collected before raising.
    """
    root = levels_root if levels_root is not None else _levels_dir()
    ids = load_index(root)
    levels: list[Level] = []
    errs: list[LevelError] = []
    for lid in ids:
        level, e = check_file(root / f"{lid}.json", lint=lint, levels_root=root)
        errs.extend(x for x in e if x.severity == "error")
        if level is not None:
            levels.append(level)
    if errs:
        raise LevelLoadError(errs)
    return levels
