"""Build the browser version (`make web`): stage only what the game needs, pack it with pygbag offline.

    python tools/web/build.py            # -> build/web/{index.html, leave_me_alone.apk, favicon.png}
    python tools/web/build.py --zip      # ... and build/leave_me_alone-web.zip for itch.io
    python tools/web/build.py --stage-only

pygbag packs a whole folder and names everything after it, so we copy main.py, src/lm_game,
assets/ and levels/ into build/stage/leave_me_alone and point pygbag at that copy: the build
never touches our sources (pygbag may run `black` and `pngquant` over the folder it packs;
`--no_opt` turns pngquant off, the copy protects us from the rest). The page comes from our own
template (tools/web/template.tmpl) and icon (assets/ui/icon.png): with both local, pygbag needs
no network. The runtime the page loads (pythons.js, CPython + pygame-ce in WebAssembly) lives on
the pygame-web CDN, so the built page itself needs the network to run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[2]
APP_NAME = "leave_me_alone"
"""The stage folder's name: pygbag derives the archive's name (and the page's defaults) from it."""
TITLE = "Leave Me Alone"
WIDTH, HEIGHT = 960, 540
PACKED = ("main.py", "src/lm_game", "assets", "levels")
"""The only things that go into the archive (relative to the repository)."""
TEMPLATE = ROOT / "tools" / "web" / "template.tmpl"
ICON = ROOT / "assets" / "ui" / "icon.png"
MAX_ARCHIVE_BYTES = 4 * 1024 * 1024
OUTPUTS = ("index.html", f"{APP_NAME}.apk", "favicon.png")
"""What a player's browser downloads; pygbag's duplicate .tar.gz is left out."""

SKIP_DIR_NAMES = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
SKIP_PACKAGE_DIRS = {"src/lm_game/data", "src/lm_game/bench"}
"""The installed wheel's copy of assets/ and levels/ (setup.py), never packed twice; and the
benchmark tools (they time the game from outside with subprocess; the game never imports them)."""
SKIP_FILES = {"src/lm_game/commands/bench.py"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".orig", ".rej", ".swp", ".tmp", ".bak", ".log"}
AUDIO_SUFFIXES = {".ogg", ".wav", ".mp3", ".flac", ".aiff", ".xm", ".mod"}


class BuildError(Exception):
    """The build cannot go on; the message says what to fix."""


def _skipped(rel: PurePosixPath) -> bool:
    if any(part.startswith(".") or part in SKIP_DIR_NAMES for part in rel.parts):
        return True
    if str(rel) in SKIP_FILES or any(str(rel).startswith(prefix + "/") for prefix in SKIP_PACKAGE_DIRS):
        return True
    return rel.suffix.lower() in SKIP_SUFFIXES or rel.name.endswith("~")


def packed_files(root: Path = ROOT) -> list[PurePosixPath]:
    """Every file (relative, '/'-separated, sorted) that the archive will hold."""
    found: list[PurePosixPath] = []
    for entry in PACKED:
        path = root / entry
        if path.is_file():
            found.append(PurePosixPath(entry))
            continue
        if not path.is_dir():
            raise BuildError(f"{path} is missing: the web build packs {', '.join(PACKED)}")
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames.sort()
            for name in sorted(filenames):
                rel = PurePosixPath(Path(dirpath, name).relative_to(root).as_posix())
                if not _skipped(rel):
                    found.append(rel)
    return sorted(found)


def problems(files: Iterable[PurePosixPath]) -> list[str]:
    """What would break in the browser: uppercase data names (case-sensitive file system), non-OGG audio."""
    out: list[str] = []
    for rel in files:
        if rel.parts[0] in ("assets", "levels") and str(rel) != str(rel).lower():
            out.append(f"{rel}: rename it in lowercase (the browser's file system is case-sensitive)")
        if rel.suffix.lower() in AUDIO_SUFFIXES and rel.suffix.lower() != ".ogg":
            out.append(f"{rel}: browsers here play OGG only; convert it to .ogg")
    return out


def level_assets(root: Path = ROOT) -> dict[str, list[str]]:
    """Asset paths (relative to assets/) that each level refers to, by level file name."""
    src = str(root / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    from lm_game.content.loader import load_level

    used: dict[str, list[str]] = {}
    for path in sorted((root / "levels").glob("*.json")):
        if path.name == "index.json":
            continue
        level = load_level(path, lint=False)
        used[path.name] = sorted({rel for rel, _loc in level.assets()})
    return used


def missing_level_assets(root: Path = ROOT) -> list[str]:
    """'level.json: assets/x' for every asset a level uses that is not in assets/ (yet)."""
    out: list[str] = []
    for level, rels in level_assets(root).items():
        out.extend(f"{level}: assets/{rel}" for rel in rels if not (root / "assets" / rel).is_file())
    return out


def stage(dest: Path, root: Path = ROOT) -> list[PurePosixPath]:
    """Copy exactly `packed_files()` into a fresh `dest`; returns the list."""
    files = packed_files(root)
    bad = problems(files)
    if bad:
        raise BuildError("not web-safe:\n  " + "\n  ".join(bad))
    if dest.exists():
        shutil.rmtree(dest)
    for rel in files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, target)
    return files


def pygbag_command(stage_dir: Path, python: str = sys.executable) -> list[str]:
    """The pygbag call: build only, no optimiser, our template and icon (so no CDN download)."""
    return [
        python, "-m", "pygbag",
        "--build", "--no_opt",
        "--title", TITLE,
        "--width", str(WIDTH), "--height", str(HEIGHT),
        "--ume_block", "1",
        "--template", str(TEMPLATE),
        "--icon", str(ICON),
        str(stage_dir),
    ]  # fmt: skip


def run_pygbag(stage_dir: Path, python: str = sys.executable, timeout: float = 600) -> Path:
    """Run pygbag on the staged folder; returns its output folder (stage/build/web)."""
    for needed in (TEMPLATE, ICON):
        if not needed.is_file():
            raise BuildError(f"{needed.relative_to(ROOT)} is missing: the offline build needs it")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    # pygbag reads pygbag.ini from the working directory: run it where there is none.
    result = subprocess.run(
        pygbag_command(stage_dir, python),
        cwd=stage_dir.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    out = stage_dir / "build" / "web"
    if result.returncode != 0 or not (out / f"{APP_NAME}.apk").is_file() or not (out / "index.html").is_file():
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-30:])
        raise BuildError(f"pygbag failed (exit {result.returncode}):\n{tail}")
    return out


