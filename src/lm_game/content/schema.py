"""JSON Schema (draft 2020-12) generated from the format's shapes.

``python -m lm_game.content.schema`` writes levels/schema/level.schema.json and
index.schema.json; ``--check`` exits 1 when the committed files are stale. The schema is for
editors and tools; the loader is the authority (it also checks expressions, ids matching file
names, duplicate keys and everything lint does).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from lm_game.content import shapes as sh

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_EXT_RE = {".png": r"\.png$", ".ogg": r"\.ogg$"}


class _Gen:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def shape(self, s: sh.Shape) -> dict[str, Any]:
        out = self._shape(s)
        doc = getattr(s, "doc", "")
        if doc and "$ref" not in out:
            out = {"description": doc, **out}
        return out

    def _shape(self, s: sh.Shape) -> dict[str, Any]:
        if isinstance(s, sh.Nullable):
            return {"anyOf": [self.shape(s.inner), {"type": "null"}]}
        if isinstance(s, sh.Str):
            return self.string(s)
        if isinstance(s, sh.Int):
            out: dict[str, Any] = {"type": "integer"}
            if s.minimum is not None:
                out["minimum"] = s.minimum
            if s.maximum is not None:
                out["maximum"] = s.maximum
            return out
        if isinstance(s, sh.Num):
            out = {"type": "number"}
            if s.minimum is not None:
                out["exclusiveMinimum" if s.exclusive_min else "minimum"] = s.minimum
            if s.maximum is not None:
                out["maximum"] = s.maximum
            return out
        if isinstance(s, sh.Bool):
            return {"const": s.const} if s.const is not None else {"type": "boolean"}
        if isinstance(s, sh.Arr):
            out = {"type": "array", "items": self.shape(s.item)}
            if s.min_items:
                out["minItems"] = s.min_items
            if s.max_items is not None:
                out["maxItems"] = s.max_items
            return out
        if isinstance(s, sh.Tup):
            return {
                "type": "array",
                "prefixItems": [self.shape(x) for x in s.items],
                "items": False,
                "minItems": s.min_items,
                "maxItems": len(s.items),
            }
        if isinstance(s, sh.Map):
            names: dict[str, Any] = {"enum": list(s.key_enum)} if s.key_enum else {"pattern": sh.ID_PATTERN}
            return {
                "type": "object",
                "propertyNames": names,
                "additionalProperties": self.shape(s.value),
            }
        if isinstance(s, sh.Effects):
            one = {"type": "string", "description": "effect expression"}
            return {"anyOf": [one, {"type": "array", "items": one, "minItems": 1}]}
        if isinstance(s, sh.AnyJson):
            return {}
        if isinstance(s, sh.Obj):
            return self.obj(s)
        if isinstance(s, sh.Tagged):
            if s.name not in self.defs:
                self.defs[s.name] = {}
                variants = [self.obj(v) for v in s.variants.values()]
                self.defs[s.name] = {
                    "description": s.doc,
                    "type": "object",
                    "required": [s.tag],
                    "properties": {s.tag: {"enum": list(s.variants)}},
                    "oneOf": variants,
                }
            return self.ref(s.name)
        if isinstance(s, sh.Keyed):
            if s.name not in self.defs:
                self.defs[s.name] = {}
                self.defs[s.name] = {
                    "description": s.doc,
                    "type": "object",
                    "oneOf": [self.shape(v) for v in s.variants.values()],
                }
            return self.ref(s.name)
        raise TypeError(f"unknown shape {s!r}")

    def string(self, s: sh.Str) -> dict[str, Any]:
        if s.enum is not None:
            return {"const": s.enum[0]} if len(s.enum) == 1 else {"enum": list(s.enum)}
        out: dict[str, Any] = {"type": "string"}
        if s.min_len:
            out["minLength"] = s.min_len
        if s.kind == "id":
            out["pattern"] = sh.ID_PATTERN
        elif s.kind == "asset":
            out["pattern"] = sh.ASSET_PATTERN
            if s.ext:
                out = {
                    "allOf": [
                        out,
                        {"pattern": "(" + "|".join(e.replace(".", r"\.") for e in s.ext) + ")$"},
                    ]
                }
        elif s.kind == "color":
            out["pattern"] = sh.COLOR_PATTERN
        elif s.kind == "cond":
            out["description"] = "condition expression"
        return out

    def obj(self, s: sh.Obj) -> dict[str, Any]:
        if s.name in self.defs:
            return self.ref(s.name)
        self.defs[s.name] = {}
        props: dict[str, Any] = {k: {} for k in s.extra}
        for key, f in s.fields.items():
            schema = self.shape(f.shape)
            if f.doc and "$ref" not in schema:
                schema = {"description": f.doc, **{k: v for k, v in schema.items() if k != "description"}}
            props[key] = schema
        body: dict[str, Any] = {"type": "object"}
        if s.doc:
            body["description"] = s.doc
        body["properties"] = props
        required = [k for k, f in s.fields.items() if f.required]
        if required:
            body["required"] = required
        body["patternProperties"] = {"^_": {}}
        body["additionalProperties"] = False
        self.defs[s.name] = body
        return self.ref(s.name)


def build_schema(root: sh.Obj = sh.LEVEL, title: str = "Leave Me Alone level") -> dict[str, Any]:
    """The JSON Schema for a shape (default: a whole level file)."""
    gen = _Gen()
    gen.obj(root)
    return {
        "$schema": DIALECT,
        "$id": f"https://leave-me-alone.invalid/schema/{root.name}.schema.json",
        "title": title,
        "description": "Generated by `python -m lm_game.content.schema`; do not edit by hand.",
        "$ref": f"#/$defs/{root.name}",
        "$defs": gen.defs,
    }


def schema_texts() -> dict[str, str]:
    """File name -> JSON text for every generated schema."""
    return {
        "level.schema.json": _dump(build_schema()),
        "index.schema.json": _dump(build_schema(sh.INDEX, "Leave Me Alone levels/index.json")),
    }


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def default_schema_dir() -> Path:
    """levels/schema of the checkout."""
    from lm_game.content.locate import levels_dir

    return levels_dir() / "schema"


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, verify) the schema files."""
    ap = argparse.ArgumentParser(prog="python -m lm_game.content.schema", description=__doc__)
    ap.add_argument("--out", type=Path, help="folder to write to (default levels/schema)")
    ap.add_argument("--check", action="store_true", help="exit 1 if the files are stale")
    args = ap.parse_args(argv)
    out_dir: Path = args.out or default_schema_dir()
    stale = []
    for name, text in schema_texts().items():
        path = out_dir / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            out_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if args.check and stale:
        for p in stale:
            print(f"stale: {p} (run python -m lm_game.content.schema)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
