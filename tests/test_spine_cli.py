"""The `lm-game` command line: version, help, headless `run` with a screenshot, errors on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from lm_game import __version__
from lm_game.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_cli_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for sub in ("run", "check"):
        assert sub in out


def test_cli_run_writes_a_960x540_screenshot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shot = tmp_path / "shot.png"
    code = main(
        ["run", "front_page", "--actions", str(ROOT / "tests/data/actions_demo.json"),
         "--frames", "300", "--screenshot", str(shot)]
    )
    assert code == 0
    state = json.loads(capsys.readouterr().out)
    assert state["frames"] == 300 and state["stack"][-1] == "PlayScreen"
    assert state["top"]["level"] == "front_page"
    image = pygame.image.load(str(shot))
    assert image.get_size() == (960, 540)
    colours = {image.get_at((x, y))[:3] for x in range(0, 960, 60) for y in range(0, 540, 60)}
    assert len(colours) > 10  # a drawn scene, not a blank canvas


def test_cli_run_accepts_a_level_path_and_a_scene(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(ROOT / "levels/examples/dodge.json"), "--frames", "30"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["frames"] == 30


def test_cli_errors_go_to_stderr_with_nonzero_exit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "no_such_level", "--frames", "1"]) != 0
    err = capsys.readouterr().err
    assert "no_such_level" in err and "looked in" in err
    bad = tmp_path / "actions.json"
    bad.write_text('[{"frame": 1, "action": "jump"}]')
    assert main(["run", "front_page", "--actions", str(bad), "--frames", "1"]) != 0
    assert "entry 0" in capsys.readouterr().err


def test_cli_entry_points_run_as_processes(tmp_path: Path) -> None:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-m", "lm_game", "--version"], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and __version__ in out.stdout
    bad = subprocess.run([sys.executable, "-m", "lm_game", "run", "nope"], capture_output=True, text=True, env=env)
    assert bad.returncode != 0 and "nope" in bad.stderr and bad.stdout == ""
