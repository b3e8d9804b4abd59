"""Ship assets/ and levels/ inside the wheel as lm_game/data/ (the resource locator looks there)."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithData(build_py):
    """Copy the top-level game data folders into the built package."""

    def run(self) -> None:
        super().run()
        here = Path(__file__).resolve().parent
        for name in ("assets", "levels"):
            target = Path(self.build_lib) / "lm_game" / "data" / name
            if target.exists():
                shutil.rmtree(target)
            if (here / name).is_dir():
                shutil.copytree(here / name, target, ignore=shutil.ignore_patterns("__pycache__"))


setup(cmdclass={"build_py": BuildPyWithData})
