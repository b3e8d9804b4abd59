"""`lm-game explore [LEVELS...]`: walk every choice path; report endings, soft-locks, coverage.

No LEVELS: the whole game as played (the campaign: levels/index.json's first level, following
each level's `next`, carrying variables across levels, so the endings are judged over the real
game), then every listed level the campaign does not reach, on its own. With LEVELS (ids or
files): each level on its own, from its variables' defaults; `--campaign` chains them instead.
Exit status: 0 clean, 1 a soft-lock or a declared ending never reached, 2 nothing to explore.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `explore` subcommand."""
    p = subparsers.add_parser(
        "explore",
        help="explore every story path: endings, soft-locks, coverage",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("levels", nargs="*", help="level ids or files (default: the whole game)")
    p.add_argument("--campaign", action="store_true", help="play the given levels in order as one game")
    p.add_argument("--levels-dir", type=Path, help="folder with index.json and the levels (default: levels/)")
    p.add_argument("--max-states", type=int, default=500_000, help="stop after this many states (default 500000)")
    p.add_argument("--time-limit", type=float, default=600.0, help="stop after this many seconds (default 600)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument("--progress-every", type=int, default=5000, metavar="N",
                   help="a progress line every N states (and at least every second)")
    p.set_defaults(func=run)


def _progress(quiet: bool) -> Any:
    if quiet:
        return None

    def show(p: Any) -> None:
        print(
            f"explore: {p.name}: {p.states} states, {p.queued} queued, {p.elapsed:.1f}s, {p.endings} ending(s)",
            file=sys.stderr,
            flush=True,
        )

    return show


def run(args: argparse.Namespace) -> int:
    """Entry point for `lm-game explore`."""
    from lm_game.content.errors import LevelLoadError
    from lm_game.content.loader import load_index, load_level
    from lm_game.content.locate import ResourceNotFound, find_level, levels_dir
    from lm_game.tools.explorer import (
        ExploreOptions,
        ExploreReport,
        campaign_chain,
        explore_campaign,
        explore_level,
    )

    options = ExploreOptions(
        max_states=args.max_states, time_limit=args.time_limit, seed=args.seed, progress=_progress(args.quiet),
        progress_every=max(0, args.progress_every),
    )
    reports: list[ExploreReport] = []
    try:
        if args.levels:
            folder = args.levels_dir
            paths = [_level_path(ref, folder, find_level) for ref in args.levels]
            levels = [load_level(p, levels_root=p.parent if (p.parent / "index.json").is_file() else None)
                      for p in paths]
            if args.campaign:
                reports.append(explore_campaign(levels, options))
            else:
                reports.extend(explore_level(lv, options) for lv in levels)
        else:
            root = args.levels_dir or levels_dir()
            ids = load_index(root)
            levels = [load_level(root / f"{lid}.json", levels_root=root) for lid in ids]
            if not levels:
                print("lm-game explore: levels/index.json lists no levels", file=sys.stderr)
                return 2
            chain = campaign_chain(levels)
            reports.append(explore_campaign(chain, options))
            reports.extend(explore_level(lv, options) for lv in levels if lv not in chain)
    except LevelLoadError as exc:
        print(f"lm-game explore: the level does not load; run `lm-game check` first:\n{exc}", file=sys.stderr)
        return 2
    except (ResourceNotFound, FileNotFoundError) as exc:
        print(f"lm-game explore: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        doc = {"ok": all(r.ok for r in reports), "reports": [r.to_dict() for r in reports]}
        print(json.dumps(doc, indent=2))
    else:
        print("\n\n".join(r.format_text() for r in reports))
    return 0 if all(r.ok for r in reports) else 1


def _level_path(ref: str, folder: Path | None, find: Any) -> Path:
    if folder is not None and not ref.endswith(".json"):
        return folder / f"{ref}.json"
    result: Path = find(ref)
    return result
