"""`lm-game run LEVEL`: play a level headless with scripted actions; print state; screenshot."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("run", help="run a level headless with scripted actions")
    p.add_argument("level", help="level id (e.g. front_page) or path to a level file")
    p.add_argument("--scene", help="start at this scene of the level")
    p.add_argument("--actions", help="JSON file of timed actions: [{frame, action, pressed?, pos?, tap?}]")
    p.add_argument("--frames", type=int, default=600, help="fixed 60 Hz frames to run (default 600)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--screenshot", help="write the last frame to this PNG file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lm_game.content.loader import check_file
    from lm_game.content.locate import find_level
    from lm_game.testing.harness import ActionFileError, Harness, load_actions

    try:
        _, problems = check_file(find_level(args.level), lint=False)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            for problem in errors:
                print(problem, file=sys.stderr)
            return 1
        actions = load_actions(args.actions) if args.actions else []
        harness = Harness(level=args.level, scene=args.scene, seed=args.seed)
        state = harness.run(actions, args.frames)
    except (ActionFileError, FileNotFoundError, ValueError) as exc:
        print(f"lm-game run: {exc}", file=sys.stderr)
        return 2
    if args.screenshot:
        harness.screenshot(args.screenshot)
    json.dump(state, sys.stdout, indent=2, default=str)
    print()
    harness.close()
    return 0
