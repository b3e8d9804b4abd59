"""The browser build: what gets staged and packed, the archive's size, and the page's loader contract.

The pygbag run is offline (our template and icon are local files) and done once per module.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
import zipfile
from pathlib import Path, PurePosixPath
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_PY = ROOT / "tools" / "web" / "build.py"
TEMPLATE = ROOT / "tools" / "web" / "template.tmpl"
LOADER_IDS = (
    "transfer", "status", "progress", "canvas", "html", "crt", "system", "box", "info",
    "iframe", "dlg", "dlg_multifile", "pyconsole", "terminal",
)  # fmt: skip
CONFIG_KEYS = (
    "xtermjs", "_sdl2", "user_canvas", "user_canvas_managed", "ume_block", "can_close",
    "archive", "gui_debug", "cdn", "autorun", "PYBUILD",
)  # fmt: skip
PALETTE = ("#c8323c", "#f3e9d2", "#d9a53a", "#1b2140")


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lm_web_build", BUILD_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


web = load_build()


def expected_files() -> list[str]:
    """What the archive must hold, worked out independently of build.py."""
    out = ["main.py"]
    for top in ("src/lm_game", "assets", "levels"):
        for path in (ROOT / top).rglob("*"):
            parts = path.relative_to(ROOT).parts
            if not path.is_file() or "__pycache__" in parts or any(p.startswith(".") for p in parts):
                continue
            rel = path.relative_to(ROOT).as_posix()
            if path.suffix in (".pyc", ".pyo") or rel.startswith(("src/lm_game/data/", "src/lm_game/bench/")):
                continue  # the wheel's data copy; the dev-only benchmark tools
            if rel == "src/lm_game/commands/bench.py":
                continue
            out.append(path.relative_to(ROOT).as_posix())
    return sorted(out)


def fingerprint(files: list[str]) -> dict[str, str]:
    return {f: hashlib.sha256((ROOT / f).read_bytes()).hexdigest() for f in files}


# -- staging (no pygbag needed) -----------------------------------------------------------------


def test_web_stage_lists_exactly_the_game() -> None:
    files = [str(p) for p in web.packed_files(ROOT)]
    assert files == expected_files()
    assert "main.py" in files and "src/lm_game/__init__.py" in files and "src/lm_game/platform_web.py" in files
    for top in ("tests/", "docs/", "tools/", "build/", ".venv/", ".git/", "README.md", "Makefile", "pyproject.toml"):
        assert not any(f.startswith(top) or f == top for f in files), top
    assert not any("__pycache__" in f or f.endswith(".pyc") for f in files)


def test_web_stage_copies_byte_for_byte_and_nothing_else(tmp_path: Path) -> None:
    dest = tmp_path / web.APP_NAME
    files = [str(p) for p in web.stage(dest, ROOT)]
    staged = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    assert staged == files
    for f in files:
        assert (dest / f).read_bytes() == (ROOT / f).read_bytes(), f


def test_web_stage_holds_every_level_and_every_asset_they_use() -> None:
    files = {str(p) for p in web.packed_files(ROOT)}
    levels = sorted(p.name for p in (ROOT / "levels").glob("*.json"))
    assert levels and all(f"levels/{name}" in files for name in levels)
    used = web.level_assets(ROOT)
    assert used, "no level refers to any asset?"
    missing_in_repo = web.missing_level_assets(ROOT)
    for level, rels in used.items():
        for rel in rels:
            if f"{level}: assets/{rel}" in missing_in_repo:
                continue  # not drawn yet: the level lint (W006) reports it; nothing to pack
            assert f"assets/{rel}" in files, f"{level} uses assets/{rel} but it would not be packed"
    if missing_in_repo:
        pytest.fail("levels use assets that do not exist yet: " + ", ".join(missing_in_repo))


def test_web_stage_skips_junk_and_refuses_what_breaks_in_the_browser(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "src" / "lm_game" / "__pycache__").mkdir(parents=True)
    (root / "src" / "lm_game" / "data" / "assets").mkdir(parents=True)
    (root / "assets" / "music").mkdir(parents=True)
    (root / "levels").mkdir()
    (root / "tests").mkdir()
    for name in (
        "main.py",
        "src/lm_game/__init__.py",
        "src/lm_game/__pycache__/x.cpython-311.pyc",
        "src/lm_game/data/assets/copy.png",
        "src/lm_game/.hidden",
        "assets/music/theme.ogg",
        "assets/music/.DS_Store",
        "levels/one.json",
        "tests/test_x.py",
        "README.md",
    ):
        (root / name).write_text("x")
    files = [str(p) for p in web.packed_files(root)]
    assert files == ["assets/music/theme.ogg", "levels/one.json", "main.py", "src/lm_game/__init__.py"]
    assert web.problems(web.packed_files(root)) == []

    (root / "assets" / "music" / "Theme2.ogg").write_text("x")
    (root / "assets" / "music" / "loop.wav").write_text("x")
    bad = web.problems(web.packed_files(root))
    assert any("Theme2.ogg" in b and "lowercase" in b for b in bad)
    assert any("loop.wav" in b and "OGG" in b for b in bad)
    with pytest.raises(web.BuildError, match="not web-safe"):
        web.stage(tmp_path / "stage" / web.APP_NAME, root)


def test_web_stage_needs_every_packed_folder(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text("x")
    with pytest.raises(web.BuildError, match="src/lm_game"):
        web.packed_files(tmp_path)


def test_web_pygbag_command_is_offline_and_safe() -> None:
    cmd = web.pygbag_command(Path("/tmp/stage") / web.APP_NAME, "python")
    assert cmd[:3] == ["python", "-m", "pygbag"]
    assert "--build" in cmd and "--no_opt" in cmd
    assert cmd[cmd.index("--template") + 1] == str(TEMPLATE)
    assert cmd[cmd.index("--icon") + 1] == str(ROOT / "assets" / "ui" / "icon.png")
    assert cmd[-1].endswith("/" + web.APP_NAME)


def test_web_template_keeps_the_loader_contract() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert re.match(r'^<html[^>]*><script src="\{\{cookiecutter\.cdn\}\}pythons\.js" type=module id="site"', first)
    assert first.endswith(">#<!--")
    assert "async def custom_site():" in text and "asyncio.run(custom_site())" in text
    assert "\n# BEGIN BLOCK\n" in text and "# --></script>" in text
    python_part = text.split("# --></script>", 1)[0]
    assert "<script" not in python_part.split("\n", 1)[1], "a script tag inside the Python block ends it early"


# -- the real build (pygbag, offline) ----------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("pygbag") is None:
        pytest.skip("pygbag is not installed here (pip install -e '.[dev]'); the staging tests above still ran")
    work = tmp_path_factory.mktemp("web")
    before = fingerprint(expected_files())
    out = web.build(ROOT, out=work / "web", stage_dir=work / "stage" / web.APP_NAME)
    assert fingerprint(expected_files()) == before, "the build changed our sources"
    return out


def archive(built: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(built / f"{web.APP_NAME}.apk")


def test_web_build_outputs_page_archive_and_icon(built: Path) -> None:
    assert sorted(p.name for p in built.iterdir()) == sorted(web.OUTPUTS)
    assert (built / "favicon.png").read_bytes() == (ROOT / "assets" / "ui" / "icon.png").read_bytes()


def test_web_build_archive_holds_the_game_and_nothing_else(built: Path) -> None:
    with archive(built) as zf:
        names = [n for n in zf.namelist() if not n.endswith("/")]
        assert zf.testzip() is None
        assert all(n.startswith("assets/") for n in names)  # pygbag's app folder inside the archive
        files = sorted(n.removeprefix("assets/") for n in names)
        assert files == expected_files()
        assert "main.py" in files  # at the app folder's root
        assert zf.read("assets/main.py") == (ROOT / "main.py").read_bytes()  # not reformatted
        for f in files:
            assert zf.read(f"assets/{f}") == (ROOT / f).read_bytes(), f  # not re-encoded (pngquant)
    used = {f"assets/{rel}" for rels in web.level_assets(ROOT).values() for rel in rels}
    present = {u for u in used if (ROOT / u).is_file()}
    assert present <= set(files)
    assert {f"levels/{p.name}" for p in (ROOT / "levels").glob("*.json")} <= set(files)


def test_web_build_archive_is_under_4_mb(built: Path) -> None:
    size = (built / f"{web.APP_NAME}.apk").stat().st_size
    assert size < web.MAX_ARCHIVE_BYTES == 4 * 1024 * 1024, f"{size / 1e6:.2f} MB"


def page_python(html: str) -> str:
    """The Python the loader runs: the text of the first script element."""
    head = html.split("</script>", 1)[0]
    return head.split(">", 2)[2]  # after '<html ...>' and '<script ...>'


def test_web_build_page_has_our_title_and_the_loader_contract(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    assert "{{cookiecutter" not in html, "an unfilled template value"
    first = html.splitlines()[0]
    assert re.match(r'^<html[^>]*><script src="https://[^"]+/pythons\.js" type=module id="site"', first), first
    assert 'data-python="python3.12"' in first
    assert "<title>Leave Me Alone</title>" in html
    code = page_python(html)
    compile(code, "index.html#site", "exec")  # the loader's Python is valid
    assert "async def custom_site():" in code and code.rstrip().endswith("# -->")
    assert f'bundle = "{web.APP_NAME}"' in code and "set_mode((960, 540))" in code
    assert "# BEGIN BLOCK" in code
    config = re.search(r"\nconfig = \{(.*?)\n\}", html, re.S)
    assert config, "no config object"
    for key in CONFIG_KEYS:
        assert re.search(rf"\b{key}\s*:", config.group(1)), key
    assert f'archive : "{web.APP_NAME}"' in config.group(1)
    assert re.search(r"ume_block\s*:\s*1\b", config.group(1)), "the page must wait for a click before sound"
    for element_id in LOADER_IDS:
        assert re.search(rf'id="?{element_id}"?[\s>]', html), element_id
    assert 'width="960" height="540"' in html


def test_web_build_page_looks_like_the_game(built: Path) -> None:
    html = (built / "index.html").read_text(encoding="utf-8")
    for colour in PALETTE:
        assert colour in html.lower(), colour
    assert "Click to start" in html
    assert "favicon.png" in html


def test_web_build_zip_for_itch(built: Path, tmp_path: Path) -> None:
    target = web.make_zip(built, tmp_path / "game.zip")
    with zipfile.ZipFile(target) as zf:
        assert sorted(zf.namelist()) == sorted(web.OUTPUTS)  # index.html at the top, as itch.io wants


def test_web_archive_names_match_what_was_staged(built: Path) -> None:
    names = web.archive_names(built / f"{web.APP_NAME}.apk")
    assert names == [str(p) for p in web.packed_files(ROOT)]
    assert all(PurePosixPath(n).parts[0] in ("main.py", "src", "assets", "levels") for n in names)
