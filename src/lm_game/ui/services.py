"""The app's presentation services: storage, settings, saves, persistent data, audio, text cache.

`install(app, storage)` is called once by the composition root. Screens reach a service with
the helpers below (never a global). `apply_settings(app)` pushes changed settings to
everything that holds a copy (mixer volumes, key bindings, fullscreen, open screens).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pygame

from lm_game import platform_web
from lm_game.audio import SilentAudio, create_audio
from lm_game.render.text import TextCache
from lm_game.render.widgets import PanelCache
from lm_game.runtime.persistent import PersistentData, load_persistent, save_persistent
from lm_game.runtime.saves import SaveManager
from lm_game.runtime.settings import Settings, load_settings, save_settings
from lm_game.storage import MemoryStorage, Storage

if TYPE_CHECKING:
    from lm_game.app.loop import App

T = TypeVar("T")


def default_storage(headless: bool) -> Storage:
    """localStorage in the browser, the user's data folder on desktop; headless runs write to
    a folder only when LM_GAME_DATA_DIR names one (tests), else to memory."""
    if headless and not platform_web.IS_WEB and not os.environ.get("LM_GAME_DATA_DIR"):
        return MemoryStorage()
    return platform_web.platform_storage()


def load_initial_settings(storage: Storage) -> tuple[Settings, list[str]]:
    """The settings a new App starts with (defaults when none are stored)."""
    return load_settings(storage)


def _load_sound(rel: str) -> pygame.mixer.Sound:
    from lm_game.content.locate import find_asset

    if not rel.endswith(".ogg"):
        raise ValueError(f"sound {rel!r}: only OGG files are played (WEB.md)")
    return pygame.mixer.Sound(str(find_asset(rel)))


def install(app: App, storage: Storage | None = None, messages: list[str] | None = None) -> None:
    """Attach storage, settings, saves, persistent data, audio and caches to `app.services`."""
    store = storage if storage is not None else default_storage(app.headless)
    if app.settings is None:
        app.settings, loaded = load_settings(store)
        messages = (messages or []) + loaded
    persistent, more = load_persistent(store)
    app.services["storage"] = store
    app.services["saves"] = SaveManager(store)
    app.services["persistent"] = persistent
    app.services["messages"] = list(messages or []) + more
    audio_enabled = os.environ.get("LM_GAME_AUDIO", "1") != "0"
    app.services["audio"] = create_audio(_load_sound, audio_enabled)
    app.services.setdefault("on_shutdown", []).append(lambda: persist(app))
    app.quit_handler = lambda: confirm_quit(app)
    apply_settings(app, startup=True)


def _service(app: App, key: str, make: Callable[[], T]) -> T:
    """The service under `key`, made on first use (apps built without install() still work)."""
    found = app.services.get(key)
    if found is None:
        found = app.services[key] = make()
    return cast(T, found)


def settings(app: App) -> Settings:
    """The player's settings (defaults if the app was built without services)."""
    if not isinstance(app.settings, Settings):
        app.settings = Settings()
    return app.settings


def storage(app: App) -> Storage:
    return _service(app, "storage", MemoryStorage)


def saves(app: App) -> SaveManager:
    return _service(app, "saves", lambda: SaveManager(storage(app)))


def persistent(app: App) -> PersistentData:
    return _service(app, "persistent", PersistentData)


def audio(app: App) -> SilentAudio:
    return _service(app, "audio", SilentAudio)


def text(app: App) -> TextCache:
    return _service(app, "text", lambda: TextCache(512, max_bytes=4 * 1024 * 1024))


def panels(app: App) -> PanelCache:
    return _service(app, "panels", PanelCache)


def save_player_settings(app: App) -> str | None:
    """Write the settings now; an error sentence or None."""
    return save_settings(storage(app), settings(app))


def persist(app: App) -> None:
    """Write settings and read-text history (on quit and at level ends)."""
    save_settings(storage(app), settings(app))
    save_persistent(storage(app), persistent(app))


def apply_settings(app: App, startup: bool = False) -> None:
    """Push settings to the mixer, the input mapper, the display and every open screen."""
    s = settings(app)
    audio(app).set_volumes(s.master_volume, s.music_volume, s.sfx_volume)
    unknown = app.input.set_key_bindings(s.key_bindings)
    if unknown and not startup:
        app.services.setdefault("messages", []).append("Unknown keys ignored: " + ", ".join(unknown))
    if platform_web.CAN_FULLSCREEN and not app.headless and app.display.fullscreen != s.fullscreen:
        app.display.toggle_fullscreen()
    for screen in app.stack.screens:
        hook: Any = getattr(screen, "settings_changed", None)
        if callable(hook):
            hook()


def confirm_quit(app: App) -> None:
    """The window's close button (and Quit in menus): ask first, once."""
    from lm_game.ui.confirm import ConfirmScreen

    if isinstance(app.stack.top, ConfirmScreen) and app.stack.top.tag == "quit":
        return

    def really() -> None:
        persist(app)
        app.running = False

    app.stack.push(ConfirmScreen("Quit the game?", "Progress since your last save will be lost.", really, tag="quit"))
