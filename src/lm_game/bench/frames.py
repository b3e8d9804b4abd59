"""Frame-time benchmark: the busiest shipped scene of each type, driven with input, against the floor."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lm_game.bench.drive import AutoPlayer
from lm_game.bench.stats import summary_ms

STEP = 1.0 / 60.0


@dataclass(frozen=True)
class SceneChoice:
    """The scene picked for a type, and why (its busyness score)."""

    type: str
    level: str
    scene: str
    score: int
    why: str


def _count(value: Any) -> int:
    """How many things a tuning block holds: list items (recursively) and map entries."""
    if isinstance(value, list):
        return len(value) + sum(_count(v) for v in value if isinstance(v, list | dict))
    if isinstance(value, dict):
        return sum(_count(v) for v in value.values() if isinstance(v, list | dict))
    return 0


def _say_steps(nodes: dict[str, Any], start: str | None) -> int:
    """Lines and choices reachable from a dialogue scene's start node (by goto)."""
    seen: set[str] = set()
    todo = [start] if start else []
    count = 0
    while todo:
        nid = todo.pop()
        if nid in seen or nid not in nodes:
            continue
        seen.add(nid)
        for step in nodes[nid]:
            if "say" in step:
                count += 1
            if "choice" in step:
                count += 1
                todo += [o["goto"] for o in step["choice"] if isinstance(o, dict) and "goto" in o]
            if "goto" in step:
                todo.append(step["goto"])
    return count


def busiest_scenes(levels_root: Path | None = None) -> dict[str, SceneChoice]:
    """Per scene type, the shipped scene with the most actors + tuning entries (waves, notes, hotspots,
    cues...) or, for dialogue, actors + reachable lines and choices.
    """
    from lm_game.content.loader import load_index
    from lm_game.content.locate import levels_dir

    root = levels_root or levels_dir()
    best: dict[str, SceneChoice] = {}
    for level_id in load_index(root):
        doc = json.loads((root / f"{level_id}.json").read_text(encoding="utf-8"))
        for scene in doc.get("scenes", []):
            kind = scene.get("type", "dialogue")
            actors = len(scene.get("actors") or [])
            if kind == "dialogue":
                lines = _say_steps(doc.get("nodes") or {}, scene.get("start"))
                score, why = actors + lines, f"{actors} actors + {lines} lines/choices"
            else:
                items = _count(scene.get(kind) or {})
                score, why = actors + items, f"{actors} actors + {items} tuning entries"
            if kind not in best or score > best[kind].score:
                best[kind] = SceneChoice(kind, level_id, scene["id"], score, why)
    return dict(sorted(best.items()))


def floor_frames(frames: int) -> list[float]:
    """The floor: a frame that only blits a full-screen background and flips."""
    import pygame

    from lm_game.render.assets import AssetCache

    surface = pygame.display.get_surface()
    assert surface is not None
    try:
        background = AssetCache().image("backgrounds/coaster.png")
    except (FileNotFoundError, ValueError):
        background = pygame.Surface(surface.get_size()).convert()
        background.fill((40, 30, 50))
    samples: list[float] = []
    for _ in range(frames):
        t0 = time.perf_counter()
        pygame.event.pump()
        surface.blit(background, (0, 0))
        pygame.display.flip()
        samples.append(time.perf_counter() - t0)
    return samples


def scene_frames(choice: SceneChoice, frames: int, seed: int = 0) -> dict[str, Any]:
    """Time `frames` frames (input, one update, draw, flip) of one scene; re-enter it when play leaves."""
    from lm_game.app import game
    from lm_game.runtime.settings import Settings
    from lm_game.testing.harness import Harness

    settings = Settings(text_speed=40, dodge_difficulty="normal")
    harness = Harness(level=choice.level, scene=choice.scene, seed=seed, settings=settings)
    app = harness.app
    driver = AutoPlayer(seed)
    samples: list[float] = []
    reentries = 0
    warmup = 5
    while len(samples) < frames:
        top = app.stack.top
        here = getattr(getattr(top, "scene", None), "id", None)
        if type(top).__name__ != "PlayScreen" or here != choice.scene or not app.running:
            game.open_level(app, choice.level, scene=choice.scene, seed=seed + reentries)
            app.running = True
            reentries += 1
            warmup = 5
        driver.feed(app)
        t0 = time.perf_counter()
        app.frame(STEP)
        elapsed = time.perf_counter() - t0
        if warmup > 0:  # entering a scene loads its images once; that is load time, not frame time
            warmup -= 1
            continue
        samples.append(elapsed)
    harness.close()
    out: dict[str, Any] = {
        "type": choice.type,
        "level": choice.level,
        "scene": choice.scene,
        "why": choice.why,
        **summary_ms(samples),
        "reentries": reentries,
    }
    return out


def run_frames(frames: int = 1200, seed: int = 0, only: list[str] | None = None) -> dict[str, Any]:
    """Every scene type's busiest scene plus the floor, in one process."""
    from lm_game.testing.harness import Harness

    warm = Harness(title=True)
    warm.step(5)
    floor = summary_ms(floor_frames(frames))
    warm.close()
    scenes = []
    for kind, choice in busiest_scenes().items():
        if only and kind not in only:
            continue
        result = scene_frames(choice, frames, seed)
        base = floor["p50_ms"] or 1e-9
        result["p99_vs_floor"] = round(result["p99_ms"] / base, 2)
        scenes.append(result)
    return {"floor": floor, "scenes": scenes}
