"""The code and data follow the browser's rules (docs: /work/shared/design/WEB.md).

No blocking calls, no threads or processes, only the standard library and pygame, the
browser-only module reached lazily, lowercase data names, OGG audio, Python 3.12 grammar,
and main.py ending with `asyncio.run(main())`.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "lm_game"
MAIN = ROOT / "main.py"
PLATFORM_WEB = SRC / "platform_web.py"
DEV_ONLY = {SRC / "bench", SRC / "commands" / "bench.py"}
"""Benchmark tools: never imported by the game, never packed for the web (tools/web/build.py)."""
SOURCES = [
    MAIN,
    *sorted(
        p
        for p in SRC.rglob("*.py")
        if "__pycache__" not in p.parts and not any(p == d or d in p.parents for d in DEV_ONLY)
    ),
]
PYTHON312 = [
    os.environ.get("LM_GAME_PYTHON312", ""),
    "/root/.pyenv/versions/3.12.1/bin/python3.12",
    shutil.which("python3.12") or "",
]
AUDIO_SUFFIXES = {".ogg", ".wav", ".mp3", ".flac", ".aiff", ".aif", ".xm", ".mod", ".mid", ".midi", ".opus", ".m4a"}
FORBIDDEN_MODULES = {"threading", "_thread", "multiprocessing", "subprocess", "concurrent", "signal", "pty", "tty"}


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def tree_of(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def absolute_imports(tree: ast.Module) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.append((node.lineno, node.module))
    return out


def dotted(node: ast.AST) -> str:
    """'a.b.c' for a Name/Attribute chain, '' otherwise."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def test_web_compat_sources_found() -> None:
    assert MAIN in SOURCES and PLATFORM_WEB in SOURCES
    assert len(SOURCES) > 20


def test_web_compat_no_blocking_calls() -> None:
    """time.sleep, input() and friends freeze the page: the browser runs one thread."""
    offenders = []
    blocking = {"time.sleep", "input", "asyncio.to_thread", "os.system", "os.popen", "os.fork", "os.wait"}
    for path in SOURCES:
        for node in ast.walk(tree_of(path)):
            if isinstance(node, ast.Call):
                name = dotted(node.func)
                if name in blocking or name.endswith(".run_in_executor"):
                    offenders.append(f"{rel(path)}:{node.lineno}: {name}()")
            if isinstance(node, ast.ImportFrom) and node.module == "time":
                if any(alias.name == "sleep" for alias in node.names):
                    offenders.append(f"{rel(path)}:{node.lineno}: from time import sleep")
    assert offenders == []


def test_web_compat_no_threads_or_processes() -> None:
    offenders = [
        f"{rel(path)}:{line}: import {name}"
        for path in SOURCES
        for line, name in absolute_imports(tree_of(path))
        if name.split(".")[0] in FORBIDDEN_MODULES
    ]
    assert offenders == []


def test_web_compat_imports_only_stdlib_pygame_and_the_game() -> None:
    """The browser has the standard library and pygame-ce; anything else would be fetched or fail."""
    allowed = set(sys.stdlib_module_names) | {"pygame", "lm_game"}
    offenders = [
        f"{rel(path)}:{line}: import {name}"
        for path in SOURCES
        for line, name in absolute_imports(tree_of(path))
        if name.split(".")[0] not in allowed
    ]
    assert offenders == []


def test_web_compat_browser_module_only_through_importlib_in_platform_web() -> None:
    """`platform.window` exists only in the browser; a static import breaks the desktop and the scan."""
    offenders = []
    for path in SOURCES:
        tree = tree_of(path)
        for line, name in absolute_imports(tree):
            if name.split(".")[0] == "platform":
                offenders.append(f"{rel(path)}:{line}: import {name} (use lm_game.platform_web)")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("window", "document") and path != PLATFORM_WEB:
                base = dotted(node.value)
                if base.split(".")[-1] == "platform":
                    offenders.append(f"{rel(path)}:{node.lineno}: {base}.{node.attr}")
    assert offenders == []
    text = PLATFORM_WEB.read_text(encoding="utf-8")
    assert 'importlib.import_module("platform")' in text


