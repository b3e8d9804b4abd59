"""Desktop Storage: one file per key in the user's data folder, written via temp file + os.replace."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from lm_game.storage.base import StorageError, check_key

APP_DIR_NAME = "lm-game"
ENV_OVERRIDE = "LM_GAME_DATA_DIR"


def default_data_dir(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    home: Path | None = None,
) -> Path:
    """Return the platform's per-user data folder for the game (LM_GAME_DATA_DIR overrides it)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path.home() if home is None else home
    override = env.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    if platform.startswith("win"):
        appdata = env.get("APPDATA")
        base = Path(appdata) if appdata else home / "AppData" / "Roaming"
        return base / APP_DIR_NAME
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_DIR_NAME
    xdg = env.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / APP_DIR_NAME


class FileStorage:
    """Stores each key as a file in `root`; a crash mid-write never leaves a half-written value."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else default_data_dir()

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def read(self, key: str) -> bytes | None:
        """Return the file's bytes, or None when it does not exist or cannot be read."""
        path = self._path(key)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageError(f"cannot read {path}: {exc.strerror or exc}") from exc

    def write(self, key: str, data: bytes) -> None:
        """Write to a temp file in the same folder, flush to disk, then atomically replace."""
        path = self._path(key)
        tmp_name: str | None = None
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=self.root)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, path)
            tmp_name = None
        except OSError as exc:
            raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from exc
        finally:
            if tmp_name is not None:
                try:
                    os.unlink(tmp_name)
                except OSError:
                    pass

    def delete(self, key: str) -> None:
        """Remove the key's file if present."""
        path = self._path(key)
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StorageError(f"cannot delete {path}: {exc.strerror or exc}") from exc

    def keys(self, prefix: str = "") -> list[str]:
        """Sorted keys (file names that are valid keys; temp files start with '.') under `prefix`."""
        try:
            names = os.listdir(self.root)
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StorageError(f"cannot list {self.root}: {exc.strerror or exc}") from exc
        result = []
        for name in names:
            if name.startswith(prefix) and not name.startswith(".") and (self.root / name).is_file():
                try:
                    check_key(name)
                except ValueError:
                    continue
                result.append(name)
        return sorted(result)
