"""`lm-game replay FILE [--check]`: play a replay (saved with F8 while playing) headless.

Prints the final state hash; with --check, exit 1 when it differs from the recorded one
(both are printed). Exit 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `replay` subcommand."""
    p = subparsers.add_parser(
        "replay", help="play a replay file headless (--check: verify its final state)", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", help="replay JSON file")
    p.add_argument("--check", action="store_true", help="fail when the final state hash differs from the recorded one")
    p.add_argument("--state", action="store_true", help="also print the harness state at the end (JSON)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Entry point for `lm-game replay`."""
    from lm_game.content.locate import ResourceNotFound
    from lm_game.tools.replay import Replay, ReplayError, play_replay

    try:
        replay = Replay.load(args.file)
        result = play_replay(replay)
    except (ReplayError, ResourceNotFound) as exc:
        print(f"lm-game replay: {exc}", file=sys.stderr)
        return 2
    print(f"replayed {len(replay.actions)} input(s) over {replay.frames} frame(s) of {replay.level}")
    if args.state:
        print(json.dumps(result.state, indent=2, default=str))
    if args.check:
        print(f"recorded hash: {result.expected_hash}")
        print(f"replayed hash: {result.final_hash}")
        if not result.matches:
            print("MISMATCH: the replay did not reach the recorded state", file=sys.stderr)
            return 1
        print("OK: same final state")
        return 0
    print(f"final state hash: {result.final_hash}")
    return 0
