"""Headless harness: run the real app without a window, with scripted actions."""

from lm_game.testing.harness import Harness, TimedAction, load_actions

__all__ = ["Harness", "TimedAction", "load_actions"]