def test_web_compat_one_module_checks_for_the_browser() -> None:
    offenders = []
    for path in SOURCES:
        if path == PLATFORM_WEB:
            continue
        for node in ast.walk(tree_of(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value in ("emscripten", "wasi"):
                    offenders.append(f"{rel(path)}:{node.lineno}: {node.value!r} (use lm_game.platform_web)")
    assert offenders == []
    assert 'sys.platform == "emscripten"' in PLATFORM_WEB.read_text(encoding="utf-8")


def test_web_compat_no_system_fonts() -> None:
    """SysFont finds nothing in the browser: use the bundled default font or a shipped file."""
    offenders = []
    for path in SOURCES:
        for node in ast.walk(tree_of(path)):
            if isinstance(node, ast.Attribute) and node.attr in ("SysFont", "get_fonts", "match_font"):
                offenders.append(f"{rel(path)}:{node.lineno}: {dotted(node) or node.attr}")
    assert offenders == []


def test_web_compat_main_py_ends_with_asyncio_run_main() -> None:
    tree = tree_of(MAIN)
    last = tree.body[-1]
    assert isinstance(last, ast.Expr), "main.py must end with asyncio.run(main()), nothing after it"
    call = last.value
    assert isinstance(call, ast.Call) and dotted(call.func) == "asyncio.run"
    assert len(call.args) == 1 and not call.keywords
    inner = call.args[0]
    assert isinstance(inner, ast.Call) and dotted(inner.func) == "main" and not inner.args and not inner.keywords
    mains = [n for n in tree.body if isinstance(n, ast.AsyncFunctionDef) and n.name == "main"]
    assert len(mains) == 1, "main must be an async def at the top of main.py"
    assert not any(isinstance(n, ast.FunctionDef) and n.name == "main" for n in tree.body)


def data_files(folder: str) -> list[Path]:
    base = ROOT / folder
    return sorted(p for p in base.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_web_compat_data_names_are_lowercase() -> None:
    """The browser's file system is case-sensitive; the desktop's may not be."""
    offenders = [rel(p) for folder in ("assets", "levels") for p in data_files(folder) if rel(p) != rel(p).lower()]
    offenders += [rel(p) for p in SOURCES if rel(p) != rel(p).lower()]
    assert offenders == []


def test_web_compat_audio_is_ogg_only() -> None:
    files = data_files("assets")
    not_ogg = [rel(p) for p in files if p.suffix.lower() in AUDIO_SUFFIXES and p.suffix != ".ogg"]
    assert not_ogg == []
    fake = [rel(p) for p in files if p.suffix == ".ogg" and p.read_bytes()[:4] != b"OggS"]
    assert fake == [], "these .ogg files are not Ogg streams"


def test_web_compat_levels_use_ogg_audio_only() -> None:
    """Every sound or track a level names is an .ogg (pygbag refuses the rest; browsers vary)."""
    from lm_game.content.loader import load_level

    offenders = []
    for path in sorted((ROOT / "levels").glob("*.json")):
        if path.name == "index.json":
            continue
        for asset, loc in load_level(path, lint=False).assets():
            suffix = Path(asset).suffix.lower()
            if suffix in AUDIO_SUFFIXES and suffix != ".ogg":
                offenders.append(f"{rel(path)}: {asset} ({loc})")
    assert offenders == []


def find_python312() -> str | None:
    """The first Python 3.12 that really runs (a pyenv shim may exist without one behind it)."""
    for candidate in PYTHON312:
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        probe = subprocess.run(
            [candidate, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True, timeout=60
        )
        if probe.returncode == 0 and probe.stdout.strip() == "(3, 12)":
            return candidate
    return None


def test_web_compat_sources_compile_under_python_3_12(tmp_path: Path) -> None:
    """The browser runs CPython 3.12: every file must parse there too (we develop on 3.11)."""
    python = find_python312()
    if python is None:
        pytest.skip("python3.12 not found (set LM_GAME_PYTHON312 to check the browser's grammar)")
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"))  # never write into src/
    result = subprocess.run(
        [python, "-m", "py_compile", *[str(p) for p in SOURCES]],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
