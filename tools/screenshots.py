"""Screenshots of every scene of every level at every text size, through the headless Harness.

    python tools/screenshots.py [--out DIR] [--levels ID ...] [--sizes small medium ...]

For each level, scene and text size it writes ``<level>_<scene>_<size>.png`` (the first line
of a dialogue scene, or the gameplay view a few seconds in) and, when the scene reaches a
choice, ``<level>_<scene>_choice_<size>.png``. Also the chapter card, the three endings and the
credits (``extra_*.png``). Default output: test-artifacts/screenshots/levels/.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from lm_game.input.actions import Action  # noqa: E402
from lm_game.runtime.settings import TEXT_SIZES, Settings  # noqa: E402
from lm_game.testing.harness import Harness  # noqa: E402

OUT = ROOT / "test-artifacts" / "screenshots" / "levels"
#: Seconds of gameplay before the shot, per scene type (enough for projectiles, notes, cues).
GAMEPLAY_TIME = {"explore": 1.0, "dodge": 6.0, "rhythm": 5.0, "finale": 2.5, "cutscene": 3.0}
MAX_TAPS = 80


def settings_for(size: str) -> Settings:
    """Instant text at a text size, the photosensitivity notice already seen."""
    return Settings(text_size=size, text_speed=0, photosensitivity_notice_seen=True)


def top(h: Harness) -> dict[str, Any]:
    report: dict[str, Any] = h.state().get("top", {})
    return report


def settle(h: Harness, limit: int = 240) -> dict[str, Any]:
    """Step until no transition or card is running and something is on screen."""
    r = top(h)
    for _ in range(limit):
        if not (r.get("transition") or r.get("card")) and r.get("scene") is not None:
            break
        h.step()
        r = top(h)
    h.step(2)
    return top(h)


def shoot_scene(
    level: str, scene: str, scene_type: str, size: str, out: Path, reports: list[dict[str, Any]] | None = None
) -> list[Path]:
    """The shots of one scene at one text size; returns the files written (reports: what each showed)."""
    h = Harness(level=level, scene=scene, settings=settings_for(size))
    written: list[Path] = []

    def shot(name: str) -> None:
        written.append(h.screenshot(out / name))
        if reports is not None:
            reports.append({"file": written[-1], **top(h)})

    try:
        r = settle(h)
        if r.get("line") is None and r.get("choices") is None and scene_type != "dialogue":
            h.step(round(GAMEPLAY_TIME.get(scene_type, 1.0) * 60))
            r = top(h)
        shot(f"{level}_{scene}_{size}.png")
        for _ in range(MAX_TAPS):
            r = top(h)
            if r.get("screen") != "PlayScreen" or r.get("scene") != scene:
                break
            if r.get("choices") is not None:
                h.step(30)  # let the slips settle
                shot(f"{level}_{scene}_choice_{size}.png")
                break
            if r.get("line") is None:
                break
            h.tap(Action.CONFIRM)
            settle(h, 60)
    finally:
        h.close()
    return written


def shoot_extras(out: Path) -> list[Path]:
    """Chapter card, the three endings, the credits (medium text)."""
    from lm_game.content.loader import load_all
    from lm_game.ui.ending import CreditsScreen, EndingScreen

    written: list[Path] = []
    levels = load_all()
    h = Harness(level=levels[0].id, settings=settings_for("medium"))
    try:
        play: Any = h.app.stack.top
        play.level_end(levels[1].id)
        h.step(30)
        written.append(h.screenshot(out / "extra_chapter_card.png"))
        for ending in levels[-1].endings.values():
            h.app.stack.clear_to(EndingScreen(ending.id, ending.title, ending.text, ending.background), None)
            h.step(45)
            written.append(h.screenshot(out / f"extra_ending_{ending.id}.png"))
        h.app.stack.clear_to(CreditsScreen(), None)
        h.step(240)
        written.append(h.screenshot(out / "extra_credits.png"))
    finally:
        h.close()
    return written


def shoot_all(out: Path = OUT, level_ids: Iterable[str] | None = None, sizes: Iterable[str] = TEXT_SIZES) -> list[Path]:
    """Every scene of the chosen levels at the chosen sizes, plus the extras; returns the files."""
    from lm_game.content.loader import load_all

    out.mkdir(parents=True, exist_ok=True)
    wanted = set(level_ids) if level_ids else None
    written: list[Path] = []
    for level in load_all():
        if wanted is not None and level.id not in wanted:
            continue
        for scene in level.scenes:
            for size in sizes:
                written += shoot_scene(level.id, scene.id, scene.type, size, out)
    written += shoot_extras(out)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--levels", nargs="*")
    parser.add_argument("--sizes", nargs="*", default=list(TEXT_SIZES), choices=TEXT_SIZES)
    args = parser.parse_args(argv)
    files = shoot_all(args.out, args.levels, args.sizes)
    print(f"{len(files)} screenshot(s) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
