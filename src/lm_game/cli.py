"""The `lm-game` command: play (default) or one of the subcommands."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import sys

from lm_game import __version__

SUBCOMMANDS: list[str] = ["run", "check", "stats", "bench", "explore", "graph", "replay", "new"]
"""Modules of lm_game.commands, each adding one subcommand with `register(subparsers)`."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lm-game",
        description="Leave Me Alone: play the game, or check, run and explore its levels.",
    )
    parser.add_argument("--version", action="version", version=f"lm-game {__version__}")
    parser.add_argument("--level", help="start playing at this level id instead of the title screen")
    parser.add_argument("--scene", help="with --level: start at this scene")
    parser.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        importlib.import_module(f"lm_game.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from lm_game.app.main import play

        try:
            asyncio.run(play(level=args.level, scene=args.scene, fullscreen=args.fullscreen))
        except FileNotFoundError as exc:
            print(f"lm-game: {exc}", file=sys.stderr)
            return 2
        return 0
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
