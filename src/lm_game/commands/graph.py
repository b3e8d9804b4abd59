"""`lm-game graph LEVEL -o FILE`: draw a level's flow (scenes, nodes, choices and their conditions).

The format follows FILE's extension: .dot (Graphviz), .mmd (Mermaid), .png (drawn by the game).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `graph` subcommand."""
    p = subparsers.add_parser(
        "graph", help="write a level's flow as .dot, .mmd or .png", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("level", help="level id or file")
    p.add_argument("-o", "--output", required=True, help="output file: .dot, .mmd or .png")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Entry point for `lm-game graph`."""
    from lm_game.content.errors import LevelLoadError
    from lm_game.content.loader import load_level
    from lm_game.content.locate import ResourceNotFound, find_level
    from lm_game.tools.graph import write_graph

    try:
        level = load_level(find_level(args.level))
        out = write_graph(level, args.output)
    except (LevelLoadError, ResourceNotFound, ValueError, OSError) as exc:
        print(f"lm-game graph: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}")
    return 0
