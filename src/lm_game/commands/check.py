"""`lm-game check [PATHS...]`: load and lint level files, compiler-style output.

No paths: every shipped level (levels/*.json except index.json) plus the checks across levels.
Exit status 1 when any error is found (2 when nothing could be checked), else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from lm_game.content.errors import LevelError, error_sort_key


def register(subparsers: Any) -> None:
    """Add the `check` subcommand."""
    p = subparsers.add_parser(
        "check",
        help="check level files for errors",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", type=Path, help="level files or folders (default: levels/)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument("--no-warnings", action="store_true", help="show errors only")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--assets", type=Path, help="assets folder (default: the game's assets/)")
    p.set_defaults(func=run)


def collect_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Level files named by paths (folders expand to their *.json); plus paths that don't exist."""
    files: list[Path] = []
    missing: list[str] = []
    for p in paths:
        if p.is_dir():
            files.extend(f for f in sorted(p.glob("*.json")) if f.name != "index.json")
        elif p.is_file():
            files.append(p)
        else:
            missing.append(str(p))
    return files, missing


def check_paths(paths: list[Path], assets_root: Path | None = None) -> tuple[list[Path], list[LevelError]]:
    """Check the given files/folders (or all shipped levels); returns (files checked, problems)."""
    from lm_game.content.lint import cross_level_filter, lint_levels
    from lm_game.content.loader import check_file

    if not paths:
        from lm_game.content.locate import levels_dir

        paths = [levels_dir()]
    files, missing = collect_files(paths)
    problems: list[LevelError] = [LevelError(m, 0, 0, "$", "E001", "no such file or folder") for m in missing]
    by_dir: dict[Path, list[Any]] = {}
    for f in files:
        root = f.parent if (f.parent / "index.json").is_file() else None
        level, errs = check_file(f, assets_root=assets_root, levels_root=root)
        problems.extend(errs)
        if level is not None:
            by_dir.setdefault(f.parent, []).append(level)
    for folder, levels in by_dir.items():
        problems = cross_level_filter(levels, problems)
        has_index = (folder / "index.json").is_file()
        problems.extend(lint_levels(levels, folder if has_index else None))
    return files, sorted(set(problems), key=error_sort_key)


def report(files: list[Path], problems: list[LevelError], fmt: str, out: TextIO | None = None) -> None:
    """Print problems as compiler-style lines (or one JSON document)."""
    out = out or sys.stdout
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if fmt == "json":
        doc = {
            "files": [f.as_posix() for f in files],
            "errors": errors,
            "warnings": warnings,
            "problems": [p.to_dict() for p in problems],
        }
        out.write(json.dumps(doc, indent=2) + "\n")
        return
    for p in problems:
        out.write(str(p) + "\n")
    out.write(f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)\n")


def run(args: argparse.Namespace) -> int:
    """Entry point for `lm-game check`."""
    try:
        files, problems = check_paths(list(args.paths), args.assets)
    except FileNotFoundError as exc:
        print(f"lm-game check: {exc}", file=sys.stderr)
        return 2
    if args.strict:
        problems = [
            LevelError(p.file, p.line, p.col, p.json_path, p.code, p.message, p.hint, "error") for p in problems
        ]
    if args.no_warnings:
        problems = [p for p in problems if p.severity == "error"]
    report(files, problems, args.format)
    if not files:
        return 2
    return 1 if any(p.severity == "error" for p in problems) else 0
