"""Fixed-timestep stepping: same inputs give the same state; long frames are clamped."""

from __future__ import annotations

import asyncio

import pygame

from lm_game.app.loop import MAX_FRAME, STEP
from lm_game.app.screen import Screen
from lm_game.input.actions import Action, InputEvent
from lm_game.testing import Harness, TimedAction


class Mover(Screen):
    """A dot that moves while a direction is held; its position is the state under test."""

    def __init__(self) -> None:
        super().__init__()
        self.x = 0.0
        self.presses = 0

    def handle(self, event: InputEvent) -> bool:
        if event.action is Action.CONFIRM and event.pressed:
            self.presses += 1
        return True

    def update(self, dt: float) -> None:
        assert self.app is not None
        if Action.RIGHT in self.app.held:
            self.x += 120 * dt

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((0, 0, 0))
        pygame.draw.circle(surface, (255, 255, 255), (int(self.x), 270), 5)

    def state(self) -> dict[str, float]:
        return {"x": round(self.x, 6), "presses": self.presses}


SCRIPT = [
    TimedAction(3, Action.RIGHT),
    TimedAction(40, Action.CONFIRM),
    TimedAction(41, Action.CONFIRM, False),
    TimedAction(63, Action.RIGHT, False),
]


def run_once() -> dict:
    h = Harness()
    h.app.stack.push(Mover())
    return h.run(list(SCRIPT), 100)


def test_loop_same_inputs_same_state() -> None:
    a, b = run_once(), run_once()
    assert a == b
    assert a["top"] == {"x": 120.0, "presses": 1}  # held for exactly 60 fixed steps = 1 s


def test_loop_accumulator_steps_and_clamps() -> None:
    h = Harness()
    mover = Mover()
    h.app.stack.push(mover)
    assert h.app.frame(STEP / 2) == 0
    assert h.app.frame(STEP / 2 + 1e-9) == 1
    assert h.app.frame(5.0) <= round(MAX_FRAME / STEP)  # a 5 s stall runs at most 0.25 s of logic
    assert h.app.accumulator < STEP


def test_loop_async_run_yields_every_frame() -> None:
    h = Harness()
    h.app.stack.push(Mover())
    ticks = iter(i * STEP for i in range(10_000))
    other = {"ran": 0}

    async def neighbour() -> None:
        for _ in range(50):
            other["ran"] += 1
            await asyncio.sleep(0)

    async def both() -> None:
        await asyncio.gather(h.app.run(clock=lambda: next(ticks), max_frames=50), neighbour())

    asyncio.run(both())
    assert h.app.frame_count == 50
    assert other["ran"] == 50  # the loop never starved another task
