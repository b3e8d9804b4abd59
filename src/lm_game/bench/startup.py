"""Start-up, loading, memory and archive-size figures (start-up and memory run in fresh processes)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lm_game.bench.stats import percentile

_FIRST_FLIP = """
import os, sys, time
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
sys.path.insert(0, {src!r})
import asyncio, pygame
_flip, _first = pygame.display.flip, []
def flip():
    _flip()
    if not _first:
        _first.append(time.time())
pygame.display.flip = flip
from lm_game.app.main import play
asyncio.run(play(headless=True, max_frames=1))
print("FIRST_FLIP", repr(_first[0]))
"""


def _root() -> Path:
    from lm_game.content.locate import levels_dir

    return levels_dir().parent


def startup(runs: int = 5) -> dict[str, Any]:
    """Wall time from just before the interpreter starts to the first flip of `main.py`'s path
    (headless, 1 frame), best and median of `runs` fresh processes.
    """
    root = _root()
    code = _FIRST_FLIP.format(src=str(root / "src"))
    times: list[float] = []
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, LM_GAME_DATA_DIR=data, PYTHONDONTWRITEBYTECODE="0")
        for _ in range(runs):
            t0 = time.time()
            done = subprocess.run(
                [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=60
            )
            line = [ln for ln in done.stdout.splitlines() if ln.startswith("FIRST_FLIP")]
            if done.returncode != 0 or not line:
                return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:]}
            times.append(float(line[0].split()[1]) - t0)
    return {
        "runs": runs,
        "best_s": round(min(times), 4),
        "median_s": round(statistics.median(times), 4),
        "max_s": round(max(times), 4),
    }


def load_and_check(repeats: int = 10) -> dict[str, Any]:
    """load_all (which lints each level) plus the checks across levels, as `lm-game check` does."""
    from lm_game.content.lint import lint_levels
    from lm_game.content.loader import load_all
    from lm_game.content.locate import levels_dir

    root = levels_dir()
    times: list[float] = []
    count = 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        levels = load_all(root)
        lint_levels(levels, root)
        times.append(time.perf_counter() - t0)
        count = len(levels)
    return {
        "levels": count,
        "first_ms": round(times[0] * 1000, 2),
        "p50_ms": round(percentile(times, 50) * 1000, 2),
        "max_ms": round(max(times) * 1000, 2),
    }


def playthrough_memory(max_frames: int = 120_000, seed: int = 1) -> dict[str, Any]:
    """Peak RSS of a fresh process playing the whole game with the autoplayer."""
    root = _root()
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, LM_GAME_DATA_DIR=data, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        env["PYTHONPATH"] = str(root / "src") + os.pathsep + env.get("PYTHONPATH", "")
        done = subprocess.run(
            [sys.executable, "-m", "lm_game.bench.playthrough", "--frames", str(max_frames), "--seed", str(seed)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
        )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-3:]}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def archive(build: bool = False) -> dict[str, Any]:
    """Size of the web archive (build/web/*.apk); builds it first with `build` (tools/web/build.py)."""
    root = _root()
    web = root / "build" / "web"
    if build:
        done = subprocess.run(
            [sys.executable, str(root / "tools" / "web" / "build.py")],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if done.returncode != 0:
            return {"error": (done.stderr or done.stdout).strip().splitlines()[-3:]}
    apks = sorted(web.glob("*.apk")) if web.is_dir() else []
    if not apks:
        return {"built": False, "note": "not built; run make web (or lm-game bench --web)"}
    apk = max(apks, key=lambda p: p.stat().st_mtime)
    return {
        "built": True,
        "file": apk.relative_to(root).as_posix(),
        "bytes": apk.stat().st_size,
        "mb": round(apk.stat().st_size / (1024 * 1024), 3),
        "built_at": time.strftime("%Y-%m-%d %H:%M", time.localtime(apk.stat().st_mtime)),
    }
