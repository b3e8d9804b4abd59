"""Scene stack: order of enter/exit hooks, overlays stopping input below, transitions."""

from __future__ import annotations

import pygame
import pytest

from lm_game.app.loop import STEP
from lm_game.app.screen import Screen
from lm_game.input.actions import Action, InputEvent
from lm_game.testing import Harness


class Recorder(Screen):
    def __init__(self, name: str, log: list[str], overlay: bool = False, colour=(10, 20, 30)) -> None:
        super().__init__()
        self.name, self.log, self.overlay, self.colour = name, log, overlay, colour
        self.handled: list[Action] = []
        self.updates = 0

    def enter(self, app) -> None:  # type: ignore[no-untyped-def]
        super().enter(app)
        self.log.append(f"enter {self.name}")

    def exit(self) -> None:
        self.log.append(f"exit {self.name}")

    def cover(self) -> None:
        self.log.append(f"cover {self.name}")

    def uncover(self) -> None:
        self.log.append(f"uncover {self.name}")

    def handle(self, event: InputEvent) -> bool:
        self.handled.append(event.action)
        return True

    def update(self, dt: float) -> None:
        self.updates += 1

    def draw(self, surface: pygame.Surface) -> None:
        if self.overlay:
            surface.fill(self.colour, pygame.Rect(0, 0, 100, 100))
        else:
            surface.fill(self.colour)


@pytest.fixture
def harness() -> Harness:
    return Harness()


def test_stack_push_pop_replace_hook_order(harness: Harness) -> None:
    log: list[str] = []
    stack = harness.app.stack
    a, b, c = Recorder("a", log), Recorder("b", log), Recorder("c", log)
    stack.push(a)
    stack.push(b)
    stack.replace(c)
    stack.pop()
    assert log == ["enter a", "cover a", "enter b", "exit b", "enter c", "exit c", "uncover a"]
    assert stack.top is a


def test_stack_overlay_stops_input_and_updates_below_but_draws_both(harness: Harness) -> None:
    log: list[str] = []
    game = Recorder("game", log, colour=(200, 0, 0))
    pause = Recorder("pause", log, overlay=True, colour=(0, 0, 200))
    harness.app.stack.push(game)
    harness.step(2)
    harness.app.stack.push(pause)
    harness.send(Action.CONFIRM)
    harness.step(3)
    assert game.handled == [] and pause.handled == [Action.CONFIRM]
    assert game.updates == 2 and pause.updates == 3
    assert harness.app.canvas.get_at((10, 10))[:3] == (0, 0, 200)
    assert harness.app.canvas.get_at((500, 300))[:3] == (200, 0, 0)
    assert [type(s).__name__ for s in harness.app.stack.visible()] == ["Recorder", "Recorder"]


def test_stack_fade_transition_swaps_at_midpoint_and_blocks_input(harness: Harness) -> None:
    log: list[str] = []
    a, b = Recorder("a", log, colour=(250, 250, 250)), Recorder("b", log, colour=(250, 250, 250))
    stack = harness.app.stack
    stack.push(a)
    stack.replace(b, transition="fade")
    assert stack.top is a and stack.transition is not None
    harness.send(Action.CONFIRM)
    assert a.handled == []  # input is ignored while the curtain moves
    harness.step(round(0.25 / STEP) - 2)
    assert stack.top is a
    darkest = harness.app.canvas.get_at((480, 270))[0]
    assert darkest < 120  # nearly covered by the night colour
    harness.step(4)
    assert stack.top is b and log[-2:] == ["exit a", "enter b"]
    harness.step(40)
    assert stack.transition is None
    assert harness.app.canvas.get_at((480, 270))[:3] == (250, 250, 250)


def test_stack_reduced_motion_turns_wipe_into_fade(harness: Harness) -> None:
    from lm_game.app.transitions import Fade, Wipe, make_transition

    assert isinstance(make_transition("wipe", lambda: None), Wipe)
    assert isinstance(make_transition("wipe", lambda: None, reduced_motion=True), Fade)


def test_stack_app_stops_when_stack_empties(harness: Harness) -> None:
    harness.app.stack.push(Recorder("only", []))
    harness.step(1)
    harness.app.stack.pop()
    harness.step(1)
    assert harness.app.running is False
