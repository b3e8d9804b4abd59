"""Interface sounds, in one place: focus moved (select), confirmed (confirm), went back (cancel).

Every menu-like screen calls `play(app, kind)`; the sound goes through the app's audio service,
so it follows the master and effects volumes like any other effect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from lm_game.ui import services

if TYPE_CHECKING:
    from lm_game.app.loop import App

Kind = Literal["select", "confirm", "cancel"]

SOUNDS: dict[str, str] = {
    "select": "sfx/select.ogg",
    "confirm": "sfx/confirm.ogg",
    "cancel": "sfx/cancel.ogg",
}


def play(app: App | None, kind: Kind) -> None:
    """Play the interface sound `kind` (nothing before the screen is entered)."""
    if app is not None:
        services.audio(app).play_sfx(SOUNDS[kind])
