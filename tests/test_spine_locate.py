"""Resource locator: finds assets/ and levels/ from a checkout and from an installed wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lm_game.content import locate

ROOT = Path(__file__).resolve().parent.parent


def test_locate_checkout_finds_data_folders() -> None:
    assert locate.assets_dir() == ROOT / "assets"
    assert locate.levels_dir() == ROOT / "levels"


def test_locate_missing_file_lists_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(locate.ResourceNotFound) as err:
        locate.find_asset("sprites/no_such_thing.png")
    text = str(err.value)
    assert "sprites/no_such_thing.png" in text and str(ROOT / "assets") in text
    with pytest.raises(locate.ResourceNotFound) as err2:
        locate.find_level("no_such_level")
    assert "looked in" in str(err2.value) and "no_such_level.json" in str(err2.value)


@pytest.mark.parametrize(
    "bad", ["../secret.png", "/etc/passwd", "Sprites/Star.png", "a\\b.png", "", "x/../../y.png", "C:/x.png"]
)
def test_locate_unsafe_asset_paths_are_refused(bad: str) -> None:
    with pytest.raises(locate.UnsafeAssetPath):
        locate.find_asset(bad)


def test_locate_symlink_leaving_assets_is_refused(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    assets.mkdir()
    (tmp_path / "outside.png").write_bytes(b"x")
    os.symlink(tmp_path / "outside.png", assets / "link.png")
    with pytest.raises(locate.UnsafeAssetPath):
        locate.find_asset("link.png", root=assets)


def test_locate_installed_wheel_ships_and_finds_data(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    src = tmp_path / "src_copy"  # build from a copy: setuptools writes build/ inside the tree it builds
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("lm_game-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped_levels = sorted(p.name for p in (ROOT / "levels").glob("*.json"))
    for name in shipped_levels:
        assert f"lm_game/data/levels/{name}" in names
    assert not any(n.startswith(("tests/", "tools/", "docs/")) for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "LM_GAME_DATA_ROOT"}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from lm_game.content import locate; print(locate.levels_dir()); print(locate.assets_dir())",
        ],
        cwd=elsewhere,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert out == [str(site / "lm_game" / "data" / "levels"), str(site / "lm_game" / "data" / "assets")]
