"""Leave Me Alone: start the game (python main.py, the lm-game command, or pygbag in the browser)."""

import asyncio
import sys
from pathlib import Path
from typing import Any

try:
    import lm_game  # noqa: F401  (installed, or already importable)
except ImportError:  # a checkout or the web bundle: the package sits under src/
    sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))


async def main(**options: Any) -> None:
    """pygbag's entry point: one async loop that yields to the browser every frame.

    The page calls it bare; tests pass play()'s options (headless=True, max_frames=...).
    """
    from lm_game.app.main import play

    await play(**options)


asyncio.run(main())
