"""Play the whole game headless with the autoplayer through the real PlayScreen; report peak RSS.

`python -m lm_game.bench.playthrough [--frames N] [--seed S]` prints one JSON line.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from typing import Any

from lm_game.bench.drive import AutoPlayer
from lm_game.bench.stats import peak_rss_mb, rss_mb

STEP = 1.0 / 60.0


def play_through(max_frames: int = 120_000, seed: int = 1) -> dict[str, Any]:
    """From a new game to an ending (or `max_frames`): levels and scenes visited, RSS figures."""
    from lm_game.app import game
    from lm_game.runtime.settings import Settings
    from lm_game.testing.harness import Harness

    start_rss = rss_mb()
    harness = Harness(settings=Settings(dodge_difficulty="easy", text_speed=0))
    app = harness.app
    game.new_game(app)
    driver = AutoPlayer(seed)
    visited: list[str] = []
    ending: str | None = None
    t0 = time.perf_counter()
    frames = 0
    while frames < max_frames and app.running:
        driver.feed(app)
        app.frame(STEP)
        frames += 1
        top: Any = app.stack.top
        name = type(top).__name__
        if name == "PlayScreen":
            scene, level = getattr(top, "scene", None), getattr(top, "level", None)
            where = f"{level.id}/{scene.id}" if scene is not None and level is not None else ""
            if where and (not visited or visited[-1] != where):
                visited.append(where)
        elif name == "EndingScreen":
            ending = str(getattr(top, "ending_id", None) or getattr(top, "ending", "") or "reached")
            break
    harness.close()
    gc.collect()
    return {
        "frames": frames,
        "seconds": round(time.perf_counter() - t0, 1),
        "ending": ending,
        "levels": sorted({v.split("/")[0] for v in visited}),
        "scenes_entered": len(visited),
        "start_rss_mb": round(start_rss, 1),
        "end_rss_mb": round(rss_mb(), 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lm_game.bench.playthrough", description=__doc__)
    parser.add_argument("--frames", type=int, default=120_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(json.dumps(play_through(args.frames, args.seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
