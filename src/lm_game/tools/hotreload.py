"""Developer tools for a level being played: hot reload (F6 and file polling) and replay recording (F8).

The play screen creates one ``DevTools`` when it enters and calls ``handle(event)`` first in its
own handle and ``update(dt)`` first in its update; everything else lives here.

Hot reload: when playing from a checkout (or with ``LM_GAME_HOT_RELOAD=1``), the level file's
mtime is polled every 0.5 s of game time (no threads); RELOAD (F6) reloads at once. A valid edit
replaces the play screen by one resumed from ``runner.save_data()`` on the new level: the
runtime's resume logic keeps the position where its ids still exist and says so when they don't.
An invalid edit pushes ``ReloadErrorOverlay`` (file:line:col for each error, dismissed with
confirm/cancel) and the game keeps running the old level.

Replays: a ``Recorder`` sees every input the App dispatches (installed once per App) stamped
with the play screen's step count; REPLAY_SAVE (F8) writes ``<level>-<n>.json`` into the user
data folder's ``replays/`` (or ``LM_GAME_REPLAY_DIR``) for ``lm-game replay FILE --check``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from lm_game.app.screen import Screen
from lm_game.input.actions import Action, InputEvent
from lm_game.tools.replay import Recorder, gameplay_settings, state_hash

POLL_SECONDS = 0.5


def hot_reload_enabled(level_file: Path | None) -> bool:
    """On when asked for (LM_GAME_HOT_RELOAD=1), or when the level file sits in a source checkout."""
    flag = os.environ.get("LM_GAME_HOT_RELOAD")
    if flag is not None:
        return flag not in ("", "0")
    from lm_game import platform_web

    if platform_web.IS_WEB or level_file is None:
        return False
    root = level_file.resolve().parent.parent
    return (root / "src" / "lm_game").is_dir() or (root / ".git").exists()


def _mtime(path: Path | None) -> float | None:
    if path is None:
        return None
    try:
        return path.stat().st_mtime_ns / 1e9
    except OSError:
        return None


class DevTools:
    """Hot reload and replay recording for one PlayScreen."""

    def __init__(self, screen: Any) -> None:
        self.screen = screen
        self.app = screen.the_app
        self.level_id: str | None = None
        self.path: Path | None = None
        self.mtime: float | None = None
        self.clock = 0.0
        self.last_poll = 0.0
        self.enabled = False
        self.failed_mtime: float | None = None
        self.reloads = 0
        self.saved: list[Path] = []
        self._track_level()
        self.enabled = hot_reload_enabled(self.path)
        self.recorder: Recorder | None = None
        if not getattr(screen, "resume_save", False):
            level = screen.level
            self.recorder = Recorder(
                level.id if level is not None else str(screen.ref),
                seed=int(getattr(screen, "seed", 0)),
                scene=getattr(screen, "start_scene", None),
                settings=gameplay_settings(self.app.settings),
                seen_lines=sorted(getattr(self.app.services.get("persistent"), "seen_lines", ())),
            )
        _install_dispatch_hook(self.app)
        self.app.services["recorder"] = self.recorder

    # ------------------------------------------------------------------ hooks called by PlayScreen

    def handle(self, event: InputEvent) -> bool:
        """RELOAD and REPLAY_SAVE; True when consumed."""
        if not event.pressed:
            return event.action in (Action.RELOAD, Action.REPLAY_SAVE)
        if event.action is Action.RELOAD:
            self.reload(force=True)
            return True
        if event.action is Action.REPLAY_SAVE:
            path = self.save_replay()
            toast = getattr(self.screen, "show_toast", None)
            if callable(toast):
                toast(f"Replay saved: {path}" if path else "Replays start at the beginning of a chapter.")
            return True
        return False

    def update(self, dt: float) -> bool:
        """Count the step for the recorder; poll the level file every POLL_SECONDS of game time.

        True when a reload replaced the play screen (its update should stop there).
        """
        if self.recorder is not None and self.app.services.get("recorder") is self.recorder:
            self.recorder.tick()
        self.clock += dt
        if not self.enabled or self.clock - self.last_poll < POLL_SECONDS:
            return False
        self.last_poll = self.clock
        self._track_level()
        current = _mtime(self.path)
        if current is not None and self.mtime is not None and current != self.mtime:
            if current != self.failed_mtime:
                return self.reload()
        return False

    # ------------------------------------------------------------------ hot reload

    def _track_level(self) -> None:
        level = getattr(self.screen, "level", None)
        if level is None or level.id == self.level_id:
            return
        from lm_game.content.locate import ResourceNotFound, find_level

        self.level_id = level.id
        try:
            self.path = find_level(level.id)
        except ResourceNotFound:
            self.path = None
        self.mtime = _mtime(self.path)

    def reload(self, force: bool = False) -> bool:
        """Reload the level file now; True when the new level is running."""
        from lm_game.content.loader import check_file

        self._track_level()
        if self.path is None:
            return False
        current = _mtime(self.path)
        level, problems = check_file(self.path, levels_root=self.path.parent)
        self.mtime = current
        if level is None:
            self.failed_mtime = current
            errors = [p for p in problems if p.severity == "error"] or problems
            self.app.stack.push(ReloadErrorOverlay(str(self.path), [str(p) for p in errors]))
            return False
        self.failed_mtime = None
        runner = getattr(self.screen, "runner", None)
        if runner is None:
            return False
        from lm_game.runtime.history import HistoryEntry
        from lm_game.runtime.state import GameState
        from lm_game.ui.play import PlayScreen

        save = runner.save_data()
        state = GameState.from_dict(save.state)
        history = [HistoryEntry.from_dict(entry) for entry in save.history]
        fresh = PlayScreen(str(self.path), game=state, history=history, resume=True)
        fresh.notice = f"Reloaded {self.path.name}."
        self.reloads += 1
        if self.app.stack.top is not self.screen:
            return False
        self.app.stack.replace(fresh)
        tools = getattr(fresh, "devtools", None)
        if isinstance(tools, DevTools):
            tools.reloads = self.reloads
        return True

    # ------------------------------------------------------------------ replays

    def replay_dir(self) -> Path:
        """Where F8 writes replays: the player's data folder (never the working directory)."""
        from lm_game.storage.file import default_data_dir

        return Path(os.environ.get("LM_GAME_REPLAY_DIR") or default_data_dir() / "replays")

    def save_replay(self, path: str | Path | None = None) -> Path | None:
        """Write the session so far as a replay file (None when this screen did not start the chapter)."""
        if self.recorder is None:
            return None
        replay = self.recorder.finish(state_hash(self.screen))
        if path is None:
            folder = self.replay_dir()
            n = 1
            while (folder / f"{replay.level}-{n}.json").exists():
                n += 1
            path = folder / f"{replay.level}-{n}.json"
        out = replay.save(path)
        self.saved.append(out)
        return out


