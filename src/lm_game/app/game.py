"""Composition root: builds the App with its services and opens the first screen."""

from __future__ import annotations

import os
from typing import Any

from lm_game.app.loop import App
from lm_game.render.assets import AssetCache


def assets(app: App) -> AssetCache:
    """The app's asset cache (created on first use)."""
    cache = app.services.get("assets")
    if cache is None:
        cache = AssetCache()
        app.services["assets"] = cache
    return cache


def create_app(headless: bool = False, settings: Any = None, storage: Any = None) -> App:
    """A ready App with its services (storage, settings, saves, audio) and nothing on the stack yet."""
    if headless:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from lm_game.ui import services

    store = storage if storage is not None else services.default_storage(headless)
    messages: list[str] = []
    if settings is None:
        settings, messages = services.load_initial_settings(store)
    app = App(headless=headless, settings=settings)
    assets(app)
    services.install(app, store, messages)
    return app


def show_title(app: App, transition: str | None = None) -> None:
    from lm_game.ui.title import TitleScreen

    app.stack.clear_to(TitleScreen(), transition)


def new_game(app: App) -> None:
    """Start the story from its first level."""
    from lm_game.ui import flow

    flow.new_game(app)


def open_level(app: App, ref: str, scene: str | None = None, seed: int = 0, transition: str | None = None) -> None:
    """Play a level (id or path), optionally from one of its scenes."""
    from lm_game.ui.play import PlayScreen

    app.stack.clear_to(PlayScreen(ref, scene=scene, seed=seed), transition)
