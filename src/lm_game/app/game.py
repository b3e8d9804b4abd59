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


def create_app(headless: bool = False, settings: Any = None) -> App:
    """A ready App with its services and nothing on the stack yet."""
    if headless:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    app = App(headless=headless, settings=settings)
    assets(app)
    return app


def show_title(app: App, transition: str | None = None) -> None:
    from lm_game.ui.title import TitleScreen

    app.stack.clear_to(TitleScreen(), transition)


def new_game(app: App) -> None:
    """Start the story from its first level."""
    import json

    from lm_game.content.locate import levels_dir

    index = json.loads((levels_dir() / "index.json").read_text(encoding="utf-8"))
    open_level(app, index["levels"][0], transition="fade")


def open_level(app: App, ref: str, scene: str | None = None, seed: int = 0, transition: str | None = None) -> None:
    """Play a level (id or path), optionally from one of its scenes."""
    from lm_game.ui.play import PlayScreen

    app.stack.clear_to(PlayScreen(ref, scene=scene, seed=seed), transition)
