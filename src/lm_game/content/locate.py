"""Finds the game's data folders (assets/, levels/) wherever the game runs from.

Searched in order: $LM_GAME_DATA_ROOT (tests, tools); the checkout or web bundle (the folder
holding main.py and src/); the installed wheel (lm_game/data/); the working directory.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_ASSET_NAME = re.compile(r"^[a-z0-9_][a-z0-9_./-]*$")


class ResourceNotFound(FileNotFoundError):
    """A data file or folder is missing; the message lists every place that was searched."""

    def __init__(self, what: str, searched: list[Path]) -> None:
        places = "\n".join(f"  - {p}" for p in searched) or "  (nowhere)"
        super().__init__(f"{what} not found; looked in:\n{places}")
        self.what = what
        self.searched = searched


class UnsafeAssetPath(ValueError):
    """An asset path that could leave assets/ or breaks the lowercase naming rule."""


def candidate_roots() -> list[Path]:
    """Folders that may hold `assets/` and `levels/`, most specific first."""
    roots: list[Path] = []
    env = os.environ.get("LM_GAME_DATA_ROOT")
    if env:
        roots.append(Path(env))
    roots.append(_PACKAGE_DIR.parent.parent)  # checkout / web bundle: <root>/src/lm_game
    roots.append(_PACKAGE_DIR / "data")  # installed wheel
    roots.append(Path.cwd())
    return roots


def data_dir(name: str) -> Path:
    """The first `name` folder (assets or levels) found among the candidate roots."""
    searched = [root / name for root in candidate_roots()]
    for path in searched:
        if path.is_dir():
            return path
    raise ResourceNotFound(f"the '{name}' folder", searched)


def assets_dir() -> Path:
    return data_dir("assets")


def levels_dir() -> Path:
    return data_dir("levels")


def check_asset_path(rel: str) -> PurePosixPath:
    """Validate an asset path from data: relative, '/'-separated, lowercase, inside assets/."""
    path = PurePosixPath(rel)
    if not rel or path.is_absolute() or "\\" in rel or rel.startswith("/"):
        raise UnsafeAssetPath(f"asset path {rel!r} must be relative to assets/, like 'sprites/star_idle.png'")
    if ".." in path.parts:
        raise UnsafeAssetPath(f"asset path {rel!r} must not contain '..'")
    if not _ASSET_NAME.match(rel):
        raise UnsafeAssetPath(
            f"asset path {rel!r} may only use lowercase letters, digits, '_', '-', '.' and '/'"
        )
    return path


def find_asset(rel: str, root: Path | None = None) -> Path:
    """The file for an asset path; refuses paths (or links) that lead outside assets/."""
    check_asset_path(rel)
    roots = [root] if root is not None else [r / "assets" for r in candidate_roots()]
    searched: list[Path] = []
    for base in roots:
        candidate = base / rel
        searched.append(candidate)
        if candidate.is_file():
            real_base = base.resolve()
            if not candidate.resolve().is_relative_to(real_base):
                raise UnsafeAssetPath(f"asset {rel!r} links outside {base}")
            return candidate
    raise ResourceNotFound(f"asset '{rel}'", searched)


def find_level(ref: str) -> Path:
    """A level by id (levels/<id>.json) or by path to a level file."""
    direct = Path(ref)
    if ref.endswith(".json") or os.sep in ref or "/" in ref:
        if direct.is_file():
            return direct
        raise ResourceNotFound(f"level file '{ref}'", [direct.resolve()])
    searched = []
    for root in candidate_roots():
        candidate = root / "levels" / f"{ref}.json"
        searched.append(candidate)
        if candidate.is_file():
            return candidate
    raise ResourceNotFound(f"level '{ref}'", searched)
