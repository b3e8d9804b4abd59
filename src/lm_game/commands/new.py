"""`lm-game new LEVEL_ID`: write a starter level (every scene type) and register it in levels/index.json.

The level is appended to the index with `"next": null`; no other level changes, so the game's
order stays as it was until you link it (set the previous level's `next`). `--after ID` does
the linking: the new level goes after ID in the index, ID's `next` names it, and it takes ID's old
`next`. The file passes `lm-game check` and `lm-game explore` as written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `new` subcommand."""
    p = subparsers.add_parser(
        "new", help="create a starter level", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("level_id", help="id of the new level (lowercase, digits, _)")
    p.add_argument("--title", help="the level's title (default: from the id)")
    p.add_argument("--after", metavar="ID", help="insert after this level and link it in (edits ID's next)")
    p.add_argument("--levels-dir", type=Path, help="levels folder (default: the game's levels/)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Entry point for `lm-game new`."""
    from lm_game.content.locate import ResourceNotFound, levels_dir
    from lm_game.tools.scaffold import ScaffoldError, create_level

    try:
        folder = args.levels_dir or levels_dir()
        path = create_level(folder, args.level_id, title=args.title, after=args.after, force=args.force)
    except (ScaffoldError, ResourceNotFound, OSError, ValueError) as exc:
        print(f"lm-game new: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path} and registered it in {path.parent / 'index.json'}")
    print(f"next: lm-game check {path}  |  lm-game explore {args.level_id}  |  lm-game --level {args.level_id}")
    return 0