def archive_names(apk: Path) -> list[str]:
    """The archive's entries relative to the app folder (pygbag stores them under 'assets/')."""
    with zipfile.ZipFile(apk) as zf:
        names = [n for n in zf.namelist() if not n.endswith("/")]
    return sorted(n.removeprefix("assets/") for n in names)


def publish(built: Path, dest: Path) -> list[Path]:
    """Replace `dest` with the page, the archive and the icon."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    copied = []
    for name in OUTPUTS:
        shutil.copy2(built / name, dest / name)
        copied.append(dest / name)
    return copied


def make_zip(web: Path, target: Path) -> Path:
    """A zip with index.html at its top, as itch.io wants for an HTML game."""
    target.unlink(missing_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as zf:
        for name in OUTPUTS:
            zf.write(web / name, name)
    return target


def build(root: Path = ROOT, out: Path | None = None, with_zip: bool = False, stage_dir: Path | None = None) -> Path:
    """Stage, pack, check the size, publish to build/web; returns the published folder."""
    out = out or root / "build" / "web"
    stage_dir = stage_dir or root / "build" / "stage" / APP_NAME
    if stage_dir.name != APP_NAME:
        raise BuildError(f"the stage folder must be called {APP_NAME} (pygbag names the archive after it)")
    files = stage(stage_dir, root)
    print(f"staged {len(files)} files in {stage_dir}")
    for line in missing_level_assets(root):
        print(f"warning: a level uses a missing asset: {line}")
    built = run_pygbag(stage_dir)
    apk = built / f"{APP_NAME}.apk"
    packed = archive_names(apk)
    expected = [str(p) for p in files]
    if packed != expected:
        extra = sorted(set(packed) - set(expected))
        lost = sorted(set(expected) - set(packed))
        raise BuildError(f"the archive differs from the stage: extra {extra}, missing {lost}")
    size = apk.stat().st_size
    if size > MAX_ARCHIVE_BYTES:
        raise BuildError(f"{apk.name} is {size / 1e6:.2f} MB; keep it under {MAX_ARCHIVE_BYTES / 2**20:.0f} MiB")
    publish(built, out)
    print(f"built {out.relative_to(root) if out.is_relative_to(root) else out}: "
          f"{apk.name} {size / 1024:.0f} KiB, {len(packed)} files")  # fmt: skip
    if with_zip:
        target = make_zip(out, out.parent / f"{APP_NAME}-web.zip")
        print(f"itch.io upload: {target.relative_to(root) if target.is_relative_to(root) else target}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", action="store_true", help="also write build/leave_me_alone-web.zip (itch.io)")
    parser.add_argument("--stage-only", action="store_true", help="copy what would be packed, list it, stop")
    parser.add_argument("--json", action="store_true", help="with --stage-only: print the file list as JSON")
    args = parser.parse_args(argv)
    try:
        if args.stage_only:
            files = stage(ROOT / "build" / "stage" / APP_NAME)
            if args.json:
                print(json.dumps([str(f) for f in files], indent=1))
            else:
                print("\n".join(str(f) for f in files))
            return 0
        build(with_zip=args.zip)
    except BuildError as exc:
        print(f"web build: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