def _install_dispatch_hook(app: Any) -> None:
    """Let the current recorder see every input the App dispatches (once per App)."""
    if app.services.get("recorder_hook"):
        return
    original = app.dispatch

    def dispatch(event: InputEvent) -> None:
        recorder = app.services.get("recorder")
        if recorder is not None:
            recorder.record(event)
        original(event)

    app.dispatch = dispatch
    app.services["recorder_hook"] = True


class ReloadErrorOverlay(Screen):
    """The edited level does not load: its errors (file:line:col), over the still-running old level."""

    overlay = True

    def __init__(self, file: str, errors: list[str]) -> None:
        super().__init__()
        self.file = file
        self.errors = errors

    def handle(self, event: InputEvent) -> bool:
        if event.pressed and event.action in (Action.CONFIRM, Action.CANCEL, Action.MENU, Action.RELOAD):
            assert self.app is not None
            self.app.stack.pop()
        return True

    def state(self) -> dict[str, Any]:
        """What the harness reports."""
        return {"screen": "ReloadErrorOverlay", "file": self.file, "errors": list(self.errors)}

    def draw(self, surface: Any) -> None:
        import pygame

        w, h = surface.get_size()
        veil = pygame.Surface((w, h), pygame.SRCALPHA)
        veil.fill((20, 10, 10, 200))
        surface.blit(veil, (0, 0))
        font = pygame.font.Font(None, 22)
        head = pygame.font.Font(None, 30)
        y = 30
        surface.blit(head.render("The edited level has errors; still playing the old one.", True, (255, 210, 190)),
                     (30, y))
        y += 40
        for line in self.errors[:16]:
            for part in _wrap(line, 110):
                surface.blit(font.render(part, True, (255, 240, 230)), (30, y))
                y += 22
        surface.blit(font.render("Fix the file and save (or press F6). Confirm/Cancel: close.", True,
                                 (230, 190, 120)), (30, h - 36))


def _wrap(text: str, width: int) -> list[str]:
    out: list[str] = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width)
        cut = cut if cut > 0 else width
        out.append(text[:cut])
        text = "    " + text[cut:].lstrip()
    out.append(text)
    return out
