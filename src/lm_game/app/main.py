"""The async entry point shared by main.py (desktop and pygbag) and the `lm-game` command."""

from __future__ import annotations

from lm_game import platform_web
from lm_game.app import game


async def play(level: str | None = None, scene: str | None = None, fullscreen: bool = False) -> None:
    """Open the window, show the title (or a level), run until the player quits."""
    app = game.create_app(headless=False)
    if fullscreen:
        app.display.toggle_fullscreen()
    if level:
        game.open_level(app, level, scene=scene)
    else:
        game.show_title(app)
    await app.run(fps_cap=None if platform_web.IS_WEB else 60.0)
