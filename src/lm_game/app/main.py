"""The async entry point shared by main.py (desktop and pygbag) and the `lm-game` command."""

from __future__ import annotations

from collections.abc import Callable

from lm_game import platform_web
from lm_game.app import game
from lm_game.app.loop import App


async def play(
    level: str | None = None,
    scene: str | None = None,
    fullscreen: bool = False,
    *,
    headless: bool = False,
    max_frames: int | None = None,
    clock: Callable[[], float] | None = None,
) -> App:
    """Open the window, show the title (or a level), run until the player quits.

    Tests drive this same path with `headless`, a `max_frames` limit and a fake `clock`.
    """
    app = game.create_app(headless=headless)
    if fullscreen:
        app.display.toggle_fullscreen()
    if level:
        game.open_level(app, level, scene=scene)
    else:
        game.show_title(app)
    fps_cap = None if platform_web.IS_WEB or headless else 60.0
    if clock is None:
        await app.run(max_frames=max_frames, fps_cap=fps_cap)
    else:
        await app.run(clock, max_frames=max_frames, fps_cap=fps_cap)
    return app
