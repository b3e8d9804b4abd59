"""The App and its one async loop: events -> actions -> stack -> fixed-step update -> draw -> flip."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pygame

from lm_game.app.display import Display
from lm_game.app.stack import SceneStack
from lm_game.input.actions import DIRECTIONS, Action, InputEvent
from lm_game.input.mapping import InputMapper

STEP = 1.0 / 60.0
"""Game logic advances in fixed 60 Hz steps, whatever the display does."""
MAX_FRAME = 0.25
"""A longer frame (a stall, a dragged window) is clamped so logic never spirals."""
MAX_STEPS_PER_FRAME = 8


class App:
    """Owns the display, the input mapper and the scene stack; services are attached by the root."""

    def __init__(self, headless: bool = False, settings: Any = None) -> None:
        if not pygame.get_init():
            pygame.init()
        self.headless = headless
        self.settings = settings
        self.display = Display(headless=headless, fullscreen=bool(getattr(settings, "fullscreen", False)))
        self.canvas = self.display.canvas
        bindings = getattr(settings, "key_bindings", None) or None
        self.input = InputMapper(bindings, self.display.window_size)
        self.stack = SceneStack(self)
        self.held: set[Action] = set()
        self.pointer: tuple[float, float] | None = None
        self.running = True
        self.accumulator = 0.0
        self.frame_count = 0
        self.step_count = 0
        self.quit_handler: Callable[[], None] | None = None
        self.services: dict[str, Any] = {}

    # -- input -------------------------------------------------------------------------------
    def dispatch(self, event: InputEvent) -> None:
        """Track held actions and the pointer, handle app-wide actions, pass the rest on."""
        if event.pos is not None:
            self.pointer = event.pos
        if event.action in DIRECTIONS or event.action in (Action.CONFIRM, Action.DASH, Action.SKIP):
            if event.pressed:
                self.held.add(event.action)
            else:
                self.held.discard(event.action)
        if event.action is Action.QUIT:
            self.request_quit()
            return
        if event.action is Action.FULLSCREEN and event.pressed:
            state = self.display.toggle_fullscreen()
            if self.settings is not None and hasattr(self.settings, "fullscreen"):
                self.settings.fullscreen = state
            return
        self.stack.handle(event)

    def request_quit(self) -> None:
        """The window's close button: ask first when a handler is installed, else stop."""
        if self.quit_handler is not None:
            self.quit_handler()
        else:
            self.running = False

    def poll(self) -> None:
        for raw in pygame.event.get():
            for event in self.input.translate(raw):
                self.dispatch(event)

    # -- frames ------------------------------------------------------------------------------
    def frame(self, real_dt: float) -> int:
        """One display frame: input, as many fixed steps as time allows, draw, flip."""
        self.poll()
        self.accumulator += min(max(real_dt, 0.0), MAX_FRAME)
        steps = 0
        while self.accumulator >= STEP and steps < MAX_STEPS_PER_FRAME:
            self.stack.update(STEP)
            self.accumulator -= STEP
            steps += 1
        if steps == MAX_STEPS_PER_FRAME:
            self.accumulator = 0.0
        self.step_count += steps
        self.draw()
        self.frame_count += 1
        if not self.stack.screens and self.stack.transition is None:
            self.running = False
        return steps

    def draw(self) -> None:
        self.canvas.fill((0, 0, 0))
        self.stack.draw(self.canvas)
        self.display.present()

    async def run(
        self,
        clock: Callable[[], float] = time.perf_counter,
        max_frames: int | None = None,
        fps_cap: float | None = None,
    ) -> None:
        """The main loop. Never blocks: it yields to the event loop every frame.

        In the browser the page paces frames (`fps_cap=None`); on desktop the loop waits out
        the rest of each frame with `asyncio.sleep`, so it neither spins a core nor blocks.
        """
        last = clock()
        while self.running and (max_frames is None or self.frame_count < max_frames):
            now = clock()
            self.frame(now - last)
            last = now
            wait = 0.0
            if fps_cap:
                wait = max(0.0, 1.0 / fps_cap - (clock() - now))
            await asyncio.sleep(wait)
        self.shutdown()

    def shutdown(self) -> None:
        for hook in list(self.services.get("on_shutdown", [])):
            hook()
