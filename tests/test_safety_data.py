"""Data can never run code or reach outside the game's folders.

- No level, save or settings text is ever eval'd, exec'd, compiled, unpickled or used to import by
  name: a scan of src/ allows only static imports by name (cli.py's SUBCOMMANDS, constants).
- Asset paths that leave assets/ (``..``, absolute, drive letters, links pointing outside) are
  refused by content/locate.py and by the loader/lint, and the running game never opens them.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
from pathlib import Path

import pytest

from lm_game.content.errors import LevelLoadError
from lm_game.content.loader import check_file, load_level
from lm_game.content.locate import UnsafeAssetPath, check_asset_path, find_asset

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "lm_game"
SOURCES = [ROOT / "main.py", *sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)]
DEV_TOOLS = ("bench/", "commands/bench.py")  # `lm-game bench` may start processes; the game never imports it
EXAMPLE = json.loads((ROOT / "levels" / "examples" / "dialogue.json").read_text(encoding="utf-8"))

CODE_BUILTINS = {"eval", "exec", "compile", "__import__", "breakpoint"}
CODE_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "runpy", "code", "codeop", "ctypes"}
PROCESS_MODULES = {"subprocess", "multiprocessing", "pty"}


def rel(path: Path) -> str:
    return path.relative_to(SRC).as_posix() if path.is_relative_to(SRC) else path.name


def dotted(node: ast.AST) -> str:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _static_subcommands(tree: ast.Module) -> bool:
    """cli.py's SUBCOMMANDS is a literal list of string constants."""
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and target.id == "SUBCOMMANDS" and isinstance(value, ast.List):
            return all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts)
    return False


def _import_by_name_is_static(path: Path, tree: ast.Module, call: ast.Call) -> bool:
    if len(call.args) != 1 or call.keywords:
        return False
    arg = call.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return True
    # cli.py: importlib.import_module(f"lm_game.commands.{name}") for name in SUBCOMMANDS
    if path == SRC / "cli.py" and isinstance(arg, ast.JoinedStr) and _static_subcommands(tree):
        head = arg.values[0]
        return isinstance(head, ast.Constant) and head.value == "lm_game.commands."
    return False


def code_from_data_offenders(sources: list[Path]) -> list[str]:
    out: list[str] = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        dev_tool = rel(path).startswith(DEV_TOOLS)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for name in names:
                    top = name.split(".")[0]
                    if top in CODE_MODULES or (top in PROCESS_MODULES and not dev_tool):
                        out.append(f"{rel(path)}:{node.lineno}: import {name}")
                if isinstance(node, ast.ImportFrom) and node.module == "importlib":
                    if any(a.name in ("import_module", "__import__") for a in node.names):
                        out.append(f"{rel(path)}:{node.lineno}: from importlib import {node.names[0].name}")
            elif isinstance(node, ast.Call):
                name = dotted(node.func)
                if name in CODE_BUILTINS or name.startswith("builtins."):
                    out.append(f"{rel(path)}:{node.lineno}: {name}()")
                elif name in ("importlib.import_module", "importlib.__import__"):
                    if not _import_by_name_is_static(path, tree, node):
                        out.append(f"{rel(path)}:{node.lineno}: {name}() with a computed name")
                elif name in ("yaml.load", "yaml.unsafe_load", "os.system", "os.popen"):
                    out.append(f"{rel(path)}:{node.lineno}: {name}()")
    return out


def test_safety_scan_finds_the_sources() -> None:
    assert len(SOURCES) > 30 and SRC / "cli.py" in SOURCES


def test_safety_no_data_is_ever_run_as_code() -> None:
    assert code_from_data_offenders(SOURCES) == []


def test_safety_scan_catches_each_way_of_running_data(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import importlib, pickle\nfrom marshal import loads\n"
        "def f(text, name):\n"
        "    eval(text)\n    exec(text)\n    compile(text, 'x', 'exec')\n    __import__(name)\n"
        "    importlib.import_module(name)\n    importlib.import_module('lm_game.' + name)\n"
        "    importlib.import_module('platform')\n",
        encoding="utf-8",
    )
    found = code_from_data_offenders([bad])
    assert len(found) == 8, found  # everything but the constant import


