"""Soak: monkey input from every device through every scene of every level, headless, with a
watchdog for stuck interfaces and a memory-growth check.

`python -m lm_game.bench.soak --frames 50000` (or `lm-game bench --soak 50000`) prints a JSON report;
exit status 1 on an exception, a stuck interface or memory growth over the limit.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
import traceback
from dataclasses import asdict, dataclass, field
from typing import Any

from lm_game.bench.drive import AutoPlayer, Monkey, state_fingerprint
from lm_game.bench.stats import rss_mb

STEP = 1.0 / 60.0


@dataclass
class SoakReport:
    """What a soak did and found; `ok` when there were no failures."""

    frames: int = 0
    scenes: int = 0
    visits: int = 0
    events: dict[str, int] = field(default_factory=dict)
    screens_seen: list[str] = field(default_factory=list)
    rss_after_warmup_mb: float = 0.0
    warmup_frames: int = 0
    rss_per_pass_mb: list[float] = field(default_factory=list)
    rss_end_mb: float = 0.0
    growth_mb: float = 0.0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


def all_scenes() -> list[tuple[str, str]]:
    """(level id, scene id) for every scene of every shipped level, in play order."""
    from lm_game.content.loader import load_all

    return [(level.id, scene.id) for level in load_all() for scene in level.scenes]


def soak(
    frames: int = 50_000,
    seed: int = 0,
    stuck_frames: int = 3000,
    warmup_frames: int | None = None,
    max_growth_mb: float = 10.0,
    post_ratio: float = 0.5,
) -> SoakReport:
    """Drive one App through every scene in turn, `frames` frames in all, with random input.

    Each visit mixes monkey input (every device; part through pygame's event queue) with short
    autoplayer bursts so play also moves forward. The watchdog fails when the visible state has not
    changed for `stuck_frames` frames while input is given. Memory is measured after a warm-up pass
    over every scene and at the end (after a garbage collection both times). By default the warm-up
    is one full pass like the measured ones (`warmup_frames` per scene otherwise), so the bounded
    caches (text, panels, scene art) have filled before growth is measured; `frames` counts only
    the measured frames after it.
    """
    from lm_game.app import game
    from lm_game.testing.harness import Harness

    report = SoakReport()
    scenes = all_scenes()
    report.scenes = len(scenes)
    harness = Harness(seed=seed)
    app = harness.app
    monkey = Monkey(seed, post_ratio=post_ratio)
    helper = AutoPlayer(seed + 1)
    screens: set[str] = set()
    t0 = time.perf_counter()

    def run(level: str, scene: str, count: int) -> bool:
        game.open_level(app, level, scene=scene, seed=seed + report.visits)
        app.running = True
        report.visits += 1
        last_hash, last_change = "", report.frames
        for i in range(count):
            try:
                if (i // 300) % 4 == 3:
                    helper.feed(app)  # a burst of purposeful play every fifth second
                else:
                    monkey.feed(app)
                app.frame(STEP)
            except Exception:  # noqa: BLE001 - the report carries it
                report.failures.append(f"{level}/{scene} frame {report.frames}: {traceback.format_exc(limit=8)}")
                return False
            report.frames += 1
            if not app.running or app.stack.top is None:
                game.open_level(app, level, scene=scene, seed=seed + report.visits)
                app.running = True
            state = harness.state()
            screens.add("/".join(state["stack"]))
            h = state_fingerprint(state)
            if h != last_hash:
                last_hash, last_change = h, report.frames
            elif report.frames - last_change >= stuck_frames:
                report.failures.append(
                    f"stuck: {level}/{scene}: nothing changed for {stuck_frames} frames of input; "
                    f"last state: {json.dumps(state, default=str)[:2000]}"
                )
                return False
        return True

    share = max(1, min(frames // max(1, len(scenes)), 2000))  # several passes: growth shows as a trend
    # warm-up: every scene once, so caches fill to their bounds and imports are done before measuring
    per_scene_warm = share if warmup_frames is None else max(1, warmup_frames)
    for level, scene in scenes:
        if not run(level, scene, per_scene_warm):
            break
    gc.collect()
    report.rss_after_warmup_mb = round(rss_mb(), 1)
    report.warmup_frames = report.frames
    end = report.frames + frames
    while not report.failures and report.frames < end:
        for level, scene in scenes:
            if report.failures or report.frames >= end:
                break
            if not run(level, scene, min(share, end - report.frames)):
                break
        gc.collect()
        report.rss_per_pass_mb.append(round(rss_mb(), 1))
    harness.close()
    gc.collect()
    report.rss_end_mb = round(rss_mb(), 1)
    report.growth_mb = round(report.rss_end_mb - report.rss_after_warmup_mb, 1)
    report.events = dict(sorted(monkey.by_device.items()))
    report.screens_seen = sorted(screens)
    report.seconds = round(time.perf_counter() - t0, 1)
    if report.growth_mb > max_growth_mb:
        report.failures.append(f"memory grew {report.growth_mb} MB (limit {max_growth_mb} MB)")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lm_game.bench.soak", description=__doc__)
    parser.add_argument("--frames", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stuck-frames", type=int, default=3000)
    args = parser.parse_args(argv)
    report = soak(args.frames, args.seed, args.stuck_frames)
    print(json.dumps(report.to_dict(), indent=2))
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
