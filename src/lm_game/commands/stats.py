"""`lm-game stats [PATHS...]`: lines, words, choices and endings per level and in total.

No paths: the shipped levels in play order (levels/index.json). Paths may be level files or
folders (a folder with an index.json is read in its order, else every *.json in it).
``--format json`` prints ``{"levels": [{id, title, lines, words, choices, endings, ...}], "total": {...}}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `stats` subcommand."""
    p = subparsers.add_parser(
        "stats",
        help="count lines, words, choices and endings per level",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", type=Path, help="level files or folders (default: the shipped levels)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.set_defaults(func=run)


def load_levels(paths: list[Path]) -> list[Any]:
    """Levels named by paths (or the shipped ones, in play order); raises LevelLoadError/FileNotFoundError."""
    from lm_game.content.loader import load_all, load_level

    if not paths:
        return load_all()
    levels: list[Any] = []
    for p in paths:
        if p.is_dir():
            if (p / "index.json").is_file():
                levels.extend(load_all(p))
            else:
                levels.extend(load_level(f) for f in sorted(p.glob("*.json")) if f.name != "index.json")
        elif p.is_file():
            levels.append(load_level(p))
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    return levels


def run(args: argparse.Namespace) -> int:
    """Entry point for `lm-game stats`."""
    from lm_game.content.errors import LevelLoadError
    from lm_game.content.stats import format_table, stats_document

    try:
        levels = load_levels(list(args.paths))
    except FileNotFoundError as exc:
        print(f"lm-game stats: {exc}", file=sys.stderr)
        return 2
    except LevelLoadError as exc:
        for err in exc.errors:
            print(str(err), file=sys.stderr)
        print("lm-game stats: levels have errors; run `lm-game check`", file=sys.stderr)
        return 1
    if not levels:
        print("lm-game stats: no levels to count", file=sys.stderr)
        return 2
    doc = stats_document(levels)
    if args.format == "json":
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    else:
        sys.stdout.write(format_table(doc))
    return 0
