"""Layering: the story can be loaded, checked, played and saved without pygame."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "lm_game"
DISPLAY_FREE = ["model", "content", "runtime", "storage", "scenes"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_layers_display_free_packages_import_no_pygame() -> None:
    offenders = []
    for layer in DISPLAY_FREE:
        for path in sorted((SRC / layer).rglob("*.py")) if (SRC / layer).is_dir() else []:
            bad = {m for m in imported_modules(path) if m.split(".")[0] == "pygame"}
            bad |= {m for m in imported_modules(path) if m.startswith(("lm_game.render", "lm_game.ui", "lm_game.app"))}
            if bad:
                offenders.append(f"{path.relative_to(SRC)} imports {sorted(bad)}")
    assert offenders == []


def test_layers_scan_catches_a_pygame_import(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("from pygame import Rect\nimport os\n")
    assert "pygame" in imported_modules(sample)
