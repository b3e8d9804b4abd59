"""docs/authoring.md, step by step: its files are written and its commands run in a scratch copy of levels/.

Blocks tagged ```json file=PATH are written to PATH (relative to the scratch root); lines of
```sh blocks that start with `lm-game` run through the CLI in order (playing in a window,
`lm-game --level`, is skipped); `python -m pytest ... test_transcripts.py` is replaced by
running the transcript file the doc wrote. The result must pass check and explore.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest

from lm_game.cli import main
from lm_game.content.loader import load_level
from lm_game.runtime.transcript import play

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "authoring.md"
BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.S | re.M)


def steps() -> list[tuple[str, str, str]]:
    """(kind, info, body) for every fenced block, in document order."""
    return [(m.group(1), m.group(2).strip(), m.group(3)) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def test_doc_has_every_step() -> None:
    text = DOC.read_text(encoding="utf-8")
    for word in ("lm-game new", "lm-game check", "lm-game explore", "lm-game --level", "lm-game run",
                 "tests/transcripts/", "lm-game graph", "make web"):
        assert word in text, word


def test_authoring_walkthrough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "levels", tmp_path / "levels")
    monkeypatch.setenv("LM_GAME_DATA_ROOT", str(tmp_path))
    monkeypatch.setenv("LM_GAME_HOT_RELOAD", "0")
    monkeypatch.chdir(tmp_path)
    ran: list[str] = []
    transcript: Path | None = None
    for kind, info, body in steps():
        if kind == "json" and info.startswith("file="):
            target = tmp_path / info.split("=", 1)[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            json.loads(body)  # every file in the doc is valid JSON
            target.write_text(body, encoding="utf-8")
            if "transcripts" in target.parts:
                transcript = target
        elif kind == "sh":
            for line in body.splitlines():
                line = line.strip()
                if line.startswith("lm-game --level") or not line.startswith("lm-game "):
                    continue
                args = shlex.split(line)[1:]
                if args[0] == "explore":
                    args += ["--quiet", "--time-limit", "20"]
                code = main(args)
                out = capsys.readouterr()
                assert code == 0, f"`{line}` exited {code}\n{out.out}\n{out.err}"
                ran.append(args[0])
    assert ran[:3] == ["new", "check", "explore"]
    assert {"run", "graph"} <= set(ran)
    level_file = tmp_path / "levels" / "lantern_walk.json"
    level = load_level(level_file)
    assert level.title == "The Lantern Walk" and {s.type for s in level.scenes} == {"dialogue", "explore"}
    assert json.loads((tmp_path / "levels" / "index.json").read_text())["levels"][-1] == "lantern_walk"
    assert main(["check", str(level_file), "--strict"]) == 0
    assert main(["explore", "lantern_walk", "--quiet"]) == 0
    for name in ("lantern_walk.dot", "lantern_walk.mmd", "lantern_walk_flow.png", "lantern_walk.png"):
        assert (tmp_path / name).is_file(), name
    assert transcript is not None
    spec = json.loads(transcript.read_text(encoding="utf-8"))
    result = play(level, spec["actions"], seed=spec["seed"])
    assert result.lines == spec["expect"] and result.unused_actions == []
    assert not (ROOT / "levels" / "lantern_walk.json").exists()