def test_safety_cli_subcommands_are_a_literal_list() -> None:
    tree = ast.parse((SRC / "cli.py").read_text(encoding="utf-8"))
    assert _static_subcommands(tree)


# --------------------------------------------------------------------------- asset paths

UNSAFE_PATHS = [
    "../secret.png",
    "backgrounds/../../secret.png",
    "/etc/passwd.png",
    "C:/windows/secret.png",
    "backgrounds\\secret.png",
    "assets/../secret.png",
]


@pytest.mark.parametrize("path", UNSAFE_PATHS)
def test_safety_locate_refuses_paths_that_leave_assets(path: str, tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(b"x")
    with pytest.raises(UnsafeAssetPath):
        check_asset_path(path)
    with pytest.raises(UnsafeAssetPath):
        find_asset(path, tmp_path / "assets")


def _level_file(folder: Path, background: str) -> Path:
    doc = json.loads(json.dumps(EXAMPLE))
    doc["id"] = "unsafe"
    doc["scenes"][0]["background"] = background
    path = folder / "unsafe.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", UNSAFE_PATHS)
def test_safety_loader_refuses_a_level_referencing_paths_that_leave_assets(path: str, tmp_path: Path) -> None:
    level_file = _level_file(tmp_path, path)
    with pytest.raises(LevelLoadError) as caught:
        load_level(level_file, assets_root=tmp_path)
    errors = [e for e in caught.value.errors if e.code == "E026"]
    assert errors, str(caught.value)
    line = next(i for i, text in enumerate(level_file.read_text().splitlines(), 1) if '"background"' in text)
    assert errors[0].line == line and errors[0].col > 1 and errors[0].file.endswith("unsafe.json")


def _linked_assets(tmp_path: Path, as_dir: bool) -> Path:
    """An assets folder whose backgrounds/ticket_booth.png (or whole backgrounds/) links outside."""
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(ROOT / "assets" / "ui" / "icon.png", outside / "ticket_booth.png")
    assets = tmp_path / "root" / "assets"
    shutil.copytree(ROOT / "assets", assets, ignore=shutil.ignore_patterns("backgrounds"))
    if as_dir:
        os.symlink(outside, assets / "backgrounds")
    else:
        (assets / "backgrounds").mkdir()
        os.symlink(outside / "ticket_booth.png", assets / "backgrounds" / "ticket_booth.png")
    return assets


@pytest.mark.parametrize("as_dir", [False, True], ids=["file-link", "folder-link"])
def test_safety_links_out_of_assets_are_refused_by_locate_and_check(tmp_path: Path, as_dir: bool) -> None:
    assets = _linked_assets(tmp_path, as_dir)
    with pytest.raises(UnsafeAssetPath):
        find_asset("backgrounds/ticket_booth.png", assets)
    level_file = _level_file(tmp_path, "backgrounds/ticket_booth.png")
    level, problems = check_file(level_file, assets_root=assets)
    assert level is None
    assert [p.code for p in problems if p.severity == "error"] == ["E026"], [str(p) for p in problems]


def test_safety_the_running_game_never_opens_a_linked_asset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assets = _linked_assets(tmp_path, as_dir=False)
    (assets.parent / "levels").mkdir()
    shutil.copy(ROOT / "levels" / "examples" / "dialogue.json", assets.parent / "levels" / "dialogue.json")
    monkeypatch.setenv("LM_GAME_DATA_ROOT", str(assets.parent))
    from lm_game.testing.harness import Harness

    harness = Harness(level="dialogue")
    try:
        harness.step(20)
        cache = harness.app.services["assets"]
        assert "backgrounds/ticket_booth.png" not in cache._images
        assert harness.app.running and harness.state()["top"]["level"] == "dialogue"
    finally:
        harness.close()
