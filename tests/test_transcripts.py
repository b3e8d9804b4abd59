"""Transcript tests (like Yarn Spinner test plans): tests/transcripts/*.json name a level, a seed
and the player's actions, and list the exact lines and events expected.

File keys: "level", "levels_dir" (relative to the repo, default "levels"), "seed", "actions"
(see lm_game.runtime.transcript), "expect" (event lines), optional "state" (runner state at the
end), "vars" (variables and meters at the end), "inventory".
After an intentional writing change, regenerate one file with
``.venv/bin/python tests/test_transcripts.py --update tests/transcripts/NAME.json`` and review the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPTS = sorted((ROOT / "tests" / "transcripts").glob("*.json"))

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from lm_game.content.loader import load_level  # noqa: E402
from lm_game.runtime.transcript import Transcript, play  # noqa: E402


def run(spec: dict[str, Any]) -> Transcript:
    """Play the transcript file's script."""
    level = load_level(ROOT / spec.get("levels_dir", "levels") / f"{spec['level']}.json")
    return play(level, spec.get("actions", []), seed=int(spec.get("seed", 0)))


def test_transcript_files_exist_for_fixture_and_shipped_levels() -> None:
    names = {json.loads(p.read_text(encoding="utf-8"))["level"] for p in TRANSCRIPTS}
    index = json.loads((ROOT / "levels" / "index.json").read_text(encoding="utf-8"))
    shipped = set(index["levels"]) | {p.stem for p in (ROOT / "levels").glob("*.json") if p.stem != "index"}
    assert "runtime_demo" in names
    assert shipped <= names, f"levels without a transcript: {sorted(shipped - names)}"


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=[p.stem for p in TRANSCRIPTS])
def test_transcript(path: Path) -> None:
    spec = json.loads(path.read_text(encoding="utf-8"))
    result = run(spec)
    assert result.unused_actions == [], f"actions never used: {result.unused_actions}"
    expected = spec["expect"]
    for i, (got, want) in enumerate(zip(result.lines, expected, strict=False)):
        assert got == want, (
            f"{path.name}: event {i} differs\n  got:  {got}\n  want: {want}\n"
            f"if the change is intended: .venv/bin/python tests/test_transcripts.py --update {path}"
        )
    extra = result.lines[len(expected):] or ["(missing) " + e for e in expected[len(result.lines):]]
    assert len(result.lines) == len(expected), (
        f"{path.name}: {len(result.lines)} events, expected {len(expected)}; first difference: {extra[0]}"
    )
    runner = result.runner
    assert runner is not None
    if "state" in spec:
        assert runner.state.value == spec["state"]
    for name, value in spec.get("vars", {}).items():
        assert runner.game.get_var(name) == value, name
    if "inventory" in spec:
        assert runner.game.inventory == spec["inventory"]


def _update(path: Path) -> None:
    spec = json.loads(path.read_text(encoding="utf-8"))
    result = run(spec)
    assert result.runner is not None
    spec["expect"] = result.lines
    spec["state"] = result.runner.state.value
    path.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{path}: {len(result.lines)} events, unused actions {result.unused_actions}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--update":
        for name in sys.argv[2:]:
            _update(Path(name))
    else:
        print(__doc__)
