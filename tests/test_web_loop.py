"""main.py's coroutine, run as the page runs it: thousands of frames, yielding every frame, headless.

The module body of main.py is executed without its last statement (`asyncio.run(main())`),
then its `main` coroutine is awaited with play()'s test options, next to a scripted "player"
task that posts pygame events, as the browser's event queue would.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import importlib.util
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pygame
import pytest

from lm_game import platform_web
from lm_game.app.loop import STEP

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"
FRAMES = 3000

MainCoroutine = Callable[..., Coroutine[Any, Any, None]]


def main_py_coroutine() -> MainCoroutine:
    """main.py's `main`, defined by running everything in main.py but its final asyncio.run()."""
    tree = ast.parse(MAIN.read_text(encoding="utf-8"), filename=str(MAIN))
    last = tree.body[-1]
    assert isinstance(last, ast.Expr) and ast.unparse(last) == "asyncio.run(main())"
    module = ast.Module(body=tree.body[:-1], type_ignores=[])
    namespace: dict[str, Any] = {"__name__": "lm_game_main_py", "__file__": str(MAIN)}
    exec(compile(module, str(MAIN), "exec"), namespace)  # noqa: S102 - our own entry point, minus its last line
    main = namespace["main"]
    assert asyncio.iscoroutinefunction(main)
    return main  # type: ignore[no-any-return]


class FrameClock:
    """A fake clock: each call is one frame start, one fixed step later than the last."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> float:
        self.calls += 1
        return self.calls * STEP

    @property
    def frames(self) -> int:
        return max(0, self.calls - 1)  # run() reads the clock once before the first frame


def key(kind: int, code: int) -> pygame.event.Event:
    return pygame.event.Event(kind, key=code, mod=0, unicode="", scancode=0)


def title_script(frames: int) -> dict[int, list[pygame.event.Event]]:
    """Walk the title menu up and down, wave the mouse; never confirm, never cancel."""
    script: dict[int, list[pygame.event.Event]] = {}
    for i, start in enumerate(range(30, frames - 30, 90)):
        code = pygame.K_DOWN if i % 2 == 0 else pygame.K_UP
        script.setdefault(start, []).append(key(pygame.KEYDOWN, code))
        script.setdefault(start + 4, []).append(key(pygame.KEYUP, code))
        pos = (100 + (i * 37) % 760, 100 + (i * 53) % 340)
        script.setdefault(start + 40, []).append(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))
        )
    return script


async def run_with_player(
    main: MainCoroutine, script: dict[int, list[pygame.event.Event]], clock: FrameClock, **options: Any
) -> int:
    """Run main(...) with a neighbour task posting `script` events; returns the neighbour's turns."""
    turns = 0

    async def player() -> None:
        nonlocal turns
        while True:
            for event in script.pop(clock.frames, []):
                pygame.event.post(event)
            turns += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(player())
    try:
        await main(clock=clock, **options)
    finally:
        task.cancel()
    return turns


@pytest.fixture
def fresh_pygame() -> Any:
    pygame.quit()
    yield
    pygame.quit()


def test_web_loop_main_py_runs_thousands_of_frames_headless(fresh_pygame: Any) -> None:
    main = main_py_coroutine()
    clock = FrameClock()
    turns = asyncio.run(run_with_player(main, title_script(FRAMES), clock, headless=True, max_frames=FRAMES))
    assert clock.frames == FRAMES  # ran to the limit: nothing stopped the loop early
    assert turns >= FRAMES - 1  # the loop yielded to its neighbour every frame, as the page needs
    screen = pygame.display.get_surface()
    assert screen is not None and screen.get_size() == (960, 540)
    colours = {screen.get_at((x, y))[:3] for x in range(0, 960, 40) for y in range(0, 540, 30)}
    assert len(colours) > 1, "the title screen drew nothing"


def test_web_loop_play_returns_the_app_after_exact_fixed_steps(fresh_pygame: Any) -> None:
    from lm_game.app.main import play

    app = asyncio.run(play(headless=True, max_frames=1200, clock=FrameClock()))
    assert app.frame_count == 1200
    assert abs(app.step_count - 1200) <= 1  # one fixed step per frame (give or take float rounding)
    assert app.running and app.stack.screens


def in_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """What changes in the page: the platform flags and a window with localStorage."""
    storage: dict[str, str] = {}
    local = type(
        "LocalStorage",
        (),
        {
            "getItem": staticmethod(storage.get),
            "setItem": staticmethod(storage.__setitem__),
            "removeItem": staticmethod(lambda k: storage.pop(k, None)),
        },
    )()
    window = type("Window", (), {"localStorage": local})()
    monkeypatch.setattr(importlib.import_module("platform"), "window", window, raising=False)
    monkeypatch.setattr(platform_web, "IS_WEB", True)
    monkeypatch.setattr(platform_web, "CAN_QUIT", False)
    monkeypatch.setattr(platform_web, "CAN_FULLSCREEN", False)
    monkeypatch.setattr(platform_web, "CAN_RESIZE", False)


def test_web_loop_in_browser_mode_runs_and_ignores_fullscreen(
    fresh_pygame: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_the_browser(monkeypatch)
    main = main_py_coroutine()
    clock = FrameClock()
    script = title_script(2000)
    script.setdefault(500, []).append(key(pygame.KEYDOWN, pygame.K_F11))  # fullscreen: a desktop feature
    script.setdefault(505, []).append(key(pygame.KEYUP, pygame.K_F11))
    asyncio.run(run_with_player(main, script, clock, headless=True, max_frames=2000))
    assert clock.frames == 2000


def test_web_loop_in_browser_mode_cancel_on_title_does_not_stop_the_game(
    fresh_pygame: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page cannot quit: Esc and Backspace on the title must leave the loop running."""
    in_the_browser(monkeypatch)
    main = main_py_coroutine()
    clock = FrameClock()
    script = {
        100: [key(pygame.KEYDOWN, pygame.K_ESCAPE)],
        104: [key(pygame.KEYUP, pygame.K_ESCAPE)],
        200: [key(pygame.KEYDOWN, pygame.K_BACKSPACE)],
        204: [key(pygame.KEYUP, pygame.K_BACKSPACE)],
    }
    asyncio.run(run_with_player(main, script, clock, headless=True, max_frames=600))
    assert clock.frames == 600


def test_web_loop_new_game_from_the_title(fresh_pygame: Any) -> None:
    """Confirm "New Game" on the title and keep playing the first level for thousands of frames."""
    if importlib.util.find_spec("lm_game.ui.play") is None:
        pytest.skip("lm_game.ui.play (the play screen) is not written yet")
    main = main_py_coroutine()
    clock = FrameClock()
    script: dict[int, list[pygame.event.Event]] = {
        60: [key(pygame.KEYDOWN, pygame.K_RETURN)],
        64: [key(pygame.KEYUP, pygame.K_RETURN)],
    }
    for frame in range(200, FRAMES, 45):  # then keep advancing the story
        script.setdefault(frame, []).append(key(pygame.KEYDOWN, pygame.K_RETURN))
        script.setdefault(frame + 3, []).append(key(pygame.KEYUP, pygame.K_RETURN))
    asyncio.run(run_with_player(main, script, clock, headless=True, max_frames=FRAMES))
    assert clock.frames == FRAMES
