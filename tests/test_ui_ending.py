"""Ending card and credits: real credits, the player's text size, and everything fits at every size."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from lm_game.content.loader import load_all
from lm_game.render import theme
from lm_game.runtime.settings import TEXT_SIZES, Settings
from lm_game.testing.harness import Harness
from lm_game.ui.ending import (
    CREDITS,
    CREDITS_WIDTH,
    TEXT_PAD,
    CreditsScreen,
    EndingScreen,
    credit_pages,
    credits_layout,
    ending_layout,
)

SCREEN = pygame.Rect(0, 0, 960, 540)
LONG = " ".join(["The Star walked on through the park, past every booth and every lens."] * 6)


def harness(size: str, reduced_motion: bool = False) -> Harness:
    return Harness(
        title=True,
        settings=Settings(text_size=size, photosensitivity_notice_seen=True, reduced_motion=reduced_motion),
    )


def endings() -> list[Any]:
    return list(load_all()[-1].endings.values())


def test_credits_are_real_credits() -> None:
    text = "\n".join(line for line, _ in CREDITS)
    for placeholder in ("the writing team", "the engine team", "our own asset scripts"):
        assert placeholder not in text
    for part in ("Leave Me Alone team", "Story, dialogue and level design", "Engine (Python, pygame-ce)",
                 "tools/assets", "1989", "pygame-ce", "SDL", "pygbag", "Thank you for playing"):
        assert part in text, part


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_ending_text_follows_the_text_size_and_fits_its_card(size: str) -> None:
    h = harness(size)
    try:
        for ending in [*endings(), type("E", (), {"id": "long", "title": "Long", "text": LONG, "background": None})]:
            screen = EndingScreen(ending.id, ending.title, ending.text, ending.background)
            h.app.stack.clear_to(screen, None)
            h.step(40)
            lay = screen.layout()
            if ending.id != "long":
                assert lay.size == theme.text_size(size), (ending.id, lay.size)
            assert SCREEN.contains(lay.panel), (ending.id, size, lay.panel)
            font = screen.font(lay.size)
            assert all(font.size(line)[0] <= lay.text_width for line in lay.lines)
            assert lay.text_width == lay.panel.w - 2 * TEXT_PAD
            title_w = screen.font(theme.ENDING_TITLE_SIZE).size(ending.title)[0]
            assert title_w <= lay.panel.w - 2 * TEXT_PAD
            assert " ".join(lay.lines).split() == ending.text.split()
    finally:
        h.close()


def test_ending_layout_grows_with_the_setting() -> None:
    pygame.font.init()
    def font_for(n: int) -> pygame.font.Font:
        return pygame.font.Font(None, n)

    text = endings()[0].text
    sizes = [ending_layout(font_for, text, s).size for s in TEXT_SIZES]
    assert sizes == sorted(sizes) and len(set(sizes)) == len(sizes)


@pytest.mark.parametrize("reduced", [False, True])
@pytest.mark.parametrize("size", TEXT_SIZES)
def test_credits_fit_at_every_size(size: str, reduced: bool) -> None:
    h = harness(size, reduced)
    try:
        screen = CreditsScreen()
        h.app.stack.clear_to(screen, None)
        h.step(3)
        rows, total = credits_layout(screen.font, size)
        for row in rows:
            assert screen.font(row.size).size(row.text)[0] <= CREDITS_WIDTH, row.text
        assert [r.y for r in rows] == sorted(r.y for r in rows)
        for page in credit_pages(rows, CreditsScreen.PAGE_ROOM):
            assert page[-1].y + page[-1].size - page[0].y <= CreditsScreen.PAGE_ROOM
        assert sum(len(p) for p in credit_pages(rows, CreditsScreen.PAGE_ROOM)) == len(rows)
        # the roll (or the pages) all get shown before the credits leave by themselves
        assert screen.duration() >= (total / CreditsScreen.SPEED if not reduced else CreditsScreen.PAGE_TIME)
        assert h.state()["stack"] == ["CreditsScreen"]
    finally:
        h.close()
